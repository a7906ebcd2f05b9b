import type { Measure } from './types.js';

/** A yes/no metric such as "archives compiled": all points or none. */
export const boolean: Measure = (metric, facts) => {
  const numerator = facts[metric.numerator];
  return { value: numerator === true ? 1 : 0, numerator, share: numerator === true ? 1 : 0 };
};
