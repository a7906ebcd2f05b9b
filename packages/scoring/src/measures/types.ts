import type { Metric } from '@gridsafe/schema';

/** What a measure computes from the period's facts: the metric value and its parts. */
export interface MeasureValue {
  /** The value, or null when the metric does not apply (nothing to count against). */
  value: number | null;
  numerator: unknown;
  denominator?: unknown;
  /** Share of the metric's points earned, in [0, 1]. */
  share: number;
}

/** One metric measure (ratio, count, boolean): how a value and its earned share are computed. */
export type Measure = (metric: Metric, facts: Readonly<Record<string, unknown>>, round: (x: number) => number) => MeasureValue;

export const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
export const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));
