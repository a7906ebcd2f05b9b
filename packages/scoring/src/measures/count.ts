import { clamp01, type Measure, num, targetOf } from './types.js';

/**
 * A count such as information items submitted; full points at `target` (default 1; per month when
 * `targetPer` is `month`). When lower is better (misses), full points up to `target` (default 0),
 * then one target's worth of share off for each target's worth over it.
 */
export const count: Measure = (metric, facts, _round, context) => {
  const numerator = facts[metric.numerator];
  const value = num(numerator);
  if (metric.better === 'lower') {
    const target = targetOf(metric, 0, context);
    return { value, numerator, target, share: value <= target ? 1 : clamp01(1 - (value - target) / Math.max(1, target)) };
  }
  const target = targetOf(metric, 1, context);
  return { value, numerator, target, share: target <= 0 ? 1 : clamp01(value / target) };
};
