import type { Issue, PackFile, RuleFile } from '@gridsafe/schema';
import { listRuleFiles, validatePack } from '@gridsafe/schema/node';
import * as E from 'fp-ts/lib/Either.js';
import type { PackSet, PackSource } from './resolve/types.js';

const dirOf = (name: string) => (name.includes('/') ? name.slice(0, name.lastIndexOf('/')) : '.');

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
  const texts = new Map(inputs.map((i) => [i.name, i.text]));
  const set = new Map<string, PackSource[]>();
  for (const [name, data] of report.files) {
    if (data.kind !== 'pack') continue;
    const manifest = data as PackFile;
    const dir = dirOf(name);
    const files = manifest.files
      .map((f) => (dir === '.' ? f : `${dir}/${f}`))
      .filter((n) => report.files.has(n))
      .map((n) => ({ name: n, text: texts.get(n) as string, data: report.files.get(n) as RuleFile }));
    const source: PackSource = { manifest: { name, text: texts.get(name) as string, data: manifest }, files };
    set.set(manifest.id, [...(set.get(manifest.id) ?? []), source]);
  }
  return E.right(set);
}
