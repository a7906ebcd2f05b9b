import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from './index.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

describe('example 2: a patrol record with explained findings', () => {
  it('finds the major fireworks store, reported straight to the township, and says why', () => {
    const { result, lines } = run('en');
    expect(result?.hazards).toBe(3);
    const first = result?.findings[0];
    expect(first).toMatchObject({ status: 'hazard', severity: 'major', route: { tier: 'chibi.tier.township', direct: true } });
    expect(lines).toContain('        ✘ Quantity of fireworks stored is greater than 100 (was 40)');
    expect(lines).toContain('            ✔ Goods are stored or business is run inside a dwelling ("three-in-one") equals true (was true)');
    // An item without a hazard carries no explanation by default.
    expect(result?.findings[1]).toMatchObject({ status: 'ok' });
    expect(result?.findings[1]?.explanation).toBeUndefined();
  });

  it('a malformed record gives located errors and no findings', () => {
    const record = JSON.parse(readFileSync(here('./record.json'), 'utf8'));
    record.answers['chibi.community.02'] = 'yes';
    record.at = 'yesterday';
    const file = join(mkdtempSync(join(tmpdir(), 'gridsafe-record-')), 'record.json');
    writeFileSync(file, JSON.stringify(record));
    const { result, lines } = run('en', file);
    expect(result).toBeUndefined();
    expect(lines.join('\n')).toMatch(/\/at/);
  });

  it('runs as a program', () => {
    const out = execFileSync('npx', ['--no-install', 'tsx', here('./index.ts')], { encoding: 'utf8' });
    expect(out).toContain('隐患 3 项');
    expect(out).toContain('（重大情况直报）');
  });
});
