import { IsoDate, NonEmpty, SafeJson, safeRecord } from '@gridsafe/schema';
import * as t from 'io-ts';

const at = { unit: NonEmpty, date: IsoDate };

/** A codec that accepts numbers meeting `ok`, and says what it wanted when they do not. */
const numberWhere = (name: string, expected: string, ok: (n: number) => boolean) =>
  new t.Type<number, number, unknown>(
    name,
    (u): u is number => typeof u === 'number' && ok(u),
    (u, c) => (typeof u === 'number' && ok(u) ? t.success(u) : t.failure(u, c, expected)),
    t.identity,
  );
/** A finite number (JSON's 1e400 parses to Infinity, which no count may be). */
export const Finite = numberWhere('Finite', 'a finite number', Number.isFinite);
/** A whole number of people or things, 0 to 1,000,000. */
export const Headcount = numberWhere('Headcount', 'a whole number from 0 to 1000000', (n) => Number.isInteger(n) && n >= 0 && n <= 1e6);
/** A non-negative finite amount (yuan, people). */
export const Amount = numberWhere('Amount', 'a finite number of at least 0', (n) => Number.isFinite(n) && n >= 0);
const tagged = <T extends string, P extends t.Props, Q extends t.Props>(type: T, props: P, optional: Q) =>
  t.intersection([t.type({ type: t.literal(type), ...at, ...props }), t.partial(optional)], `${type} record`);

/** Declares a unit (grid, village, township, county…), its level, parent and staff by role. */
export const UnitRecord = t.intersection(
  [
    t.type({ type: t.literal('unit'), id: NonEmpty, level: NonEmpty }),
    t.partial({ parent: NonEmpty, name: t.string, staff: safeRecord(Headcount) }),
  ],
  'unit record',
);
/**
 * A planned patrol task and how it ended: `done` on the day; `carried` when it was missed, reported
 * and done the next day (counted as done, as the 五全 say); `missed`, `reported` or not.
 * `recordedOn` is when its result was entered (same-day recording).
 */
export const PatrolTaskRecord = tagged(
  'patrol',
  { status: t.keyof({ done: null, carried: null, missed: null }) },
  { reported: t.boolean, doneOn: IsoDate, recordedOn: IsoDate, task: NonEmpty },
);
/**
 * A hazard as it stands at the period's end: recorded on `date`, its tier, its state, its deadline
 * `dueOn` and closing day, and whether it was reported at once, extended, returned or reworked.
 */
export const HazardRecord = tagged(
  'hazard',
  { tier: t.keyof({ general: null, major: null }), state: t.keyof({ open: null, handled: null, closed: null }) },
  {
    id: NonEmpty,
    dueOn: IsoDate,
    closedOn: IsoDate,
    reportedImmediately: t.boolean,
    extended: t.boolean,
    returned: t.boolean,
    reworked: t.boolean,
  },
);
/** An information item submitted (信息报送). */
export const InfoRecord = tagged('info', {}, { id: NonEmpty });
/** An inspection: led by the unit's leaders (default) or a spot check (抽查). */
export const InspectionRecord = tagged('inspection', {}, { kind: t.keyof({ led: null, spot: null }) });
/** A grid work-safety meeting held. */
export const MeetingRecord = tagged('meeting', {}, {});
/** A cadre's visit to the grass roots (`cadre` is the role id), with or without a work record. */
export const VisitRecord = tagged('visit', {}, { cadre: NonEmpty, recorded: t.boolean });
/** A monthly progress-scheduling report (调度), optionally reported to the office. */
export const SchedulingRecord = tagged('scheduling', {}, { toOffice: t.boolean });
/** A report sent: a monthly report (default) or a bulletin (通报). */
export const ReportRecord = tagged('report', {}, { kind: t.keyof({ monthly: null, bulletin: null }) });
/** A training session held. */
export const TrainingRecord = tagged('training', {}, {});
/** An issue raised by supervision (督导), closed or not. */
export const SupervisionRecord = tagged('supervision', { closed: t.boolean }, {});
/**
 * A production accident: its level (一般 / 较大 / 重大 / 特别重大), and what a standard counts
 * accidents by: deaths, serious injuries at once, direct loss in yuan.
 */
export const AccidentRecord = tagged(
  'accident',
  { level: t.keyof({ general: null, serious: null, major: null, extraordinary: null }) },
  { id: NonEmpty, deaths: Headcount, seriousInjuries: Headcount, directLoss: Amount },
);
/** A station's facts on a date, assessed with the pack's construction standard (latest date wins). */
export const StationRecord = tagged('station', { facts: safeRecord(SafeJson) }, { stationType: NonEmpty });
/**
 * Any period fact of the pack's catalogue, for one unit and the month of `date`. A fact is given
 * once per unit and month (the months of a quarter add up); a later record that corrects one names
 * it by `id` in `supersedes`, with a `reason`, and the report keeps the correction.
 */
export const FactRecord = tagged(
  'fact',
  { fact: NonEmpty, value: t.union([Finite, t.boolean]) },
  { id: NonEmpty, supersedes: NonEmpty, reason: t.string },
);
/**
 * An assessor's value for a range deduction (扣分 by judgement) of one unit in the month of `date`:
 * the points off, within the deduction's range, who gave it and why. Corrected like a fact.
 */
export const AssessmentRecord = tagged(
  'assessment',
  { deduction: NonEmpty, value: Finite, assessor: NonEmpty, reason: NonEmpty },
  { id: NonEmpty, supersedes: NonEmpty },
);

/**
 * The io-ts codec of every record kind, by its `type`: `unit`, `patrol`, `hazard`, `info`,
 * `inspection`, `meeting`, `visit`, `scheduling`, `report`, `training`, `supervision`, `accident`,
 * `station`, `fact` and `assessment`. Every kind but `unit` has `unit` (a declared unit id) and `date` (`YYYY-MM-DD`).
 *
 * @example
 * ```ts
 * import { RECORD_CODECS } from '@gridsafe/scoring';
 * const ok = RECORD_CODECS.hazard.is({ type: 'hazard', unit: 'v1', date: '2026-07-03', tier: 'general', state: 'closed' });
 * console.log(ok, Object.keys(RECORD_CODECS)); // true [ 'unit', 'patrol', … ]
 * ```
 */
export const RECORD_CODECS = {
  unit: UnitRecord,
  patrol: PatrolTaskRecord,
  hazard: HazardRecord,
  info: InfoRecord,
  inspection: InspectionRecord,
  meeting: MeetingRecord,
  visit: VisitRecord,
  scheduling: SchedulingRecord,
  report: ReportRecord,
  training: TrainingRecord,
  supervision: SupervisionRecord,
  accident: AccidentRecord,
  station: StationRecord,
  fact: FactRecord,
  assessment: AssessmentRecord,
} as const;

/**
 * One record of a period's data, told apart by `type` (see {@link RECORD_CODECS} for each kind).
 *
 * @example
 * ```ts
 * import { ScoreRecord } from '@gridsafe/scoring';
 * const r = ScoreRecord.decode({ type: 'patrol', unit: 'g1', date: '2026-07-03', status: 'carried', reported: true });
 * console.log(r._tag); // Right
 * ```
 */
export const ScoreRecord = t.union(
  [
    UnitRecord,
    PatrolTaskRecord,
    HazardRecord,
    InfoRecord,
    InspectionRecord,
    MeetingRecord,
    VisitRecord,
    SchedulingRecord,
    ReportRecord,
    TrainingRecord,
    SupervisionRecord,
    AccidentRecord,
    StationRecord,
    FactRecord,
    AssessmentRecord,
  ],
  'ScoreRecord',
);
/** One record of a period's data. */
export type ScoreRecord = t.TypeOf<typeof ScoreRecord>;
/** A unit declaration. */
export type UnitRecord = t.TypeOf<typeof UnitRecord>;
/** A patrol task record. */
export type PatrolTaskRecord = t.TypeOf<typeof PatrolTaskRecord>;
/** A hazard record. */
export type HazardRecord = t.TypeOf<typeof HazardRecord>;
/** A fact record. */
export type FactRecord = t.TypeOf<typeof FactRecord>;
/** An assessment record. */
export type AssessmentRecord = t.TypeOf<typeof AssessmentRecord>;
/** The `type` of a record. */
export type RecordType = keyof typeof RECORD_CODECS;
