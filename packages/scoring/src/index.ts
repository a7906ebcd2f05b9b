/**
 * `@gridsafe/scoring`: assessment scoring as data. Metrics with their values, points, deductions
 * and caps; vetoes (一票否决); grade bands; and the runner for a pack's `score` cases.
 *
 * @packageDocumentation
 */
export { runScoreCase } from './cases.js';
export { MEASURES, type Measure, type MeasureValue } from './measures/index.js';
export { type Rounding, roundTo } from './rounding.js';
export { type MetricScore, type PeriodKind, type RuleRef, type Scorecard, type ScoreOptions, scoreFacts } from './score.js';
