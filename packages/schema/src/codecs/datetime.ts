/** Days in each month of a common year. */
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The digits at `i` and `i + 1` as a number, or -1 when either is not an ASCII digit. */
function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * Whether `s` is a calendar date `YYYY-MM-DD` that exists (years 0000–9999, Gregorian leap
 * years): `2026-02-29` and `2026-04-31` do not.
 *
 * @example
 * ```ts
 * import { isIsoDate } from '@gridsafe/schema';
 * console.log(isIsoDate('2024-02-29'), isIsoDate('2026-02-30')); // true false
 * ```
 */
export function isIsoDate(s: string): boolean {
  return s.length === 10 && validDateAt(s);
}

function validDateAt(s: string): boolean {
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const hi = two(s, 0);
  const lo = two(s, 2);
  const month = two(s, 5);
  const day = two(s, 8);
  if (hi < 0 || lo < 0 || month < 1 || month > 12 || day < 1) return false;
  const year = hi * 100 + lo;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (DAYS[month - 1] as number) + (leap ? 1 : 0);
}

/**
 * Whether `s` is an RFC 3339 date-time with seconds and a zone, as patrol records and events give
 * their times: `YYYY-MM-DDTHH:MM:SS`, an optional fraction of 1–3 digits, then `Z` or `±HH:MM`.
 * The date must exist (`2026-02-30T10:00:00Z` is refused), hours run 00–23 (RFC 3339 has no
 * `24:00`), minutes and seconds 00–59 (no leap second), zone offsets up to `±23:59`. Written by
 * hand, with no regular expression and no `Date`, because every record pays for it.
 *
 * @example
 * ```ts
 * import { isIsoDateTime } from '@gridsafe/schema';
 * console.log(isIsoDateTime('2026-03-01T09:30:00+08:00')); // true
 * console.log(isIsoDateTime('2026-02-30T10:00:00Z')); // false
 * ```
 */
export function isIsoDateTime(s: string): boolean {
  const n = s.length;
  if (n < 20 || n > 29 || s.charCodeAt(10) !== 84 /* T */ || !validDateAt(s)) return false;
  if (s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return false;
  const hh = two(s, 11);
  const mm = two(s, 14);
  const ss = two(s, 17);
  if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 59) return false;
  let i = 19;
  if (s.charCodeAt(i) === 46 /* . */) {
    let digits = 0;
    for (i++; i < n; i++, digits++) {
      const d = s.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
    }
    if (digits < 1 || digits > 3) return false;
  }
  const zone = s.charCodeAt(i);
  if (zone === 90 /* Z */) return i + 1 === n;
  if (zone !== 43 && zone !== 45 /* + - */) return false;
  if (i + 6 !== n || s.charCodeAt(i + 3) !== 58) return false;
  const oh = two(s, i + 1);
  const om = two(s, i + 4);
  return oh >= 0 && oh <= 23 && om >= 0 && om <= 59;
}
