// The 扣分制 chapter of docs/scoring.md and of both policy guides, command by command, on the
// made-up county: validate finds nothing, the cases pass with every deduction, gate and veto covered
// both ways, township east scores 71 and township west is not scored (exit 3). Also: a data error in
// an NDJSON file is reported at its line.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolvePack } from '@gridsafe/engine';
import { loadPackSet } from '@gridsafe/engine/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coverageOf } from '../src/coverage.js';
import { ensureBuilt, gridsafe, noStack, root } from './helpers.js';

beforeAll(ensureBuilt);
const HEXI = join(root, 'packages', 'scoring', 'test', 'fixtures', 'hexi');
const RECORDS = join(root, 'packages', 'scoring', 'test', 'fixtures', 'hexi-2026-Q3.ndjson');
const out = mkdtempSync(join(tmpdir(), 'gridsafe-scoring-guide-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The shell lines of a guide's 扣分制 chapter. */
function chapter(doc: string): string[] {
  const text = readFileSync(join(root, 'docs', doc), 'utf8');
  const body = /<!-- scoring-guide:start -->([\s\S]*?)<!-- scoring-guide:end -->/.exec(text)?.[1] ?? '';
  return [...body.matchAll(/```shell\n([\s\S]*?)\n```/g)].flatMap((m) =>
    (m[1] as string).split('\n').filter((l) => l.startsWith('npx gridsafe ')),
  );
}

describe.each(['scoring.md', 'policy-guide.en.md', 'policy-guide.zh.md'])('docs/%s, 扣分制 chapter', (doc) => {
  it('every command runs as the chapter says', () => {
    const lines = chapter(doc);
    expect(lines.length).toBe(4);
    for (const line of lines) {
      const args = line
        .slice('npx gridsafe '.length)
        .split(/\s+/)
        .map((a) => (a.endsWith('.html') && !a.includes('/') ? join(out, a) : a));
      const r = gridsafe(args, { env: { LANG: doc.endsWith('zh.md') ? 'zh_CN.UTF-8' : 'en_US.UTF-8' } });
      const unit = args[args.indexOf('--unit') + 1];
      if (args[0] === 'score' && unit === 'west') {
        expect(r.code, `${line}\n${r.stderr}`).toBe(3);
        const page = args.includes('--out') ? readFileSync(args[args.indexOf('--out') + 1] as string, 'utf8') : r.stdout;
        expect(page).toMatch(/not scored \(failed a gate\)|不参评\(未通过准入条件\)/);
      } else {
        expect(r.code, `${line}\n${r.stdout}\n${r.stderr}`).toBe(0);
      }
      if (args[0] === 'score' && unit === 'east') {
        const page = args.includes('--out') ? readFileSync(args[args.indexOf('--out') + 1] as string, 'utf8') : r.stdout;
        expect(page).toMatch(/\*\*71\*\* \/ 100|data-score="71"/);
      }
      if (args[0] === 'test') expect(r.stdout).toMatch(/6 passed, 0 failed|6 条通过，0 条未通过/);
    }
  });
});

describe('the made-up county’s cases cover every deduction, gate and veto both ways', () => {
  it('100% of their branches', () => {
    const set = loadPackSet(HEXI);
    if (set._tag === 'Left') throw new Error('hexi does not load');
    const pack = resolvePack(set.right, 'hexi');
    if (pack._tag === 'Left') throw new Error('hexi does not resolve');
    const cov = coverageOf(
      pack.right,
      pack.right.cases.flatMap((f) => f.cases),
    );
    const scoring = cov.byRule.filter((r) => ['deduction', 'gate', 'veto'].includes(r.kind));
    expect(scoring.map((r) => r.kind).sort()).toEqual([...Array(7).fill('deduction'), 'gate', 'gate', 'veto', 'veto']);
    for (const r of scoring) expect([r.id, r.branchesSeen, r.missing]).toEqual([r.id, 2, []]);
    expect(cov.byRule.filter((r) => !r.covered)).toEqual([]);
  });
});

describe('gridsafe score on NDJSON', () => {
  it('reports a data error at its line, without a stack', () => {
    const lines = readFileSync(RECORDS, 'utf8').trim().split('\n');
    lines.splice(
      5,
      0,
      '{"type":"assessment","unit":"east","date":"2026-09-30","deduction":"hexi.deduct.patrol-records","value":4,"assessor":"a","reason":"r"}',
    );
    const file = join(out, 'bad.ndjson');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const r = gridsafe(['score', '--pack', HEXI, '--period', '2026-Q3', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:6:1 error the assessor's value 4 for "hexi.deduct.patrol-records" is outside its range 1–3`);
    expect(noStack(r.stderr)).toBe(true);
  });
});
