import { type Static, Type } from '@sinclair/typebox';
import { Bilingual, Id, lockable, provenanceFields, StringEnum, strictObject } from '../common.js';

/** A duty of a level, role, body, phase or milestone. */
export const Duty = strictObject({ id: Id, text: Bilingual, ...lockable, ...provenanceFields });
/** A duty. */
export type Duty = Static<typeof Duty>;

/**
 * A date as precise as the text gives it: a year (`2018`: by the end of 2018), a month (`2017-09`:
 * by the end of September 2017) or a day (`2017-10-17`). A deadline is the last day of the period;
 * a start is its first day.
 */
export const PeriodDate = Type.String({
  pattern: '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$',
  description: 'YYYY, YYYY-MM or YYYY-MM-DD: as precise as the text (2017年9月底 → 2017-09, 2018年底前 → 2018).',
});

/** Where an element holds when it does not hold across the whole pack. */
export const Scope = strictObject(
  {
    places: Type.Array(Id, {
      minItems: 1,
      maxItems: 50,
      uniqueItems: true,
      description: 'The places (ids of the hierarchy file’s `places`) the element holds in, and nowhere else.',
    }),
  },
  'Where an element holds: only in the places named (one town’s own standard), not across the pack.',
);
/** A scope. */
export type Scope = Static<typeof Scope>;

/** A named place (one town, one park office) that a scope can name. */
export const Place = strictObject({
  id: Id,
  title: Bilingual,
  level: Id,
  ...provenanceFields,
});
/** A place. */
export type Place = Static<typeof Place>;

/**
 * A kind of unit that is not a level of the grid hierarchy but is bound by requirements and assessed
 * all the same: county-direct lead departments (县直牵头单位, 责任单位), a sector's responsibility
 * zones (责任区).
 */
export const UnitKind = strictObject({
  id: Id,
  title: Bilingual,
  beside: Type.Optional(Id),
  departments: Type.Optional(
    Type.Array(Id, { maxItems: 200, uniqueItems: true, description: 'Catalogue departments that are units of this kind.' }),
  ),
  duties: Type.Array(Duty, { maxItems: 100 }),
  ...lockable,
  ...provenanceFields,
});
/** A unit kind. */
export type UnitKind = Static<typeof UnitKind>;

/** A seat of a body and who holds it, in the text's words (a role or department when there is one). */
export const Seat = strictObject({
  holder: Bilingual,
  role: Type.Optional(Id),
  department: Type.Optional(Id),
});
/** A seat. */
export type Seat = Static<typeof Seat>;

/** What kind of body. */
export const BODY_KINDS = ['leadingGroup', 'committee', 'jointMeeting', 'jointInspection'] as const;

/** A leading group, committee or joint system: who chairs, deputises, sits on it, and where its office is. */
export const Body = strictObject({
  id: Id,
  title: Bilingual,
  kind: StringEnum(BODY_KINDS, { description: '领导小组, 委员会, 联席会议, 联合稽查' }),
  level: Type.Optional(Id),
  chair: Type.Optional(Seat),
  deputies: Type.Optional(Type.Array(Seat, { maxItems: 50 })),
  members: Type.Optional(Type.Array(Seat, { maxItems: 200 })),
  lead: Type.Optional(Seat),
  office: Type.Optional(
    strictObject({ at: Bilingual, head: Type.Optional(Seat) }, 'The body’s office (办公室): where it sits and who heads it.'),
  ),
  duties: Type.Array(Duty, { maxItems: 100 }),
  scope: Type.Optional(Scope),
  ...lockable,
  ...provenanceFields,
});
/** A body. */
export type Body = Static<typeof Body>;

/** A work phase (工作阶段) with the dates the text gives, and what it must do. */
export const Phase = strictObject({
  id: Id,
  title: Bilingual,
  order: Type.Integer({ minimum: 1, maximum: 100 }),
  from: Type.Optional(PeriodDate),
  by: Type.Optional(PeriodDate),
  tasks: Type.Array(Duty, { maxItems: 100 }),
  ...lockable,
  ...provenanceFields,
});
/** A phase. */
export type Phase = Static<typeof Phase>;

/** A milestone: what must be in place by a date (or, when the text gives none, at all). */
export const Milestone = strictObject({
  id: Id,
  title: Bilingual,
  by: Type.Optional(PeriodDate),
  phase: Type.Optional(Id),
  tasks: Type.Array(Duty, { maxItems: 100 }),
  ...lockable,
  ...provenanceFields,
});
/** A milestone. */
export type Milestone = Static<typeof Milestone>;

/** What a consequence is. */
export const CONSEQUENCE_KINDS = ['bulletin', 'criticism', 'commendation', 'promotion', 'accountability'] as const;

/**
 * A consequence the rules produce for a unit: a bulletin (通报) naming it, criticism (批评),
 * commendation (表彰), promotion of its practice (宣传推广), accountability by law (依法处理).
 */
export const Consequence = strictObject({
  id: Id,
  kind: StringEnum(CONSEQUENCE_KINDS, { description: '通报, 批评, 表彰, 宣传推广, 依法处理' }),
  title: Bilingual,
  text: Bilingual,
  by: Type.Optional(Id),
  ...lockable,
  ...provenanceFields,
});
/** A consequence. */
export type Consequence = Static<typeof Consequence>;
