const UNIT_MS: Record<string, number> = {
  Y: 365.25 * 86_400_000,
  M: 30.4375 * 86_400_000,
  W: 7 * 86_400_000,
  D: 86_400_000,
  H: 3_600_000,
  TM: 60_000,
  S: 1000,
};
const UNITS = ['Y', 'M', 'W', 'D', 'H', 'TM', 'S'];
const RE =
  /^P(?!$)(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?=\d)(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * An ISO 8601 duration in milliseconds, with calendar units at their average length, or NaN when
 * `iso` is not a duration. For comparing durations (which is stricter), not for computing due dates.
 */
export function durationMs(iso: unknown): number {
  const m = typeof iso === 'string' ? RE.exec(iso) : null;
  if (!m) return Number.NaN;
  return UNITS.reduce((sum, u, i) => sum + (m[i + 1] ? Number(m[i + 1]) * (UNIT_MS[u] as number) : 0), 0);
}
