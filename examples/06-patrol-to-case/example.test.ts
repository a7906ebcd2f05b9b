import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from './index.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

describe('example 6: from a patrol to hazard cases', () => {
  it('opens a case per hazard: the major one straight at the township, the general one with the grid worker', () => {
    const { opened } = run('en');
    expect(opened.map((o) => [o.item, o.severity])).toEqual([
      ['chibi.community.01', 'major'],
      ['chibi.community.04', 'general'],
      ['chibi.community.13', 'general'],
    ]);
    const [major, general, unphotographed] = opened;
    expect(major?.snapshot).toMatchObject({ state: 'township.assign', owner: 'chibi.tier.township', pack: { id: 'chibi' } });
    expect(major?.snapshot?.audit.map((a) => a.event)).toEqual(['REPORT', 'ESCALATE']);
    expect(major?.snapshot?.due?.at).toBeDefined();
    expect(general?.snapshot).toMatchObject({ state: 'grid-worker.assign', owner: 'chibi.tier.grid-worker' });
    expect(general?.snapshot?.audit.map((a) => a.event)).toEqual(['REPORT']);
    // The third hazard has no photo: the machine refuses the report and no case is opened.
    expect(unphotographed?.snapshot).toBeUndefined();
    expect(unphotographed?.refused).toMatch(/photo/);
  });

  it('runs as a program', () => {
    const out = execFileSync('npx', ['--no-install', 'tsx', here('./index.ts')], { encoding: 'utf8' });
    expect(out).toContain('隐患 3 项');
    expect(out).toContain('乡镇(街道)安监站(安办)（township.assign）');
    expect(out).toContain('请网格员补拍照片');
  });
});
