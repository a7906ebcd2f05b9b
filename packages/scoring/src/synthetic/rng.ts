/** Every date from `start` for `days` days, `YYYY-MM-DD`. */
export function dateTable(start: string, days: number): string[] {
  const t0 = Date.parse(`${start}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => new Date(t0 + i * 86_400_000).toISOString().slice(0, 10));
}
