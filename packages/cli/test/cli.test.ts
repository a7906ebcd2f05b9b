import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const bin = join(root, 'packages', 'cli', 'dist', 'bin.js');
const rules = join(root, 'rules');

function gridsafe(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: opts.cwd ?? root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8', ...opts.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A copy of rules/ in a temporary folder. */
function copyRules(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gridsafe-'));
  cpSync(rules, join(dir, 'rules'), { recursive: true });
  return dir;
}

/** The first rule file of `kind` in a pack folder. */
function fileOfKind(packDir: string, kind: string): string {
  for (const f of readdirSync(packDir).sort()) {
    if (!f.endsWith('.json')) continue;
    const text = readFileSync(join(packDir, f), 'utf8');
    if (JSON.parse(text).kind === kind) return join(packDir, f);
  }
  throw new Error(`no ${kind} in ${packDir}`);
}

/** Replace the first `needle` in a file; returns the 1-based line and column where it was. */
function plant(file: string, needle: string, replacement: string): { line: number; column: number } {
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not in ${file}`);
  writeFileSync(file, text.slice(0, at) + replacement + text.slice(at + needle.length));
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: (before.at(-1) as string).length + 1 };
}

beforeAll(() => {
  if (!existsSync(bin)) execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'ignore' });
});

describe('gridsafe validate', () => {
  it('exits 0 on rules/ and prints a summary of every pack', () => {
    const r = gridsafe(['validate', 'rules/']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const id of ['base', 'chibi', 'xianyou', 'chanba', 'mudan', 'jianguanju']) expect(r.stdout).toContain(`${id}@`);
    expect(r.stdout).toMatch(/✔ valid: \d+ files, 0 errors, 0 warnings/);
  });

  it('prints the summary in zh for a zh locale or --lang zh', () => {
    expect(gridsafe(['validate', 'rules/'], { env: { LANG: 'zh_CN.UTF-8' } }).stdout).toMatch(/校验通过：\d+ 个文件，0 个错误，0 个警告/);
    expect(gridsafe(['validate', 'rules/', '--lang', 'zh']).stdout).toContain('校验通过');
  });

  it('outputs the report as JSON', () => {
    const r = gridsafe(['validate', 'rules/', '--format', 'json']);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ ok: true, errors: 0, warnings: 0, issues: [] });
    expect(report.packs.map((p: { id: string }) => p.id).sort()).toEqual(['base', 'chanba', 'chibi', 'jianguanju', 'mudan', 'xianyou']);
    expect(report.files.length).toBeGreaterThan(12);
  });

  const faults = [
    ['a misspelt fact', 'checklist', '"fact": "answer"', '"fact": "answr"', 8, 'ref.unknown'],
    ['a wrong operator', 'checklist', '"operator": "equal"', '"operator": "eqaul"', 12, 'schema.enum'],
    ['an extends to nothing', 'pack', '"base"', '"bsae"', 0, 'ref.unknown'],
  ] as const;

  it.each(faults)('a broken copy with %s fails at the exact line and column', (_name, kind, needle, replacement, offset, code) => {
    const dir = copyRules();
    const file = fileOfKind(join(dir, 'rules', 'chibi'), kind);
    const at = plant(file, needle, replacement);
    const r = gridsafe(['validate', 'rules/', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.ok).toBe(false);
    const errors = report.issues.filter((i: { severity: string }) => i.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code, file: file.slice(dir.length + 1), line: at.line, column: at.column + offset });
    expect(errors[0].message.zh).not.toBe('');
    expect(errors[0].message.en).not.toBe('');
  });

  it('a duplicate id points at the second definition and names the first', () => {
    const dir = copyRules();
    const file = fileOfKind(join(dir, 'rules', 'chibi'), 'checklist');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    const [first, second] = [data.items[0].id, data.items[1].id];
    const firstAt = plant(file, `"id": "${first}"`, `"id": "${first}"`);
    const at = plant(file, `"id": "${second}"`, `"id": "${first}"`);
    const r = gridsafe(['validate', 'rules/chibi', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const issue = JSON.parse(r.stdout).issues.find((i: { code: string }) => i.code === 'id.duplicate');
    expect(issue).toMatchObject({ line: at.line, column: at.column + 6, params: { id: first, firstLine: firstAt.line - 1 } });
  });

  it('shows the source line with a caret in text output', () => {
    const dir = copyRules();
    const file = fileOfKind(join(dir, 'rules', 'chibi'), 'checklist');
    plant(file, '"fact": "answer"', '"fact": "answr"');
    const r = gridsafe(['validate', 'rules/chibi'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/error unknown fact "answr"; did you mean "answer"\?/);
    expect(r.stdout).toMatch(/\| +"fact": "answr",?\n +\| +\^/);
    expect(r.stdout).toContain('✘ invalid');
  });

  it('validates a single pack folder, finding its parent beside it', () => {
    const r = gridsafe(['validate', 'rules/xianyou']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('xianyou@');
  });

  it.each([
    ['no arguments', []],
    ['an unknown command', ['vaildate']],
    ['an unknown option', ['validate', '--strict']],
    ['a bad format', ['validate', 'rules/', '--format', 'xml']],
    ['a missing path', ['validate', 'no/such/folder']],
  ])('exits 2 on %s, without a stack trace', (_name, args) => {
    const r = gridsafe(args as string[]);
    expect(r.code).toBe(2);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('--help shows examples', () => {
    const r = gridsafe(['validate', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('gridsafe validate rules/');
  });
});
