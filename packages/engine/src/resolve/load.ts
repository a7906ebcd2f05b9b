import { type FileInput, type Issue, type PackFile, type RuleFile, validateFiles } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';
import type { PackSet, PackSource } from './types.js';

const dirOf = (name: string) => (name.includes('/') ? name.slice(0, name.lastIndexOf('/')) : '.');

/**
 * Validate rule files given as text (every file, then every pack resolved and checked as a whole)
 * and, when nothing is wrong, the pack set `resolvePack` takes. Any error comes back as located
 * issues and nothing is loaded: what this accepts is exactly what `validateFiles` accepts. For
 * hosts without a file system (a browser, a phone app); `loadPackSet` reads the files from disk.
 * Never throws; input that is not an array of `{ name, text }` is a located issue.
 *
 * @example
 * ```ts
 * import { packSetFromFiles, resolvePack } from '@gridsafe/engine';
 * declare const files: { name: string; text: string }[]; // e.g. fetched from a server
 * const set = packSetFromFiles(files);
 * if (set._tag === 'Right') console.log(resolvePack(set.right, 'chibi')._tag);
 * ```
 */
export function packSetFromFiles(inputs: readonly FileInput[]): E.Either<Issue[], PackSet> {
  const report = validateFiles(inputs);
  if (!report.ok) return E.left(report.issues.filter((i) => i.severity === 'error'));
  const texts = new Map((inputs as FileInput[]).map((i) => [i.name, i.text]));
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
