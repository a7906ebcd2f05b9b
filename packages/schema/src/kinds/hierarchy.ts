import { type Static, Type } from '@sinclair/typebox';
import { Bilingual, Duration, header, Id, lockable, provenanceFields, StringEnum, strictObject } from '../common.js';
import { Body, Consequence, Duty, Milestone, Phase, Place, Scope, UnitKind } from './organisation.js';

export { Duty };

/** A grid level (网格等级): 一级 city/county down to 四级 basic grid. */
export const Level = strictObject({
  id: Id,
  rank: Type.Integer({ minimum: 1, maximum: 6, description: '1 = top (city/county), larger = closer to the ground.' }),
  title: Bilingual,
  responsibleBody: Bilingual,
  supervisingBody: Type.Optional(Bilingual),
  executedBy: Type.Optional(Bilingual),
  duties: Type.Array(Duty, { maxItems: 100 }),
  ...lockable,
  ...provenanceFields,
});
/** A grid level. */
export type Level = Static<typeof Level>;

/** A role (grid worker, grid head, supervisor, liaison cadre, platform information officer…). */
export const Role = strictObject({
  id: Id,
  title: Bilingual,
  level: Id,
  heldBy: Type.Optional(Bilingual),
  duties: Type.Array(Duty, { maxItems: 100 }),
  scope: Type.Optional(Scope),
  ...lockable,
  ...provenanceFields,
});
/** A role. */
export type Role = Static<typeof Role>;

/** What a cadence schedules. */
export const CADENCE_ACTIVITIES = [
  'patrol',
  'inspection',
  'meeting',
  'report',
  'visit',
  'scheduling',
  'supervision',
  'bulletin',
  'information',
  'assessment',
  'training',
  'publicity',
  'action',
] as const;

/** A cadence the text gives without a number: 定期 (regularly) or 经常 (often). */
export const CADENCE_FREQUENCIES = ['regular', 'often'] as const;

/**
 * A recurring duty: leader inspections, meetings, patrols, reports, training, publicity. Either
 * `every` (an ISO 8601 duration) with `count`, or, when the text gives no number (定期, 经常),
 * `frequency` and neither of them.
 */
export const Cadence = strictObject({
  id: Id,
  title: Bilingual,
  activity: StringEnum(CADENCE_ACTIVITIES),
  level: Type.Optional(Type.String({ ...Id, description: 'The level (or unit kind) whose units do it.' })),
  role: Type.Optional(Id),
  each: Type.Optional(
    Type.String({ ...Id, description: 'Done once for each unit of this level: "the grid head inspects every micro-grid".' }),
  ),
  every: Type.Optional(Duration),
  count: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'How many times per period `every` (at least).' })),
  frequency: Type.Optional(
    StringEnum(CADENCE_FREQUENCIES, { description: 'regular = 定期, often = 经常: the text gives no number, and none is invented.' }),
  ),
  scope: Type.Optional(Scope),
  ...lockable,
  ...provenanceFields,
});
/** A cadence. */
export type Cadence = Static<typeof Cadence>;

/** What a sizing rule sizes. */
export const SIZING_MEASURES = [
  'people',
  'households',
  'smallGrids',
  'fullTimeInspectors',
  'gridWorkers',
  'stations',
  'holders',
  'units',
] as const;

/** Whether a count is of full-time or part-time people (专职 / 兼职). */
export const EMPLOYMENTS = ['fullTime', 'partTime'] as const;

/**
 * A sizing rule: people or households per small grid, small grids per village grid, staff per
 * office, holders of a role per unit (one information clerk per village), units of a level (ten
 * level-3 grids), full-time or part-time, in one place only when the text says so.
 */
export const Sizing = strictObject({
  id: Id,
  title: Bilingual,
  subject: Type.String({ ...Id, description: 'The level (or unit kind) of the units being sized.' }),
  measure: StringEnum(SIZING_MEASURES),
  role: Type.Optional(Type.String({ ...Id, description: 'measure "holders": the role whose holders are counted.' })),
  of: Type.Optional(Type.String({ ...Id, description: 'measure "units": the level whose units are counted.' })),
  employment: Type.Optional(StringEnum(EMPLOYMENTS, { description: 'Count only full-time (专职) or part-time (兼职) people.' })),
  min: Type.Optional(Type.Number({ minimum: 0 })),
  max: Type.Optional(Type.Number({ minimum: 0 })),
  target: Type.Optional(Type.Number({ minimum: 0 })),
  /** What the text lets the number vary with (hazard, scale, importance…), when it does. */
  varies: Type.Optional(Bilingual),
  scope: Type.Optional(Scope),
  ...lockable,
  ...provenanceFields,
});
/** A sizing rule. */
export type Sizing = Static<typeof Sizing>;

/** Grid levels, roles, cadences and sizing of a region. */
export const HierarchyFile = strictObject(
  {
    ...header('hierarchy'),
    levels: Type.Optional(Type.Array(Level, { maxItems: 20 })),
    roles: Type.Optional(Type.Array(Role, { maxItems: 100 })),
    cadences: Type.Optional(Type.Array(Cadence, { maxItems: 200 })),
    sizing: Type.Optional(Type.Array(Sizing, { maxItems: 200 })),
    places: Type.Optional(Type.Array(Place, { maxItems: 500 })),
    units: Type.Optional(Type.Array(UnitKind, { maxItems: 100 })),
    bodies: Type.Optional(Type.Array(Body, { maxItems: 100 })),
    phases: Type.Optional(Type.Array(Phase, { maxItems: 50 })),
    milestones: Type.Optional(Type.Array(Milestone, { maxItems: 100 })),
    consequences: Type.Optional(Type.Array(Consequence, { maxItems: 100 })),
  },
  'Grid levels with bodies and duties, roles, cadences, sizing rules, places, unit kinds, bodies, phases, milestones and consequences.',
);
/** A hierarchy rule file. */
export type HierarchyFile = Static<typeof HierarchyFile>;
