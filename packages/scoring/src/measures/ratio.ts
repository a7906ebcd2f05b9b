import { clamp01, type Measure, num } from './types.js';

/**
 * A ratio such as the processing rate, handled over recorded. With nothing recorded the metric
 * does not apply and earns its full points (nothing was missed). Full points at `target` (default 1).
 */
export const ratio: Measure = (metric, facts, round) => {
  const numerator = facts[metric.numerator];
  const denominator = metric.denominator ? facts[metric.denominator] : undefined;
  const d = num(denominator);
  if (d <= 0) return { value: null, numerator, denominator, share: 1 };
  const value = round(num(numerator) / d);
  return { value, numerator, denominator, share: clamp01(value / (metric.target ?? 1)) };
};
