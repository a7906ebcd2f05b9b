import type { Issue } from '@gridsafe/schema';
import { listRuleFiles, validatePack } from '@gridsafe/schema/node';
import * as E from 'fp-ts/lib/Either.js';
import { groupPacks } from './registry/files.js';
import type { PackSet } from './resolve/types.js';

/**
 * Load and validate every rule pack under the given files or folders (e.g. `rules/`), ready for
 * `resolvePack`. Any validation error comes back as located issues and nothing is loaded.
 *
 * @example
 * ```ts
 * import { loadPackSet } from '@gridsafe/engine/node';
 * const set = loadPackSet('rules/');
 * console.log(set._tag === 'Right' ? [...set.right.keys()] : set.left.length);
 * ```
 */
export function loadPackSet(paths: string | readonly string[]): E.Either<Issue[], PackSet> {
  const list = typeof paths === 'string' ? [paths] : paths;
  const report = validatePack(list);
  if (!report.ok) return E.left(report.issues.filter((i) => i.severity === 'error'));
  const { inputs } = listRuleFiles(list);
  return E.right(groupPacks(report.files, new Map(inputs.map((i) => [i.name, i.text]))));
}
