import { type Issue, linearize } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';
import { badArguments, resolvePack } from './resolve.js';

import type { PackSet, ResolvedPack } from './types.js';

/** Resolves a pack as of any date, reusing one resolved pack for every date with the same versions. */
export interface PackResolver {
  /** The pack with the versions in force on `date` (YYYY-MM-DD). */
  at(id: string, date: string): E.Either<Issue[], ResolvedPack>;
}

/**
 * A resolver for hosts that evaluate records from many dates: each record is judged by the rules
 * in force on its own day (a record of 2018-03-01 by the versions in force then). Dates whose
 * chains choose the same versions share one resolved pack, so conditions compile once per chain.
 * The shared pack's `asOf` is the first date it was resolved for; `effective` gives its range.
 *
 * @example
 * ```ts
 * import { createResolver, evaluatePatrol } from '@gridsafe/engine';
 * import { loadPackSet } from '@gridsafe/engine/node';
 * const set = loadPackSet('rules/');
 * if (set._tag === 'Right') {
 *   const resolver = createResolver(set.right);
 *   const record = { id: 'r1', gridId: 'g1', gridType: 'village', workerId: 'w1', at: '2018-03-01T09:00:00+08:00',
 *     answers: { 'chibi.village.02': false }, photos: [] };
 *   const pack = resolver.at('chibi', record.at.slice(0, 10));
 *   if (pack._tag === 'Right') console.log(evaluatePatrol(pack.right, record)._tag); // Right
 * }
 * ```
 */
export function createResolver(set: PackSet): PackResolver {
  const cache = new Map<string, E.Either<Issue[], ResolvedPack>>();
  return {
    at(id, date) {
      const bad = badArguments(set, id, { asOf: date });
      if (bad) return E.left([bad]);
      let chain: ReturnType<typeof linearize>;
      try {
        chain = linearize(set, id, date);
      } catch {
        return resolvePack(set, id, { asOf: date });
      }
      if (chain.some((x) => 'code' in x)) return E.left(chain as Issue[]);
      const key = `${id}|${(chain as { manifest: { data: { id: string; version: string } } }[]).map((p) => `${p.manifest.data.id}@${p.manifest.data.version}`).join(',')}`;
      let hit = cache.get(key);
      if (!hit) {
        hit = resolvePack(set, id, { asOf: date });
        cache.set(key, hit);
      }
      return hit;
    },
  };
}
