import { isoString } from './iso.js';

const digit = (s: string, i: number) => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
};
const two = (s: string, i: number) => {
  const a = digit(s, i);
  const b = digit(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
};
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * The milliseconds since the epoch of an RFC 3339 date-time (`2026-03-01T09:30:00+08:00`,
 * `2026-03-01T01:30:00.5Z`), or `NaN` for anything else: a date alone, a year outside 0000–9999,
 * a day the month does not have (`2026-02-30`), a leap second, a time without a zone, or any of
 * the forms `Date.parse` also takes (`"March 7, 2026"`, `"2027"`). `T`/`Z` may be lower case;
 * fractions may have up to 9 digits (read to the millisecond).
 *
 * @example
 * ```ts
 * import { parseInstant } from '@gridsafe/escalation';
 * console.log(parseInstant('2026-03-01T09:30:00+08:00')); // 1772328600000
 * console.log(parseInstant('2026-02-30T10:00:00Z')); // NaN
 * ```
 */
export function parseInstant(s: unknown): number {
  if (typeof s !== 'string' || s.length < 20 || s.length > 35) return Number.NaN;
  const y1 = two(s, 0);
  const y2 = two(s, 2);
  const mo = two(s, 5);
  const d = two(s, 8);
  const h = two(s, 11);
  const mi = two(s, 14);
  const se = two(s, 17);
  if (y1 < 0 || y2 < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 59) return Number.NaN;
  if (s[4] !== '-' || s[7] !== '-' || (s[10] !== 'T' && s[10] !== 't') || s[13] !== ':' || s[16] !== ':') return Number.NaN;
  const y = y1 * 100 + y2;
  if (d > (mo === 2 && leap(y) ? 29 : (DAYS[mo - 1] as number))) return Number.NaN;
  let i = 19;
  let ms = 0;
  if (s[i] === '.') {
    i++;
    const start = i;
    while (i < s.length && digit(s, i) >= 0) i++;
    const n = i - start;
    if (n < 1 || n > 9) return Number.NaN;
    for (let k = 0; k < 3; k++) ms = ms * 10 + (k < n ? digit(s, start + k) : 0);
  }
  let offset = 0;
  const z = s[i];
  if ((z === 'Z' || z === 'z') && i + 1 === s.length) offset = 0;
  else if ((z === '+' || z === '-') && i + 6 === s.length && s[i + 3] === ':') {
    const oh = two(s, i + 1);
    const om = two(s, i + 4);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return Number.NaN;
    offset = (z === '+' ? 1 : -1) * (oh * 60 + om);
  } else return Number.NaN;
  const t = Date.UTC(y, mo - 1, d, h, mi, se, ms);
  // Date.UTC maps years 0–99 to 1900–1999; set the year exactly.
  const utc = y < 100 ? new Date(t).setUTCFullYear(y) : t;
  return utc - offset * 60_000;
}

/**
 * Whether `s` is an RFC 3339 date-time (see {@link parseInstant}).
 *
 * @example
 * ```ts
 * import { isInstant } from '@gridsafe/escalation';
 * console.log(isInstant('2026-03-01T09:30:00+08:00'), isInstant('March 7, 2026')); // true false
 * ```
 */
export function isInstant(s: unknown): s is string {
  return !Number.isNaN(parseInstant(s));
}

/** An RFC 3339 date-time in UTC with milliseconds (`toISOString`'s form), or '' when `s` is not one. */
export function isoInstant(s: unknown): string {
  const t = parseInstant(s);
  return Number.isNaN(t) ? '' : t >= 0 ? isoString(t) : new Date(t).toISOString();
}
