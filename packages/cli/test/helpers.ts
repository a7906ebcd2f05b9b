import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..', '..');
export const bin = join(root, 'packages', 'cli', 'dist', 'bin.js');
export const rules = join(root, 'rules');

/** Build the binary once if it is missing. */
export function ensureBuilt(): void {
  if (!existsSync(bin)) execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'ignore' });
}

/** Run the built `gridsafe` with an English locale unless told otherwise. */
export function gridsafe(args: string[], opts: { cwd?: string; env?: Record<string, string>; input?: string } = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: opts.cwd ?? root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8', ...opts.env },
    ...(opts.input !== undefined ? { input: opts.input } : {}),
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temporary folder holding a copy of rules/. */
export function copyRules(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gridsafe-'));
  cpSync(rules, join(dir, 'rules'), { recursive: true });
  return dir;
}

/** No stack trace: no "    at file:line:col" lines. */
export const noStack = (s: string): boolean => !/\n\s+at .+:\d+:\d+/.test(s);

/** The patrol records a pack's patrol cases describe (one per case), as a host would send them. */
export function recordsFromCases(pack: string): Record<string, unknown>[] {
  const file = join(rules, pack, `${pack}.cases.json`);
  const cases = JSON.parse(readFileSync(file, 'utf8')).cases as any[];
  const checklists = new Map<string, string>();
  for (const f of ['checklist-community.json', 'checklist-village.json', 'checklist-pilot.json']) {
    const p = join(rules, pack, f);
    if (existsSync(p)) {
      const d = JSON.parse(readFileSync(p, 'utf8'));
      checklists.set(d.id, d.gridType);
    }
  }
  return cases
    .filter((c) => c.type === 'patrol')
    .map((c) => ({
      id: c.id,
      gridId: `g-${checklists.get(c.checklist)}`,
      gridType: checklists.get(c.checklist),
      workerId: 'w1',
      at: `${c.input.date ?? '2018-01-08'}T09:00:00+08:00`,
      answers: c.input.answers,
      photos: Object.entries(c.input.photos ?? {}).flatMap(([itemId, n]) =>
        Array.from({ length: n as number }, (_, i) => ({ uri: `p${i}.jpg`, itemId })),
      ),
      ...(c.input.facts ? { facts: c.input.facts } : {}),
      expectHazards: c.expect.hazards.length,
    }));
}
