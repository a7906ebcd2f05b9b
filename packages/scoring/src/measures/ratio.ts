import { clamp01, type Measure, num, targetOf } from './types.js';

/**
 * A ratio such as the processing rate, handled over recorded. With nothing recorded the metric
 * does not apply and earns its full points (nothing was missed). When higher is better, full points
 * at `target` (default 1), pro rata below. When lower is better (an overdue rate), full points up to
 * `target` (default 0), falling linearly to none at 1.
 */
export const ratio: Measure = (metric, facts, round, context) => {
  const numerator = facts[metric.numerator as string];
  const denominator = metric.denominator ? facts[metric.denominator] : undefined;
  const d = num(denominator);
  const lower = metric.better === 'lower';
  const target = targetOf(metric, lower ? 0 : 1, context);
  if (d <= 0) return { value: null, numerator, denominator, target, share: 1 };
  const value = round(num(numerator) / d);
  if (lower) return { value, numerator, denominator, target, share: value <= target ? 1 : clamp01((1 - value) / (1 - target)) };
  return { value, numerator, denominator, target, share: target <= 0 ? 1 : clamp01(value / target) };
};
