import type { Issue } from '../errors/issues.js';
import { makeIssue } from '../errors/render.js';
import type { RuleFile, RuleFileKind } from '../kinds/index.js';
import { type CheckedFile, checkFile } from './file.js';
import { LIMITS } from './limits.js';
import { checkPacks } from './packs.js';

/** A rule file's name and text, as the validator takes it. */
export interface FileInput {
  /** Path as it should appear in messages, with `/` separators (e.g. `rules/chibi/pack.json`). */
  name: string;
  text: string;
}

/** A pack the validator found, for summaries. */
export interface PackSummary {
  id: string;
  version: string;
  dir: string;
  extends: string[];
  files: number;
  /** Element counts by kind of file, e.g. `{ checklist: 24, standard: 10 }`. */
  elements: Partial<Record<RuleFileKind, number>>;
}

/** Everything the validator found: all problems at once, and the packs and files it read. */
export interface ValidationReport {
  ok: boolean;
  errors: number;
  warnings: number;
  issues: Issue[];
  packs: PackSummary[];
  /** Schema-valid files by name; a file with errors is left out. */
  files: Map<string, RuleFile>;
}

function sortIssues(issues: Issue[]): Issue[] {
  return [...issues].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}

function report(issues: Issue[], checked: CheckedFile[], packs: PackSummary[]): ValidationReport {
  const sorted = sortIssues(issues);
  const errors = sorted.filter((i) => i.severity === 'error').length;
  const files = new Map<string, RuleFile>();
  for (const f of checked) if (f.data) files.set(f.source.name, f.data);
  return { ok: errors === 0, errors, warnings: sorted.length - errors, issues: sorted, packs, files };
}

function internal(name: string, e: unknown): Issue {
  return makeIssue(
    'file.unreadable',
    { file: name, line: 1, column: 1, pointer: '' },
    { reason: e instanceof Error ? e.message : String(e) },
  );
}

/**
 * Validate one rule file on its own (no cross-file references). Returns every problem at once;
 * never throws.
 *
 * @example
 * ```ts
 * import { validateFile } from '@gridsafe/schema';
 * const r = validateFile('{"kind": "checklist", "id": 1}', 'bad.json');
 * console.log(r.ok, r.issues.map((i) => `${i.line}:${i.column} ${i.code}`));
 * ```
 */
export function validateFile(text: string, name: string): ValidationReport {
  if (typeof text !== 'string' || typeof name !== 'string') {
    return report(
      [internal(typeof name === 'string' ? name : '(input)', new Error('expected the text and the name of a file, as strings'))],
      [],
      [],
    );
  }
  try {
    const checked = checkFile(text, name);
    return report(checked.issues, [checked], []);
  } catch (e) {
    return report([internal(name, e)], [], []);
  }
}

/**
 * Files already checked, by name and text: a host or a command that validates the same files again
 * (an editor on each keystroke, a property test of overlays on fixed packs) checks each once. The
 * result depends only on the name and the text; it is never changed after it is made.
 */
const checkedCache = new Map<string, CheckedFile>();
const CACHE_FILES = 512;

function checkFileCached(text: string, name: string): CheckedFile {
  const key = `${name}\u0000${text}`;
  const hit = checkedCache.get(key);
  if (hit) return hit;
  const c = checkFile(text, name);
  if (checkedCache.size >= CACHE_FILES) checkedCache.delete(checkedCache.keys().next().value as string);
  checkedCache.set(key, c);
  return c;
}

function elementCount(f: CheckedFile): number {
  return (f.index?.defs.length ?? 1) - 1;
}

/**
 * Validate a set of rule files together: each file on its own, then packs, `extends`,
 * references, conditions against the fact catalogue, and escalation reachability. Returns every
 * problem at once; never throws.
 *
 * @example
 * ```ts
 * import { validateFiles } from '@gridsafe/schema';
 * const r = validateFiles([{ name: 'p/pack.json', text: '{"kind": "pack"}' }]);
 * for (const i of r.issues) console.log(i.file, i.line, i.column, i.message.en);
 * ```
 */
export function validateFiles(inputs: readonly FileInput[]): ValidationReport {
  const issues: Issue[] = [];
  const checked: CheckedFile[] = [];
  if (!Array.isArray(inputs)) return report([internal('(input)', new Error('expected an array of { name, text } files'))], [], []);
  const names = new Set<string>();
  for (const [n, input] of (inputs as unknown[]).entries()) {
    if (n >= LIMITS.maxFiles) {
      const name = (input as { name?: unknown } | null)?.name;
      issues.push(
        makeIssue(
          'file.tooMany',
          { file: typeof name === 'string' ? name : `(input ${n})`, line: 1, column: 1, pointer: '' },
          { limit: LIMITS.maxFiles },
        ),
      );
      break;
    }
    if (
      input === null ||
      typeof input !== 'object' ||
      typeof (input as FileInput).name !== 'string' ||
      typeof (input as FileInput).text !== 'string'
    ) {
      issues.push(internal(`(input ${n})`, new Error('expected { name, text } with both strings')));
      continue;
    }
    const { name, text } = input as FileInput;
    if (names.has(name)) continue;
    names.add(name);
    try {
      const c = checkFileCached(text, name);
      checked.push(c);
      issues.push(...c.issues);
    } catch (e) {
      issues.push(internal(name, e));
    }
  }
  let summaries: PackSummary[] = [];
  try {
    const { packs, issues: packIssues } = checkPacks(checked);
    issues.push(...packIssues);
    summaries = packs.map((p) => {
      const elements: Partial<Record<RuleFileKind, number>> = {};
      for (const m of p.members) if (m.kind) elements[m.kind] = (elements[m.kind] ?? 0) + elementCount(m);
      const manifest = p.manifest.data as { extends: string[] };
      return { id: p.id, version: p.version, dir: p.dir, extends: manifest.extends, files: p.members.length + 1, elements };
    });
  } catch (e) {
    issues.push(internal(checked[0]?.source.name ?? '(pack)', e));
  }
  return report(issues, checked, summaries);
}
