import { type ResolvedPack, resolvePack } from '@gridsafe/engine';
import { loadPackSet } from '@gridsafe/engine/node';
import * as E from 'fp-ts/lib/Either.js';
import { type ScoreOptions, type ScoreReport, score } from '../src/index.js';

const loaded = loadPackSet(new URL('../../../rules', import.meta.url).pathname);
if (E.isLeft(loaded)) throw new Error(loaded.left.map((i) => `${i.file}:${i.line} ${i.message.en}`).join('\n'));
const set = loaded.right;

/** The five seed regions' packs. */
export const REGIONS = ['chanba', 'chibi', 'jianguanju', 'mudan', 'xianyou'] as const;

const cache = new Map<string, ResolvedPack>();
/** A resolved pack from rules/. */
export function pack(id: string): ResolvedPack {
  let p = cache.get(id);
  if (!p) {
    const r = resolvePack(set, id);
    if (E.isLeft(r)) throw new Error(r.left.map((i) => i.message.en).join('; '));
    p = r.right;
    cache.set(id, p);
  }
  return p;
}

/** Score records and fail the test on issues. */
export async function scored(
  p: ResolvedPack,
  records: Iterable<unknown> | AsyncIterable<unknown>,
  options: ScoreOptions,
): Promise<ScoreReport> {
  const r = await score(p, records, options);
  if (E.isLeft(r)) throw new Error(r.left.map((i) => `${i.file}${i.pointer} ${i.message.en}`).join('\n'));
  return r.right;
}

/** A Xianyou county with one township and one village, for hand-made records. */
export const TREE = [
  { type: 'unit', id: 'county', level: 'xianyou.level.county', name: '仙游县' },
  { type: 'unit', id: 'bangtou', level: 'xianyou.level.township', parent: 'county', name: '榜头镇' },
  { type: 'unit', id: 'v1', level: 'xianyou.level.village', parent: 'bangtou', name: '一村' },
];

/** `recorded` hazards of which `processed` are handled, in the village, on one day. */
export function hazards(recorded: number, processed: number, unit = 'v1', date = '2026-07-10'): Record<string, unknown>[] {
  return Array.from({ length: recorded }, (_, i) => ({
    type: 'hazard',
    unit,
    date,
    tier: 'general',
    state: i < processed ? 'handled' : 'open',
  }));
}
