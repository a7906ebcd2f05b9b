const DAY = 86_400_000;
const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/**
 * `new Date(ms).toISOString()`, several times faster for times from 1970 to 9999 (the calendar
 * arithmetic is done here rather than by the engine's date cache); any other time, and NaN, goes to
 * `toISOString` itself. Checked against it in the package's tests.
 */
export function isoString(ms: number): string {
  if (!(ms >= 0 && ms < 253_402_300_800_000)) return new Date(ms).toISOString();
  const t = Math.floor(ms);
  const days = Math.floor(t / DAY);
  let rest = t - days * DAY;
  // Days since 1970-01-01 to a civil date (H. Hinnant's days_from_civil, inverted).
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const mi = Math.floor(rest / 60_000);
  rest -= mi * 60_000;
  const s = Math.floor(rest / 1000);
  const milli = rest - s * 1000;
  const year = y < 10 ? `000${y}` : y < 100 ? `00${y}` : y < 1000 ? `0${y}` : `${y}`;
  const frac = milli < 10 ? `00${milli}` : milli < 100 ? `0${milli}` : `${milli}`;
  return `${year}-${two(m)}-${two(d)}T${two(h)}:${two(mi)}:${two(s)}.${frac}Z`;
}
