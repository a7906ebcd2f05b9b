import { boolean } from './boolean.js';
import { count } from './count.js';
import { ratio } from './ratio.js';
import type { Measure } from './types.js';

/** Every metric measure, by the name a scoring file uses. */
export const MEASURES: Record<'ratio' | 'count' | 'boolean', Measure> = { ratio, count, boolean };
export type { Measure, MeasureContext, MeasureValue } from './types.js';
