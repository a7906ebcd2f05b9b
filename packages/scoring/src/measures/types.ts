import type { ScoringItem as Metric } from '@gridsafe/schema';

/** What a measure computes from the period's facts: the metric value and its parts. */
export interface MeasureValue {
  /** The value, or null when the metric does not apply (nothing to count against). */
  value: number | null;
  numerator: unknown;
  denominator?: unknown;
  /** The threshold for full points in this period (a count's target times the months when `targetPer` is `month`). */
  target?: number;
  /** Share of the metric's points earned, in [0, 1]. */
  share: number;
}

/** The period a measure runs over: how many months it spans. */
export interface MeasureContext {
  months: number;
  /**
   * How many units of this metric's `targetEach` level the facts stand for: 1 for a unit of that
   * level, the number of such units in the subtree above it, 0 below it (the count is not asked of
   * that unit).
   */
  units: (metric: Metric) => number;
}

/** One metric measure (ratio, count, boolean, full): how a value and its earned share are computed. */
export type Measure = (
  metric: Metric,
  facts: Readonly<Record<string, unknown>>,
  round: (x: number) => number,
  context: MeasureContext,
) => MeasureValue;

/** A finite number, or 0. */
export const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
/** Clamp to [0, 1]. */
export const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));
/** A metric's target for the period: per month targets scale with the months covered. */
export const targetOf = (metric: Metric, fallback: number, context: MeasureContext): number =>
  (metric.target ?? fallback) * (metric.targetPer === 'month' ? context.months : 1);
