import { clamp01, type Measure, num, targetOf } from './types.js';

/**
 * A count such as information items submitted; full points at `target` (default 1; per month when
 * `targetPer` is `month`). When lower is better (misses), full points up to `target` (default 0),
 * then one target's worth of share off for each target's worth over it.
 *
 * The target is each unit's (of the metric's `targetEach` level): facts that stand for `n` such
 * units (a township over its villages) are measured by their average, so the reported target is
 * `n` times the unit's, and a parent reaches full points only when its units do on average. A
 * unit below that level is not asked for the count (value null, full points).
 */
export const count: Measure = (metric, facts, _round, context) => {
  const numerator = facts[metric.numerator as string];
  const value = num(numerator);
  const n = context.units(metric);
  // A unit below the metric's level (a grid, for a park office's monthly report) is not asked for
  // the count: like a ratio with nothing to count, it does not apply and misses nothing.
  if (n <= 0) return { value: null, numerator, target: 0, share: 1 };
  const each = value / n;
  if (metric.better === 'lower') {
    const target = targetOf(metric, 0, context);
    return { value, numerator, target: target * n, share: each <= target ? 1 : clamp01(1 - (each - target) / Math.max(1, target)) };
  }
  const target = targetOf(metric, 1, context);
  return { value, numerator, target: target * n, share: target <= 0 ? 1 : clamp01(each / target) };
};
