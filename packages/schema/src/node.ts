import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Issue } from './errors/issues.js';
import { makeIssue } from './errors/render.js';
import { type FileInput, type ValidationReport, validateFiles } from './validate/index.js';
import { LIMITS } from './validate/limits.js';

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else if (entry.isFile() && entry.name.endsWith('.json')) out.push(p);
  }
}

const display = (p: string) => {
  const r = relative(process.cwd(), p);
  return (r.startsWith('..') ? p : r).split(sep).join('/');
};

/** The JSON files under the given files and folders, and problems for paths that cannot be read. */
export function collectRuleFiles(paths: readonly string[]): { inputs: FileInput[]; issues: Issue[] } {
  const inputs: FileInput[] = [];
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const p of paths) {
    const files: string[] = [];
    try {
      if (statSync(p).isDirectory()) walk(p, files);
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
      if (inputs.length >= LIMITS.maxFiles) break;
      try {
        const size = statSync(abs).size;
        const text = size > LIMITS.maxFileBytes ? 'x'.repeat(LIMITS.maxFileBytes + 1) : readFileSync(abs, 'utf8');
        inputs.push({ name: display(abs), text });
      } catch (e) {
        issues.push(makeIssue('file.unreadable', { file: display(abs), line: 1, column: 1, pointer: '' }, { reason: String(e) }));
      }
    }
  }
  return { inputs, issues };
}

/** Manifests in folders beside the given packs, for parents named in `extends` but not passed in. */
function siblingPacks(inputs: FileInput[]): FileInput[] {
  const have = new Set(inputs.map((i) => resolve(i.name)));
  const packDirs = new Set(inputs.filter((i) => i.name.endsWith('pack.json')).map((i) => dirname(resolve(i.name))));
  const extra: FileInput[] = [];
  for (const dir of packDirs) {
    const parent = dirname(dir);
    let entries: string[] = [];
    try {
      entries = readdirSync(parent);
    } catch {
      continue;
    }
    for (const e of entries) {
      const manifest = join(parent, e, 'pack.json');
      if (have.has(manifest)) continue;
      try {
        if (!statSync(manifest).isFile()) continue;
      } catch {
        continue;
      }
      const more = collectRuleFiles([join(parent, e)]).inputs.filter((i) => !have.has(resolve(i.name)));
      for (const m of more) have.add(resolve(m.name));
      extra.push(...more);
    }
  }
  return extra;
}

/**
 * Validate the rule files under the given files or folders (for example `rules/`). Parents named
 * in `extends` are looked up in folders beside the packs given; problems in those are not
 * reported. Never throws.
 *
 * @example
 * ```ts
 * import { validatePack } from '@gridsafe/schema/node';
 * const report = validatePack(['rules/']);
 * console.log(report.ok ? 'valid' : `${report.errors} errors`);
 * ```
 */
export function validatePack(paths: string | readonly string[]): ValidationReport {
  const list = typeof paths === 'string' ? [paths] : paths;
  const { inputs, issues } = collectRuleFiles(list);
  const context = siblingPacks(inputs);
  const contextNames = new Set(context.map((c) => c.name));
  const result = validateFiles([...inputs, ...context]);
  const kept = [...issues, ...result.issues.filter((i) => !contextNames.has(i.file))];
  const errors = kept.filter((i) => i.severity === 'error').length;
  return { ...result, ok: errors === 0, errors, warnings: kept.length - errors, issues: kept };
}

export { collectRuleFiles as listRuleFiles };
