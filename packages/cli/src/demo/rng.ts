export { rng } from '@gridsafe/engine';

/** One element of a list, chosen with `random`. */
export const choose = <T>(random: () => number, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;

/** An integer in [lo, hi]. */
export const between = (random: () => number, lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));

/** Add hours to an ISO date-time in +08:00 (China Standard Time, no daylight saving). */
export function plusHours(at: string, hours: number): string {
  const t = new Date(Date.parse(at) + hours * 3_600_000 + 8 * 3_600_000);
  return `${t.toISOString().slice(0, 19)}+08:00`;
}

/** The days of a month `YYYY-MM`, as `YYYY-MM-DD`. */
export function daysOf(month: string): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const n = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: n }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

/** The later of two ISO dates (they compare as strings). */
export const later = (a: string, b: string): string => [a, b].sort()[1] as string;

/** The earlier of two ISO dates. */
export const earlier = (a: string, b: string): string => [a, b].sort()[0] as string;
