import type { ResolvedPack } from '@gridsafe/engine';
import { rng } from '@gridsafe/engine';
import * as E from 'fp-ts/lib/Either.js';
import { type Period, parsePeriod } from '../period.js';
import { bulkRecords } from './bulk.js';
import { structureRecords } from './structure.js';
import { buildUnits } from './units.js';

/** Options of {@link syntheticRecords}. */
export interface SyntheticOptions {
  /** The period: `2026-07`, `2026-Q3`, `2026`, or a parsed {@link Period}. */
  period: string | Period;
  /** Seed of the generator (default 1): the same seed gives the same records. */
  seed?: number;
  /** How many patrol-task and hazard records to generate (default 40 per leaf unit and month). */
  records?: number;
  /** Children per unit, level by level from the root (default [3, 4, 3]). */
  fanout?: readonly number[];
  /** The scoring file's id; by default the pack's only one. */
  scoring?: string;
  /** Chance that a unit of the lowest scored level has a major accident in the period (default 0.02). */
  majorAccidentRate?: number;
}

/**
 * A seeded synthetic period of data for a pack: `unit` records for a tree of units (one root at the
 * top level, `fanout` children per level), the records their duties produce per the pack's cadences
 * and scoring, then `records` patrol-task and hazard records. Lazy: every iteration generates the
 * same records afresh, one at a time, so ten million of them need no memory.
 *
 * @example
 * ```ts
 * import type { ResolvedPack } from '@gridsafe/engine';
 * import { score, syntheticRecords } from '@gridsafe/scoring';
 * declare const pack: ResolvedPack;
 * const data = syntheticRecords(pack, { period: '2026-Q3', seed: 7, records: 10_000 });
 * const report = await score(pack, data, { period: '2026-Q3' });
 * if (report._tag === 'Right') console.log(report.right.units.map((c) => [c.unit.name, c.score, c.rank]));
 * ```
 */
export function syntheticRecords(pack: ResolvedPack, options: SyntheticOptions): Iterable<Record<string, unknown>> {
  const period = typeof options.period === 'string' ? parsePeriod(options.period) : E.right(options.period);
  if (E.isLeft(period)) throw new Error(period.left.map((i) => i.message.en).join('; '));
  const file = options.scoring ? pack.scorings.find((s) => s.id === options.scoring) : pack.scorings[0];
  if (!file) throw new Error(`no scoring file ${options.scoring ?? ''} in pack ${pack.id}`);
  const p = period.right;
  const seed = options.seed ?? 1;
  return {
    [Symbol.iterator]() {
      const units = buildUnits(pack, file, options.fanout ?? [3, 4, 3], rng(seed));
      const parents = new Set(units.map((u) => u.record.parent));
      const leaves = units.filter((u) => !parents.has(u.record.id));
      const count = options.records ?? 40 * leaves.length * p.months.length;
      const parts: Iterator<Record<string, unknown>>[] = [
        units.map((u) => u.record as Record<string, unknown>)[Symbol.iterator](),
        structureRecords(pack, file, p, units, rng(seed + 1), options.majorAccidentRate ?? 0.02),
        bulkRecords(leaves, p.start, p.days, count, rng(seed + 2)),
      ];
      let k = 0;
      const it: IterableIterator<Record<string, unknown>> = {
        next() {
          while (k < parts.length) {
            const r = (parts[k] as Iterator<Record<string, unknown>>).next();
            if (!r.done) return r;
            k++;
          }
          return { value: undefined, done: true };
        },
        [Symbol.iterator]: () => it,
      };
      return it;
    },
  };
}

/**
 * Turn an iterable into an async iterable, optionally in chunks of `chunk` records (what a
 * database cursor or file reader hands over), to feed {@link score} as a stream.
 *
 * @example
 * ```ts
 * import { toAsync } from '@gridsafe/scoring';
 * for await (const chunk of toAsync([1, 2, 3], 2)) console.log(chunk); // [1, 2] then [3]
 * ```
 */
export async function* toAsync<T>(items: Iterable<T>, chunk = 0): AsyncGenerator<T | T[]> {
  if (chunk <= 0) {
    for (const x of items) yield x;
    return;
  }
  let buf: T[] = [];
  for (const x of items) {
    buf.push(x);
    if (buf.length >= chunk) {
      yield buf;
      buf = [];
    }
  }
  if (buf.length > 0) yield buf;
}
