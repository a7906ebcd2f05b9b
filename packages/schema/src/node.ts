import { lstatSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Issue } from './errors/issues.js';
import { makeIssue } from './errors/render.js';
import { type FileInput, type ValidationReport, validateFiles } from './validate/index.js';
import { LIMITS } from './validate/limits.js';

const display = (p: string) => {
  const r = relative(process.cwd(), p);
  return (r.startsWith('..') ? p : r).split(sep).join('/');
};
const top = (file: string) => ({ file: display(file), line: 1, column: 1, pointer: '' });

/** Files under `dir`, sorted; symbolic links are not followed (each is reported as a warning). */
function walk(dir: string, out: string[], issues: Issue[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = join(dir, entry.name);
    if (entry.isSymbolicLink()) {
      let target = '?';
      try {
        target = readlinkSync(p);
      } catch {}
      issues.push(makeIssue('file.symlink', top(p), { target }, { severity: 'warning' }));
    } else if (entry.isDirectory()) walk(p, out, issues);
    else if (entry.isFile() && entry.name.endsWith('.json')) out.push(p);
  }
}

/** Offset of the first byte that is not valid UTF-8, or -1. */
function invalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    const b1 = bytes[i + 1] as number;
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF.
    if ((b === 0xe0 && b1 < 0xa0) || (b === 0xed && b1 >= 0xa0) || (b === 0xf0 && b1 < 0x90) || (b === 0xf4 && b1 >= 0x90)) return i;
    i += need + 1;
  }
  return -1;
}

const decoder = new TextDecoder('utf-8');

/** A file's text, and a located error when its bytes are not UTF-8 (the text then has U+FFFD in their place). */
function readText(abs: string, issues: Issue[]): string {
  const bytes = readFileSync(abs);
  const bad = invalidUtf8(bytes);
  const text = decoder.decode(bytes);
  if (bad >= 0) {
    const before = decoder.decode(bytes.subarray(0, bad));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    issues.push(makeIssue('json.encoding', { file: display(abs), line, column, pointer: '' }, { reason: 'invalidUtf8' }));
  }
  return text;
}

/**
 * The JSON files under the given files and folders, and problems for paths that cannot be read,
 * bytes that are not UTF-8, symbolic links (not followed) and files past the limit of
 * {@link LIMITS.maxFiles} (the first one not read is named). Never throws.
 *
 * @example
 * ```ts
 * import { listRuleFiles } from '@gridsafe/schema/node';
 * const { inputs, issues } = listRuleFiles(['rules/chibi']);
 * console.log(inputs.length, issues.length);
 * ```
 */
export function collectRuleFiles(paths: readonly string[]): { inputs: FileInput[]; issues: Issue[] } {
  const inputs: FileInput[] = [];
  const issues: Issue[] = [];
  const seen = new Set<string>();
  const list = Array.isArray(paths) ? paths : typeof paths === 'string' ? [paths] : [];
  for (const p of list) {
    if (typeof p !== 'string') {
      issues.push(makeIssue('file.unreadable', { file: String(p), line: 1, column: 1, pointer: '' }, { reason: 'not a path' }));
      continue;
    }
    const files: string[] = [];
    try {
      if (statSync(p).isDirectory()) walk(p, files, issues);
      else files.push(p);
    } catch (e) {
      issues.push(
        makeIssue(
          'file.unreadable',
          { file: p, line: 1, column: 1, pointer: '' },
          { reason: (e as NodeJS.ErrnoException).code ?? String(e) },
        ),
      );
      continue;
    }
    for (const f of files) {
      const abs = resolve(f);
      if (seen.has(abs)) continue;
      seen.add(abs);
      if (inputs.length >= LIMITS.maxFiles) {
        issues.push(makeIssue('file.tooMany', top(abs), { limit: LIMITS.maxFiles }));
        return { inputs, issues };
      }
      try {
        const size = statSync(abs).size;
        const text = size > LIMITS.maxFileBytes ? 'x'.repeat(LIMITS.maxFileBytes + 1) : readText(abs, issues);
        inputs.push({ name: display(abs), text });
      } catch (e) {
        issues.push(makeIssue('file.unreadable', top(abs), { reason: String(e) }));
      }
    }
  }
  return { inputs, issues };
}

/** A manifest's id and parents, read leniently; undefined when it is not a readable manifest. */
function peekManifest(file: string): { id: string; extends: string[] } | undefined {
  try {
    const st = lstatSync(file);
    if (!st.isFile() || st.size > LIMITS.maxFileBytes) return undefined;
    const m = JSON.parse(readFileSync(file, 'utf8')) as { id?: unknown; extends?: unknown };
    if (typeof m?.id !== 'string') return undefined;
    return { id: m.id, extends: Array.isArray(m.extends) ? m.extends.filter((x): x is string => typeof x === 'string') : [] };
  } catch {
    return undefined;
  }
}

/**
 * The packs in folders beside the given packs that they extend, directly or through another: the
 * context a pack is resolved in. Only packs in that ancestry are read, never through a symbolic
 * link; their problems are reported like those of the packs given (a pack whose parent is invalid
 * is invalid).
 */
function contextPacks(inputs: FileInput[], issues: Issue[]): FileInput[] {
  const have = new Set(inputs.map((i) => resolve(i.name)));
  const manifests = inputs.filter((i) => i.name === 'pack.json' || i.name.endsWith('/pack.json'));
  const wanted: string[] = [];
  for (const m of manifests) {
    try {
      const data = JSON.parse(m.text) as { extends?: unknown };
      if (Array.isArray(data?.extends)) for (const x of data.extends) if (typeof x === 'string') wanted.push(x);
    } catch {}
  }
  if (wanted.length === 0) return [];
  const candidates = new Map<string, { dir: string; extends: string[] }[]>();
  for (const parent of new Set(manifests.map((m) => dirname(dirname(resolve(m.name)))))) {
    let entries: import('node:fs').Dirent[] = [];
    try {
      entries = readdirSync(parent, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (!e.isDirectory() || e.name.startsWith('.') || e.name === 'node_modules') continue;
      const dir = join(parent, e.name);
      const manifest = join(dir, 'pack.json');
      if (have.has(manifest)) continue;
      const peek = peekManifest(manifest);
      if (peek) candidates.set(peek.id, [...(candidates.get(peek.id) ?? []), { dir, extends: peek.extends }]);
    }
  }
  const extra: FileInput[] = [];
  const done = new Set<string>();
  while (wanted.length > 0) {
    const id = wanted.pop() as string;
    if (done.has(id)) continue;
    done.add(id);
    for (const c of candidates.get(id) ?? []) {
      wanted.push(...c.extends);
      const found = collectRuleFiles([c.dir]);
      issues.push(...found.issues);
      for (const m of found.inputs) {
        if (have.has(resolve(m.name))) continue;
        have.add(resolve(m.name));
        extra.push(m);
      }
    }
  }
  return extra;
}

/**
 * Validate the rule files under the given files or folders (for example `rules/`): each file, then
 * every pack resolved and checked as a whole. Parents named in `extends` but not given are looked up
 * in folders beside the packs given, and checked too: a pack whose parent is invalid is invalid.
 * Never throws; a path that is not a string is reported as unreadable.
 *
 * @example
 * ```ts
 * import { validatePack } from '@gridsafe/schema/node';
 * const report = validatePack(['rules/']);
 * console.log(report.ok ? 'valid' : `${report.errors} errors`);
 * ```
 */
export function validatePack(paths: string | readonly string[]): ValidationReport {
  const list = typeof paths === 'string' ? [paths] : Array.isArray(paths) ? paths : [];
  const { inputs, issues } = collectRuleFiles(list);
  const context = contextPacks(inputs, issues);
  const result = validateFiles([...inputs, ...context]);
  const all = [...issues, ...result.issues];
  const errors = all.filter((i) => i.severity === 'error').length;
  return { ...result, ok: errors === 0, errors, warnings: all.length - errors, issues: all };
}

/** The files `validatePack` reads for the given paths: those given and the parents they extend. */
export function packFiles(paths: string | readonly string[]): { inputs: FileInput[]; issues: Issue[] } {
  const list = typeof paths === 'string' ? [paths] : Array.isArray(paths) ? paths : [];
  const { inputs, issues } = collectRuleFiles(list);
  return { inputs: [...inputs, ...contextPacks(inputs, issues)], issues };
}

export { collectRuleFiles as listRuleFiles };
