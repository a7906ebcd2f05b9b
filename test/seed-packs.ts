// The seed packs of rules/, loaded once and resolved for the tests that run on them.
import { type ResolvedPack, resolvePack } from '@gridsafe/engine';
import { loadPackSet } from '@gridsafe/engine/node';
import * as E from 'fp-ts/lib/Either.js';

const set = loadPackSet(new URL('../rules', import.meta.url).pathname);

/** The seed pack `id` resolved; a test's setup fails loudly when rules/ does not load or the pack does not resolve. */
export function seedPack(id: string): ResolvedPack {
  if (E.isLeft(set)) throw new Error(`rules/ does not load: ${set.left.map((i) => i.message.en).join('; ')}`);
  const r = resolvePack(set.right, id);
  if (E.isLeft(r)) throw new Error(`${id} does not resolve: ${r.left.map((i) => i.message.en).join('; ')}`);
  return r.right;
}
