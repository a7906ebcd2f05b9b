import type { Issue } from '@gridsafe/schema';
import type { PackSet, PackSource } from '../resolve/types.js';

/** The day after a `YYYY-MM-DD` date (UTC calendar arithmetic; dates have no time zone). */
export function nextDay(date: string): string {
  const t = Date.parse(`${date}T00:00:00Z`) + 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Every pack id reachable from `id` through the `extends` of any of its versions. */
function reachable(set: PackSet, id: string): Set<string> {
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const p = stack.pop() as string;
    if (seen.has(p)) continue;
    seen.add(p);
    for (const v of set.get(p) ?? []) for (const parent of v.manifest.data.extends) stack.push(parent);
  }
  return seen;
}

/**
 * The dates at which the versions chosen for `id` can change, sorted: the first day and the day
 * after the last day of every version of every pack `id` can reach. Between two of them, every
 * pack of the chain has the same version in force, so one resolution serves the whole span.
 */
export function boundaries(set: PackSet, id: string): string[] {
  const dates = new Set<string>();
  for (const p of reachable(set, id))
    for (const v of set.get(p) ?? []) {
      const { from, to } = v.manifest.data.effective;
      dates.add(from);
      if (to !== undefined) dates.add(nextDay(to));
    }
  return [...dates].sort();
}

/** The index of the span holding `date`: -1 before the first boundary, else the last boundary ≤ date. */
export function spanOf(bounds: readonly string[], date: string): number {
  let lo = 0;
  let hi = bounds.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((bounds[mid] as string) <= date) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The set with pack `id` narrowed to one of its versions. */
export function pinned(set: PackSet, id: string, version: PackSource): PackSet {
  const out = new Map(set);
  out.set(id, [version]);
  return out;
}

/** A resolution's outcome, cached per span. */
export type Cached<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };
