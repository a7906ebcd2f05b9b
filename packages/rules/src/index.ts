/**
 * `@gridsafe/rules`: the seed rule packs of gridsafe — the shared base, Chibi 赤壁市, Xianyou 仙游县,
 * Chanba 西安浐灞生态区, Mudan 菏泽市牡丹区 and a construction bureau 建管局 — as data, with a loader
 * that needs no file system, so the same call works in Node, in a bundle for the browser and in a
 * worker. The files are the repository's `rules/` folder as it was at build time.
 *
 * @packageDocumentation
 */
import { createRegistry, type PackRegistry, type PackSet, packSetFromFiles } from '@gridsafe/engine';
import type { FileInput, Issue } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';
import { FILES } from './generated/files.js';

/**
 * Every rule file of the seed packs, as names (`rules/<pack>/<file>.json`) and texts: what
 * `validateFiles` and `packSetFromFiles` take.
 *
 * @example
 * ```ts
 * import { SEED_FILES } from '@gridsafe/rules';
 * console.log(SEED_FILES.filter((f) => f.name.endsWith('/pack.json')).map((f) => f.name));
 * ```
 */
export const SEED_FILES: readonly FileInput[] = FILES;

/**
 * The rule files of one seed pack folder (`chibi`, `xianyou`, `base`…); empty for an unknown one.
 *
 * @example
 * ```ts
 * import { seedFiles } from '@gridsafe/rules';
 * console.log(seedFiles('xianyou').map((f) => f.name)); // [ 'rules/xianyou/checklist-pilot.json', … ]
 * ```
 */
export function seedFiles(pack: string): FileInput[] {
  const prefix = `rules/${pack}/`;
  return typeof pack === 'string' && pack !== '' && !pack.includes('/') ? FILES.filter((f) => f.name.startsWith(prefix)) : [];
}

let loaded: E.Either<Issue[], PackSet> | undefined;

/**
 * Validate the seed packs and group them by pack id, once (later calls return the same set). A
 * problem would come back as located issues; the tests of this package check that there is none.
 *
 * @example
 * ```ts
 * import { loadSeedPacks } from '@gridsafe/rules';
 * const set = loadSeedPacks();
 * if (set._tag === 'Right') console.log([...set.right.keys()].sort()); // [ 'base', 'chanba', 'chibi', … ]
 * ```
 */
export function loadSeedPacks(): E.Either<Issue[], PackSet> {
  loaded ??= packSetFromFiles(FILES);
  return loaded;
}

let registry: E.Either<Issue[], PackRegistry> | undefined;

/**
 * A pack registry of the seed packs (see `createRegistry` of `@gridsafe/engine`), built once: the
 * pack in force on a date, or a pinned version, each resolved once.
 *
 * @example
 * ```ts
 * import { seedRegistry } from '@gridsafe/rules';
 * const registry = seedRegistry();
 * if (registry._tag === 'Right') {
 *   const chibi = registry.right.at('chibi', '2026-03-01');
 *   if (chibi._tag === 'Right') console.log(chibi.right.checklists.map((c) => c.id));
 * }
 * ```
 */
export function seedRegistry(): E.Either<Issue[], PackRegistry> {
  registry ??= E.map(createRegistry)(loadSeedPacks());
  return registry;
}
