import { type Static, Type } from '@sinclair/typebox';
import { Bilingual, Duration, header, Id, lockable, provenanceFields, StringEnum, strictObject } from '../common.js';

/** A duty of a level or role. */
export const Duty = strictObject({ id: Id, text: Bilingual, ...lockable, ...provenanceFields });

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
] as const;

/** A recurring duty: leader inspections, meetings, patrols, reports, as an ISO 8601 duration. */
export const Cadence = strictObject({
  id: Id,
  title: Bilingual,
  activity: StringEnum(CADENCE_ACTIVITIES),
  level: Type.Optional(Id),
  role: Type.Optional(Id),
  every: Duration,
  count: Type.Integer({ minimum: 1, maximum: 1000, description: 'How many times per period `every` (at least).' }),
  ...lockable,
  ...provenanceFields,
});
/** A cadence. */
export type Cadence = Static<typeof Cadence>;

/** What a sizing rule sizes. */
export const SIZING_MEASURES = ['people', 'households', 'smallGrids', 'fullTimeInspectors', 'gridWorkers', 'stations'] as const;

/** A sizing rule: people or households per small grid, small grids per village grid, staff per office. */
export const Sizing = strictObject({
  id: Id,
  title: Bilingual,
  subject: Id,
  measure: StringEnum(SIZING_MEASURES),
  min: Type.Optional(Type.Number({ minimum: 0 })),
  max: Type.Optional(Type.Number({ minimum: 0 })),
  target: Type.Optional(Type.Number({ minimum: 0 })),
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
  },
  'Grid levels with bodies and duties, roles, cadences and sizing rules.',
);
/** A hierarchy rule file. */
export type HierarchyFile = Static<typeof HierarchyFile>;
