import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from './index.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

describe('example 3: a station against the 十有', () => {
  it('finds the two missing things, says what is missing, and fails the pass mark', () => {
    const { result, lines } = run('en');
    expect(result?.requirements.filter((r) => !r.met).map((r) => r.id)).toEqual(['chibi.shiyou.05', 'chibi.shiyou.09']);
    expect(result).toMatchObject({ metWeight: 8, totalWeight: 10, passed: false });
    expect(lines).toContain('        ✘ Patrol kit $.torch equals true (was false)');
    expect(lines.at(-1)).toBe('Score 8/10 = 80%, pass mark 100%: fails');
  });

  it('bad station facts give located errors and no result', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gridsafe-station-')), 'station.json');
    writeFileSync(file, JSON.stringify({ stationId: 's1', date: '2026-03-02', facts: { 'station.hasOfice': true } }));
    const { result, lines } = run('en', file);
    expect(result).toBeUndefined();
    expect(lines.join('\n')).toContain('unknown fact "station.hasOfice"');
  });

  it('runs as a program', () => {
    const out = execFileSync('npx', ['--no-install', 'tsx', here('./index.ts')], { encoding: 'utf8' });
    expect(out).toContain('得分 8/10 = 80%，达标线 100%：未达标');
  });
});
