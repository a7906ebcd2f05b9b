import type { Measure } from './types.js';

/** The 扣分制 measure: the element starts with all its points and loses only what its deductions take. */
export const full: Measure = () => ({ value: null, numerator: undefined, share: 1 });
