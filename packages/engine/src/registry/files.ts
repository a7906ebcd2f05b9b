import { type FileInput, type Issue, type PackFile, type RuleFile, validateFiles } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';
import type { PackSet, PackSource } from '../resolve/types.js';

const dirOf = (name: string) => (name.includes('/') ? name.slice(0, name.lastIndexOf('/')) : '.');

/**
 * Validate rule files given as names and texts (no file system: a browser, a bundle, a database)
 * and group them into the pack set a registry or `resolvePack` reads. Any validation error comes
 * back as located issues and nothing is loaded; warnings are left to `validateFiles`.
 *
 * @example
 * ```ts
 * import { packSetFromFiles } from '@gridsafe/engine';
 * declare const files: { name: string; text: string }[];
 * const set = packSetFromFiles(files);
 * console.log(set._tag === 'Right' ? [...set.right.keys()] : set.left.map((i) => i.message.en));
 * ```
 */
export function packSetFromFiles(inputs: readonly FileInput[]): E.Either<Issue[], PackSet> {
  const report = validateFiles(inputs);
  if (!report.ok) return E.left(report.issues.filter((i) => i.severity === 'error'));
  return E.right(groupPacks(report.files, new Map(inputs.map((i) => [i.name, i.text]))));
}

/** The schema-valid files of a validation report, grouped by pack id into versions. */
export function groupPacks(files: ReadonlyMap<string, RuleFile>, texts: ReadonlyMap<string, string>): PackSet {
  const set = new Map<string, PackSource[]>();
  for (const [name, data] of files) {
    if (data.kind !== 'pack') continue;
    const manifest = data as PackFile;
    const dir = dirOf(name);
    const members = manifest.files
      .map((f) => (dir === '.' ? f : `${dir}/${f}`))
      .filter((n) => files.has(n))
      .map((n) => ({ name: n, text: texts.get(n) as string, data: files.get(n) as RuleFile }));
    const source: PackSource = { manifest: { name, text: texts.get(name) as string, data: manifest }, files: members };
    set.set(manifest.id, [...(set.get(manifest.id) ?? []), source]);
  }
  return set;
}
