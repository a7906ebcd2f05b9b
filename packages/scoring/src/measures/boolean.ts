import type { Measure } from './types.js';

/**
 * A yes/no metric such as "archives compiled": all points or none. Like a count, it is asked of
 * the units of its `targetEach` level and above (a rolled-up yes holds when every unit below that
 * reports holds); a unit below that level is not asked (value null, full points).
 */
export const boolean: Measure = (metric, facts, _round, context) => {
  const numerator = facts[metric.numerator as string];
  if (metric.targetEach !== undefined && context.units(metric) <= 0) return { value: null, numerator, share: 1 };
  return { value: numerator === true ? 1 : 0, numerator, share: numerator === true ? 1 : 0 };
};
