/**
 * `@gridsafe/scoring`: assessment scoring as data. Period records stream into per-unit counters,
 * roll up grid → village → township → county, and are scored under the pack's scoring rules:
 * gates (eligibility) first; blocks of elements to any depth with sub-totals, caps and floors;
 * deductions per count, per condition, or by an assessor within a range; block and card vetoes
 * (一票否决); grade bands; ranks among units of a level. Renderers turn the report into JSON, Markdown or a self-contained HTML
 * page with SVG charts. A seeded generator makes synthetic period data for demos, tests and benchmarks.
 *
 * @packageDocumentation
 */
export type { HazardTally } from './aggregate/facts.js';
export { occurrences } from './cadence.js';
export { runScoreCase } from './cases.js';
export { MEASURES, type Measure, type MeasureContext, type MeasureValue } from './measures/index.js';
export { daysInMonth, type Period, type PeriodKind, parsePeriod, parsePeriodOrThrow, subPeriods } from './period.js';
export { decodeRecord } from './records/check.js';
export {
  type AssessmentRecord,
  type FactRecord,
  type HazardRecord,
  type PatrolTaskRecord,
  RECORD_CODECS,
  type RecordType,
  ScoreRecord,
  type UnitRecord,
} from './records/codec.js';
export { renderHtml } from './render/html.js';
export { renderJson } from './render/json.js';
export type { Lang, RenderOptions } from './render/labels.js';
export { renderMarkdown } from './render/markdown.js';
export type { Correction, ScoreReport, TrendPoint, UnitInfo, UnitScorecard } from './report.js';
export { type Rounding, roundTo } from './rounding.js';
export {
  type AssessorValue,
  type BlockScore,
  type CardStatus,
  type DeductionScore,
  type DefaultedFact,
  type GateResult,
  type ItemScore,
  type MetricScore,
  type RuleRef,
  type Scorecard,
  type ScoreFactsOptions,
  scoreFacts,
} from './score.js';
export { type PeriodRecords, type ScoreOptions, score } from './stream.js';
export { type SyntheticOptions, syntheticRecords, toAsync } from './synthetic/index.js';
