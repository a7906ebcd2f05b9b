import type { Period } from './period.js';

const DURATION = /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?$/;

/**
 * How many times a cadence (`every` an ISO 8601 duration such as `P1M`, `P1W`, `P0.5M`, `P3M`)
 * falls due in a period, times its `count`. Whole occurrences only: a quarterly duty is not due in a
 * month, a weekly one is due 4 times in a 30-day month (local default: whole weeks of the period).
 * A cadence the text gives without a number (定期, 经常: `frequency`, no `every`) falls due 0 times:
 * nothing is counted against it.
 *
 * @example
 * ```ts
 * import { occurrences, parsePeriodOrThrow } from '@gridsafe/scoring';
 * const q = parsePeriodOrThrow('2026-Q3');
 * console.log(occurrences({ every: 'P1M', count: 1 }, q), occurrences({ every: 'P1W', count: 1 }, q)); // 3 13
 * ```
 */
export function occurrences(cadence: { every?: string; count?: number }, period: Period): number {
  if (cadence.every === undefined) return 0;
  const m = DURATION.exec(cadence.every);
  if (!m) return 0;
  const [y, mo, w, d] = [m[1], m[2], m[3], m[4]].map((x) => (x ? Number(x) : 0)) as [number, number, number, number];
  const months = period.months.length;
  const eps = 1e-9;
  let n = 0;
  if (y > 0 || mo > 0) n = Math.floor(months / (y * 12 + mo) + eps);
  else if (w > 0 || d > 0) n = Math.floor(period.days / (w * 7 + d) + eps);
  return n * (cadence.count ?? 1);
}
