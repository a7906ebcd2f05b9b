import { Type } from '@sinclair/typebox';
import { Bilingual, DateString, Id, StringEnum, strictObject } from '../common.js';

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
