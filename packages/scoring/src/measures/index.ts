import { boolean } from './boolean.js';
import { count } from './count.js';
import { full } from './full.js';
import { ratio } from './ratio.js';
import type { Measure } from './types.js';

/**
 * Every metric measure, by the name a scoring file uses.
 *
 * @example
 * ```ts
 * import type { ScoringItem } from '@gridsafe/schema';
 * import { MEASURES, roundTo } from '@gridsafe/scoring';
 * declare const metric: ScoringItem; // a ratio metric: hazards.processed over hazards.recorded
 * const v = MEASURES.ratio(metric, { 'hazards.processed': 192, 'hazards.recorded': 208 }, (x) => roundTo(x, { mode: 'halfUp', digits: 2 }), { months: 1, units: () => 1 });
 * console.log(v.value, v.share); // 0.92 0.92
 * ```
 */
export const MEASURES: Record<'ratio' | 'count' | 'boolean' | 'full', Measure> = { ratio, count, boolean, full };
export type { Measure, MeasureContext, MeasureValue } from './types.js';
