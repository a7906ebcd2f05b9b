import type { Issue } from '@gridsafe/schema';
import { packFiles } from '@gridsafe/schema/node';
import * as E from 'fp-ts/lib/Either.js';
import { packSetFromFiles } from './resolve/load.js';
import type { PackSet } from './resolve/types.js';

/**
 * Load and validate every rule pack under the given files or folders (e.g. `rules/`), with the
 * parents they extend from folders beside them, ready for `resolvePack`. It reads and checks
 * exactly what `validatePack` does: any error comes back as located issues and nothing is loaded.
 * Never throws.
 *
 * @example
 * ```ts
 * import { loadPackSet } from '@gridsafe/engine/node';
 * const set = loadPackSet('rules/');
 * console.log(set._tag === 'Right' ? [...set.right.keys()] : set.left.length);
 * ```
 */
export function loadPackSet(paths: string | readonly string[]): E.Either<Issue[], PackSet> {
  const { inputs, issues } = packFiles(paths);
  const read = issues.filter((i) => i.severity === 'error');
  const set = packSetFromFiles(inputs);
  if (read.length > 0) return E.left([...read, ...(E.isLeft(set) ? set.left : [])]);
  return set;
}
