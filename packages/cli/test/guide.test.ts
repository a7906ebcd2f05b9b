import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyRules, ensureBuilt, gridsafe, root } from './helpers.js';

beforeAll(ensureBuilt);

/** The guide's steps in order: shell blocks, and the edits it asks the reader to make. */
type Step = { kind: 'sh'; lines: string[] } | { kind: 'item' | 'cases'; json: string } | { kind: 'fix'; from: string; to: string };

function steps(guide: string): Step[] {
  const out: Step[] = [];
  const re = /<!-- guide:(item|cases) -->\s*```json\n([\s\S]*?)\n```|<!-- guide:fix "([^"]+)" "([^"]+)" -->|```sh\n([\s\S]*?)\n```/g;
  for (const m of guide.matchAll(re)) {
    if (m[1]) out.push({ kind: m[1] as 'item' | 'cases', json: m[2] as string });
    else if (m[3]) out.push({ kind: 'fix', from: m[3], to: m[4] as string });
    else out.push({ kind: 'sh', lines: (m[5] as string).split('\n').filter((l) => l.trim() && !l.startsWith('#')) });
  }
  return out;
}

/** Paste text at the end of the file's top-level list (after its last element), as the guide says. */
function paste(file: string, text: string): void {
  const s = readFileSync(file, 'utf8');
  const end = s.lastIndexOf('\n  ]\n}');
  const indented = text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
  writeFileSync(file, `${s.slice(0, end)},\n${indented}${s.slice(end)}`);
}

const expectedExit: [RegExp, number][] = [
  [/^validate/, -1], // checked separately: 1 before the fix, 0 after
  [/^test .* --coverage/, 0],
  [/^diff .* --replay/, 1],
  [/^handbook /, 0],
];

describe.each(['en', 'zh'])('docs/policy-guide.%s.md, step by step', (lang) => {
  it('every command works as written', () => {
    const guide = readFileSync(join(root, 'docs', `policy-guide.${lang}.md`), 'utf8');
    const plan = steps(guide);
    expect(plan.map((s) => s.kind)).toEqual(['sh', 'item', 'sh', 'fix', 'sh', 'cases', 'sh', 'sh', 'sh']);
    const dir = copyRules();
    const checklist = join(dir, 'my-rules', 'chibi', 'checklist-village.json');
    let fixed = false;
    let typo: { line: number; column: number } | undefined;
    const ran: string[] = [];
    for (const step of plan) {
      if (step.kind === 'item') {
        paste(checklist, step.json);
        const lines = readFileSync(checklist, 'utf8').split('\n');
        const line = lines.findIndex((l) => l.includes('"eqaul"'));
        typo = { line: line + 1, column: (lines[line] as string).indexOf('"eqaul"') + 1 };
      } else if (step.kind === 'cases') paste(join(dir, 'my-rules', 'chibi', 'chibi.cases.json'), step.json);
      else if (step.kind === 'fix') {
        writeFileSync(checklist, readFileSync(checklist, 'utf8').replace(`"${step.from}"`, `"${step.to}"`));
        fixed = true;
      } else if (step.kind === 'sh')
        for (const line of step.lines) {
          if (!line.startsWith('npx gridsafe ')) {
            const r = spawnSync('bash', ['-c', line], { cwd: dir, encoding: 'utf8' });
            expect(r.status, line).toBe(0);
            continue;
          }
          const args = line.slice('npx gridsafe '.length).split(/\s+/);
          const r = gridsafe(args, { cwd: dir, env: { LANG: lang === 'zh' ? 'zh_CN.UTF-8' : 'en_US.UTF-8' } });
          ran.push(args.join(' '));
          if (args[0] === 'validate' && !fixed) {
            expect(r.code, line).toBe(1);
            // The typo is reported at the line and column where it was pasted.
            expect(r.stdout).toContain(`my-rules/chibi/checklist-village.json:${typo?.line}:${typo?.column} `);
            expect(r.stdout).toContain('"eqaul"');
            expect(r.stdout).toMatch(/\d+ \| +"operator": "eqaul",\n +\| +\^/);
          } else if (args[0] === 'validate') expect(r.code, `${line}\n${r.stdout}`).toBe(0);
          else {
            const want = expectedExit.find(([re]) => re.test(args.join(' ')))?.[1];
            expect(r.code, `${line}\n${r.stdout}\n${r.stderr}`).toBe(want);
          }
          if (args[0] === 'test') {
            expect(r.stdout).toContain('chibi.case.village.11-fires');
            expect(r.stdout).toContain('chibi.case.village.11-major');
            expect(r.stdout).toMatch(lang === 'zh' ? /条通过，0 条未通过/ : /passed, 0 failed/);
            expect(r.stdout).toMatch(/chibi\.village\.11: .*hazard=false/);
          }
          if (args[0] === 'diff') {
            expect(r.stdout).toMatch(/chibi\.village\.11/);
            expect(r.stdout).toMatch(/⇄ chibi\.case\.village\.11-fires/);
          }
        }
    }
    expect(ran.map((r) => r.split(' ')[0])).toEqual(['validate', 'validate', 'test', 'diff', 'handbook']);
    const handbook = join(dir, 'chibi-handbook.html');
    expect(existsSync(handbook)).toBe(true);
    expect(readFileSync(handbook, 'utf8')).toContain('有无电动自行车在楼道、门厅停放或充电');
  });
});
