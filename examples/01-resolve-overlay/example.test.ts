import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPackSet } from '@gridsafe/engine/node';
import { formatIssue } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { run } from './index.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

describe('example 1: a town overlays the Chibi pack', () => {
  it('adds an item, removes one, tightens a due time and raises a weight, each with its provenance', () => {
    const s = run('en');
    expect(s.added).toEqual(['example-town.village.11']);
    expect(s.removed).toEqual(['chibi.village.01']);
    expect(s.communityDue).toEqual({ before: 'P3D', after: 'P2D' });
    expect(s.weight).toEqual({ before: 1, after: 2 });
    expect(s.provenance['example-town.village.11']).toEqual(['example-town@1.0.0 add examples/01-resolve-overlay/example-town/pack.json']);
    expect(s.provenance['chibi.village.01']).toEqual([
      'chibi@1.0.0 define rules/chibi/checklist-village.json',
      'example-town@1.0.0 remove examples/01-resolve-overlay/example-town/pack.json',
    ]);
    expect(s.provenance['chibi.tier.community']?.[1]).toBe(
      'example-town@1.0.0 setParameter examples/01-resolve-overlay/example-town/pack.json (within)',
    );
    expect(s.provenance['chibi.shiyou.07']?.[1]).toBe(
      'example-town@1.0.0 setParameter examples/01-resolve-overlay/example-town/pack.json (weight)',
    );
    expect(s.cases.map((c) => c.pass)).toEqual([true, true, true]);
  });

  it('runs as a program', () => {
    const out = execFileSync('npx', ['--no-install', 'tsx', here('./index.ts')], { encoding: 'utf8' });
    expect(out).toContain('规则包链：base@1.0.0 → chibi@1.0.0 → example-town@1.0.0');
    expect(out).toContain('✔ example-town.case.village.11-major');
  });

  it('removing a locked element fails, located in the overlay and naming the file that locked it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gridsafe-overlay-'));
    cpSync(here('./example-town'), dir, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(dir, 'pack.json'), 'utf8'));
    manifest.overlays.push({
      op: 'remove',
      target: 'chibi.wuding-siqing.01',
      localDefault: true,
      reason: { zh: '试图删除锁定要求', en: 'Tries to remove a locked requirement' },
    });
    writeFileSync(join(dir, 'pack.json'), JSON.stringify(manifest, null, 2));
    const set = loadPackSet([here('../../rules'), dir]);
    expect(E.isLeft(set)).toBe(true);
    if (E.isRight(set)) return;
    expect(set.left).toHaveLength(1);
    const [issue] = set.left;
    expect(issue).toMatchObject({
      code: 'pack.lockedElement',
      pointer: '/overlays/4',
      params: { target: 'chibi.wuding-siqing.01', op: 'remove', definedIn: 'rules/chibi/requirements-wuding-siqing.json' },
    });
    // The line of the fifth overlay in the file as written, and the line that defines the element.
    const lines = readFileSync(join(dir, 'pack.json'), 'utf8').split('\n');
    expect(lines[(issue?.line ?? 0) - 1]).toMatch(/^\s*\{$/);
    expect(lines[issue?.line ?? 0]).toContain('"op": "remove"');
    expect(lines[(issue?.line ?? 0) + 1]).toContain('chibi.wuding-siqing.01');
    expect(issue && formatIssue(issue, 'en')).toMatch(/rules\/chibi\/requirements-wuding-siqing\.json:\d+/);
  });
});
