import * as t from 'io-ts';
import { IsoDate, IsoDateTime, NonEmpty, SafeJson, safeRecord } from './primitives.js';

export { ESCALATION_EVENT_CODECS, EscalationEventCodec, type EscalationEventInput, RemediationPlanCodec } from './events.js';
export { type JsonSchema, toJsonSchema } from './json-schema.js';
export {
  IsoDate,
  type IsoDateBrand,
  IsoDateTime,
  type IsoDateTimeBrand,
  NonEmpty,
  type NonEmptyBrand,
  SafeJson,
  safeRecord,
} from './primitives.js';

/** An answer to a checklist item: yes/no, a number, a choice or text; null when not answered. */
export const AnswerValue = t.union([t.boolean, t.number, t.string, t.null], 'AnswerValue');

/** A photo taken as evidence. */
export const Photo = t.intersection(
  [t.type({ uri: NonEmpty }), t.partial({ itemId: NonEmpty, takenAt: IsoDateTime, sha256: t.string })],
  'Photo',
);
/** A photo taken as evidence. */
export type Photo = t.TypeOf<typeof Photo>;

/**
 * One patrol by a grid worker: which grid, who, when, the answers to the checklist items (by
 * item id), photos, and any observed facts the pack's conditions use.
 */
export const PatrolRecord = t.intersection(
  [
    t.type({
      id: NonEmpty,
      gridId: NonEmpty,
      gridType: NonEmpty,
      workerId: NonEmpty,
      at: IsoDateTime,
      answers: safeRecord(AnswerValue),
      photos: t.array(Photo),
    }),
    t.partial({ facts: safeRecord(SafeJson), notApplicable: t.array(NonEmpty), taskId: NonEmpty, note: t.string }),
  ],
  'PatrolRecord',
);
/** A patrol record. */
export type PatrolRecord = t.TypeOf<typeof PatrolRecord>;

/** The facts of one station (community or village grid station, township office) on a date. */
export const StationFacts = t.intersection(
  [t.type({ stationId: NonEmpty, date: IsoDate, facts: safeRecord(SafeJson) }), t.partial({ stationType: NonEmpty })],
  'StationFacts',
);
/** Station facts. */
export type StationFacts = t.TypeOf<typeof StationFacts>;

/** A hazard reported from the field, the start of a hazard case. */
export const HazardReport = t.intersection(
  [
    t.type({
      id: NonEmpty,
      gridId: NonEmpty,
      reportedAt: IsoDateTime,
      reporter: t.type({ id: NonEmpty, role: NonEmpty }),
      severity: t.keyof({ general: null, major: null }),
      description: t.string,
      photos: t.array(Photo),
    }),
    t.partial({
      recordId: NonEmpty,
      itemId: NonEmpty,
      sector: NonEmpty,
      facts: safeRecord(SafeJson),
      /** The grade the grid worker judges it to be (a grade id of the escalation policy); opens the case at that grade instead of `severity`. */
      grade: NonEmpty,
      /** The kind of case (a kind id of the escalation policy); absent: its first kind. */
      kind: NonEmpty,
      /** The units the grid belongs to, by hierarchy level id. */
      units: safeRecord(NonEmpty),
    }),
  ],
  'HazardReport',
);
/** A hazard report. */
export type HazardReport = t.TypeOf<typeof HazardReport>;

/** The period a set of data covers. */
export const Period = t.type({ kind: t.keyof({ month: null, quarter: null, year: null }), start: IsoDate }, 'Period');

/** A period's data for one unit: aggregated facts, and optionally the patrol records themselves. */
export const PeriodData = t.intersection(
  [
    t.type({ period: Period, unit: t.type({ id: NonEmpty, level: NonEmpty }), facts: safeRecord(SafeJson) }),
    t.partial({ records: t.array(PatrolRecord) }),
  ],
  'PeriodData',
);
/** A period's data. */
export type PeriodData = t.TypeOf<typeof PeriodData>;
