const UNIT_MS: Record<string, number> = {
  Y: 365.25 * 86_400_000,
  M: 30.4375 * 86_400_000,
  W: 7 * 86_400_000,
  D: 86_400_000,
  H: 3_600_000,
  TM: 60_000,
  S: 1000,
};

/**
 * An ISO 8601 duration in milliseconds, with calendar units at their average length. For
 * comparing durations (which is stricter), not for computing due dates.
 */
export function durationMs(iso: string): number {
  const m = /^P(?:([\d.]+)Y)?(?:([\d.]+)M)?(?:([\d.]+)W)?(?:([\d.]+)D)?(?:T(?:([\d.]+)H)?(?:([\d.]+)M)?(?:([\d.]+)S)?)?$/.exec(iso);
  if (!m) return Number.NaN;
  const units = ['Y', 'M', 'W', 'D', 'H', 'TM', 'S'];
  return units.reduce((sum, u, i) => sum + (m[i + 1] ? Number(m[i + 1]) * (UNIT_MS[u] as number) : 0), 0);
}
