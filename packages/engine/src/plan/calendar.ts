/**
 * Calendar dates (`YYYY-MM-DD`, no time zone: a patrol day is the local day the host names) and
 * the periods a cadence repeats over.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/**
 * Days since 1970-01-01 of a valid calendar date `YYYY-MM-DD`, or `undefined` for anything else
 * (including impossible dates such as `2026-02-30`).
 *
 * @example
 * ```ts
 * import { dayNumber } from '@gridsafe/engine';
 * console.log(dayNumber('1970-01-02'), dayNumber('2026-02-30')); // 1 undefined
 * ```
 */
export function dayNumber(date: string): number | undefined {
  const m = DATE.exec(date);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return t / DAY_MS;
}

/** The date of a day number. */
function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/**
 * `date` plus `days` (negative to go back). `date` must be a valid date.
 *
 * @example
 * ```ts
 * import { addDays } from '@gridsafe/engine';
 * console.log(addDays('2026-02-28', 1)); // 2026-03-01
 * ```
 */
export function addDays(date: string, days: number): string {
  return fromDayNumber((dayNumber(date) as number) + days);
}

/** The first day of a month, `months` after the month of `date`. */
function monthStart(date: string, months = 0): string {
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1 + months];
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
}

/** A closed range of days, `from` and `due` included: the period a cadence's tasks fall due in. */
export interface Window {
  from: string;
  due: string;
}

/**
 * The period of a cadence that contains `date`, aligned to the calendar: days; ISO weeks (Monday
 * first) for `PnW`; months, half months (`P0.5M`: 1st–15th, 16th–end), quarters (`P3M`), half years
 * and years for calendar units. Other day counts are aligned to 1970-01-01. `undefined` for a
 * duration with time parts or mixed units, which no patrol cadence uses.
 *
 * @example
 * ```ts
 * import { windowOf } from '@gridsafe/engine';
 * console.log(windowOf('P1W', '2026-03-04')); // { from: '2026-03-02', due: '2026-03-08' }
 * console.log(windowOf('P0.5M', '2026-02-20')); // { from: '2026-02-16', due: '2026-02-28' }
 * ```
 */
export function windowOf(every: string, date: string): Window | undefined {
  const day = dayNumber(date);
  if (day === undefined) return undefined;
  const m = /^P(?:(\d+(?:\.5)?)([YMWD]))$/.exec(every);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2];
  if (unit === 'D' || unit === 'W') {
    if (!Number.isInteger(n) || n < 1) return undefined;
    const len = unit === 'D' ? n : 7 * n;
    // 1970-01-01 was a Thursday: shift by 3 so weeks start on Monday.
    const offset = unit === 'W' ? 3 : 0;
    const start = day - ((((day + offset) % len) + len) % len);
    return { from: fromDayNumber(start), due: fromDayNumber(start + len - 1) };
  }
  const months = unit === 'Y' ? n * 12 : n;
  if (months === 0.5) {
    const first = monthStart(date);
    const secondHalf = Number(date.slice(8, 10)) > 15;
    return secondHalf ? { from: addDays(first, 15), due: addDays(monthStart(date, 1), -1) } : { from: first, due: addDays(first, 14) };
  }
  if (!Number.isInteger(months) || months < 1 || 12 % months !== 0) return undefined;
  const index = Number(date.slice(5, 7)) - 1;
  const start = monthStart(date, -(index % months));
  return { from: start, due: addDays(monthStart(start, months), -1) };
}
