import { type ResolvedPack, resolvePack } from '@gridsafe/engine';
import { loadPackSet } from '@gridsafe/engine/node';
import * as E from 'fp-ts/lib/Either.js';

const set = loadPackSet(new URL('../../../rules', import.meta.url).pathname);
if (E.isLeft(set)) throw new Error(set.left.map((i) => `${i.file}:${i.line} ${i.message.en}`).join('\n'));

/** The five seed regions' packs. */
export const REGIONS = ['chanba', 'chibi', 'jianguanju', 'mudan', 'xianyou'] as const;

const cache = new Map<string, ResolvedPack>();
/** A resolved pack from rules/. */
export function pack(id: string): ResolvedPack {
  let p = cache.get(id);
  if (!p) {
    const r = resolvePack(set.right, id);
    if (E.isLeft(r)) throw new Error(r.left.map((i) => i.message.en).join('; '));
    p = r.right;
    cache.set(id, p);
  }
  return p;
}
