import { Type } from '@sinclair/typebox';
import { Bilingual, DateString, Id, StringEnum, strictObject } from '../common.js';
import { CADENCE_ACTIVITIES } from './hierarchy.js';

const Ids = (description: string) => Type.Array(Id, { uniqueItems: true, maxItems: 500, description });
const PeopleCount = Type.Union([
  Type.Number({ minimum: 0 }),
  strictObject({ fullTime: Type.Optional(Type.Number({ minimum: 0 })), partTime: Type.Optional(Type.Number({ minimum: 0 })) }),
]);

/** A case that asks which phases and milestones are due on a day. */
export const MilestonesCase = strictObject({
  id: Id,
  type: Type.Literal('milestones'),
  title: Bilingual,
  input: strictObject({
    date: DateString,
    done: Type.Optional(Type.Record(Id, Type.Union([DateString, Type.Literal(true)]), { description: 'Ids done, with the day.' })),
  }),
  expect: strictObject({
    due: Ids('Phases and milestones open on the day (deadline ahead).'),
    overdue: Ids('Phases and milestones past their deadline and not done.'),
    state: Type.Optional(
      Type.Record(Id, StringEnum(['upcoming', 'open', 'overdue', 'done', 'late', 'undated']), {
        description: 'The state of the ids listed.',
      }),
    ),
  }),
});

/** A case that checks one unit against the sizing rules of its level. */
export const SizingCase = strictObject({
  id: Id,
  type: Type.Literal('sizing'),
  title: Bilingual,
  input: strictObject({
    unit: strictObject({
      level: Id,
      places: Type.Optional(Type.Array(Id, { uniqueItems: true, maxItems: 50 })),
      counts: Type.Optional(Type.Record(Type.String({ pattern: '^[a-zA-Z]{1,40}$' }), PeopleCount)),
      holders: Type.Optional(Type.Record(Id, PeopleCount)),
      units: Type.Optional(Type.Record(Id, Type.Number({ minimum: 0 }))),
    }),
  }),
  expect: strictObject({
    status: Type.Record(Id, StringEnum(['met', 'below', 'above', 'guideline', 'unknown', 'placeUnknown']), {
      description: 'The status of every rule that applies to the unit.',
    }),
    outOfScope: Type.Optional(Ids('Rules of the level that hold only elsewhere.')),
    ok: Type.Optional(Type.Boolean()),
  }),
});

/** A case that checks the pack's bodies against a host's. */
export const BodiesCase = strictObject({
  id: Id,
  type: Type.Literal('bodies'),
  title: Bilingual,
  input: strictObject({
    bodies: Type.Record(
      Id,
      strictObject({
        established: Type.Optional(Type.Boolean()),
        chair: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
        deputies: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 100 })),
        members: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 500 })),
        lead: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
        office: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
      }),
    ),
  }),
  expect: strictObject({
    unfilled: Type.Array(Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{0,79}(#[a-z]+)?$' }), {
      uniqueItems: true,
      description: '`body` not set up and `body#seat` empty.',
    }),
  }),
});

/** A case that plans a day's tasks for some grids by the pack's cadences. */
export const PlanCase = strictObject({
  id: Id,
  type: Type.Literal('plan'),
  title: Bilingual,
  input: strictObject({
    date: DateString,
    grids: Type.Array(
      strictObject({
        id: Type.String({ minLength: 1, maxLength: 100 }),
        level: Type.Optional(Id),
        gridType: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
        places: Type.Optional(Type.Array(Id, { uniqueItems: true, maxItems: 50 })),
      }),
      { minItems: 1, maxItems: 200 },
    ),
    activities: Type.Optional(Type.Array(StringEnum(CADENCE_ACTIVITIES), { uniqueItems: true, minItems: 1 })),
  }),
  expect: strictObject({
    tasks: Type.Record(Id, Type.Integer({ minimum: 1 }), {
      description: 'How many tasks each cadence makes that day (cadences with none left out).',
    }),
    unscheduled: Type.Array(Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{0,79}(@.{1,100})?$' }), {
      uniqueItems: true,
      description: '`cadence` for one the text gives no number, `cadence@grid` for a grid that does not say where it lies.',
    }),
  }),
});
