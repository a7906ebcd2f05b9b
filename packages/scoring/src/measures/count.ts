import { clamp01, type Measure, num } from './types.js';

/** A count such as information items submitted; full points at `target` (default 1). */
export const count: Measure = (metric, facts) => {
  const numerator = facts[metric.numerator];
  const value = num(numerator);
  const target = metric.target ?? 1;
  return { value, numerator, share: target <= 0 ? 1 : clamp01(value / target) };
};
