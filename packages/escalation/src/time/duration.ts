import type { Calendar } from './calendar.js';
import { parseInstant } from './instant.js';
import { isoString } from './iso.js';

const DAY = 86_400_000;
const RE = /^P(?:([\d.]+)Y)?(?:([\d.]+)M)?(?:([\d.]+)W)?(?:([\d.]+)D)?(?:T(?:([\d.]+)H)?(?:([\d.]+)M)?(?:([\d.]+)S)?)?$/;

/**
 * An ISO 8601 duration split into whole days (Y as 365, M as 30, W as 7, D) and clock
 * milliseconds (H, M, S and any fraction of a day).
 *
 * @example
 * ```ts
 * import { parseDuration } from '@gridsafe/escalation';
 * console.log(parseDuration('P1DT2H')); // { days: 1, ms: 7200000 }
 * ```
 */
export function parseDuration(iso: string): { days: number; ms: number } | undefined {
  const m = RE.exec(iso);
  if (!m || iso === 'P' || iso.endsWith('T')) return undefined;
  const n = (i: number) => Number(m[i] ?? 0);
  const days = 365 * n(1) + 30 * n(2) + 7 * n(3) + n(4);
  if (Number.isNaN(days)) return undefined;
  const whole = Math.floor(days);
  return { days: whole, ms: Math.round((days - whole) * DAY) + n(5) * 3_600_000 + n(6) * 60_000 + n(7) * 1000 };
}

const parsed = new Map<string, { days: number; ms: number } | undefined>();

/** The last instant an RFC 3339 time can name (9999-12-31T23:59:59.999Z). */
const LAST = 253_402_300_799_999;
/** The first (0000-01-01T00:00:00.000Z). */
const FIRST = -62_167_219_200_000;
const inRange = (t: number) => (t >= 0 && t <= LAST ? isoString(t) : t >= FIRST && t < 0 ? new Date(t).toISOString() : undefined);

/**
 * The time `iso` after `at`, under `calendar`: clock hours run straight; days count working days
 * (if the calendar says so) in the calendar's zone, keeping the time of day. A due time that
 * lands on a non-working day under a working-day calendar moves to the next working day. Returns
 * `undefined` when `at` is not an RFC 3339 date-time, `iso` not a duration, or the result would
 * fall after the year 9999, or the calendar has no working day in a year.
 *
 * @example
 * ```ts
 * import { addDuration, calendarDays, workingDayCalendar } from '@gridsafe/escalation';
 * console.log(addDuration('2026-03-06T09:00:00+08:00', 'P1D', calendarDays)); // 2026-03-07T01:00:00.000Z
 * console.log(addDuration('2026-03-06T09:00:00+08:00', 'P1D', workingDayCalendar())); // 2026-03-09T01:00:00.000Z (Friday → Monday)
 * ```
 */
export function addDuration(at: string, iso: string, calendar: Calendar): string | undefined {
  let d = parsed.get(iso);
  if (d === undefined && !parsed.has(iso)) {
    d = typeof iso === 'string' ? parseDuration(iso) : undefined;
    if (parsed.size < 1000) parsed.set(iso, d);
  }
  const start = parseInstant(at);
  if (!d || Number.isNaN(start) || !calendar) return undefined;
  if (!calendar.workingDays) {
    return inRange(start + d.days * DAY + d.ms);
  }
  const shift = calendar.utcOffsetMinutes * 60_000;
  const local = (t: number) => new Date(t + shift).toISOString().slice(0, 10);
  let t = start;
  // Bounded: a calendar with no working day in a year of days would otherwise count for ever.
  for (let left = d.days, idle = 0; left > 0; ) {
    t += DAY;
    if (t > LAST) return undefined;
    if (calendar.isWorkingDay(local(t))) {
      left--;
      idle = 0;
    } else if (++idle > 366) return undefined;
  }
  t += d.ms;
  for (let guard = 0; !calendar.isWorkingDay(local(t)) && guard < 366; guard++) t += DAY;
  return inRange(t);
}
