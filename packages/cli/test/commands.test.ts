import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyRules, ensureBuilt, gridsafe, noStack, recordsFromCases } from './helpers.js';

beforeAll(ensureBuilt);

const clean = (r: Record<string, unknown>) => {
  const { expectHazards: _, ...rest } = r;
  return rest;
};

describe('gridsafe test', () => {
  it('passes every case of a pack, with exit 0', () => {
    const r = gridsafe(['test', 'chibi']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\d+ passed, 0 failed/);
    expect(r.stderr).toBe('');
  });

  it('outputs results as JSON, with coverage of rules and branches', () => {
    const r = gridsafe(['test', 'xianyou', '--format', 'json', '--coverage']);
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.stdout);
    expect(rep).toMatchObject({ pack: 'xianyou', failed: 0 });
    expect(rep.passed).toBe(rep.results.length);
    expect(rep.results[0]).toHaveProperty('expected');
    expect(rep.results[0]).toHaveProperty('actual');
    expect(rep.coverage.rules.total).toBeGreaterThan(10);
    expect(rep.coverage.branches.covered).toBeLessThanOrEqual(rep.coverage.branches.total);
    const item = rep.coverage.byRule.find((x: any) => x.id === 'xianyou.pilot.01');
    expect(item).toMatchObject({ kind: 'item', covered: true });
    expect(item.branchesSeen).toBeGreaterThan(0);
  });

  it('fails below --coverage-threshold and passes above it', () => {
    const low = gridsafe(['test', 'chibi', '--coverage-threshold', '1']);
    expect(low.code).toBe(0);
    const high = gridsafe(['test', 'chibi', '--coverage-threshold', '100']);
    expect(high.code).toBe(1);
    expect(high.stdout).toMatch(/branch coverage [\d.]+% is below the threshold 100%/);
  });

  it('shows a failing case with a diff of expected and actual, exit 1', () => {
    const dir = copyRules();
    const file = join(dir, 'rules', 'chibi', 'chibi.cases.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    const c = data.cases.find((x: any) => x.id === 'chibi.case.community.01-fires');
    c.expect.hazards = [];
    delete c.expect.severity;
    writeFileSync(file, JSON.stringify(data, null, 2));
    const r = gridsafe(['test', 'chibi'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✘ chibi.case.community.01-fires');
    expect(r.stdout).toMatch(/hazards:\n\s+- \[\]\n\s+\+ \["chibi.community.01"\]/);
    expect(r.stdout).toMatch(/1 failed/);
  });

  it('counts a coverage gap: a rule no case touches', () => {
    const dir = copyRules();
    const file = join(dir, 'rules', 'chibi', 'chibi.cases.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.cases = data.cases.filter((x: any) => !(x.type === 'patrol' && JSON.stringify(x.input.answers).includes('chibi.village.')));
    writeFileSync(file, JSON.stringify(data, null, 2));
    const r = gridsafe(['test', 'chibi', '--coverage', '--format', 'json'], { cwd: dir });
    const rep = JSON.parse(r.stdout);
    expect(rep.coverage.byRule.find((x: any) => x.id === 'chibi.village.01').covered).toBe(false);
  });

  it.each([
    ['an unknown pack', ['test', 'chibbi']],
    ['a bad threshold', ['test', 'chibi', '--coverage-threshold', 'lots']],
    ['a bad format', ['test', 'chibi', '--format', 'xml']],
  ])('exits 2 on %s, without a stack trace', (_n, args) => {
    const r = gridsafe(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^gridsafe: /);
    expect(noStack(r.stdout + r.stderr)).toBe(true);
  });

  it('exits 2 on a pack with errors, naming the error', () => {
    const dir = copyRules();
    const file = join(dir, 'rules', 'chibi', 'checklist-village.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"operator": "equal"', '"operator": "eqaul"'));
    const r = gridsafe(['test', 'chibi'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('checklist-village.json');
    expect(r.stderr).toContain('eqaul');
    expect(noStack(r.stderr)).toBe(true);
  });
});

describe('gridsafe check', () => {
  const records = recordsFromCases('chibi');
  const dir = mkdtempSync(join(tmpdir(), 'gridsafe-check-'));
  const clear = records.filter((r) => r.expectHazards === 0).map(clean);
  const firing = records.filter((r) => (r.expectHazards as number) > 0).map(clean);
  writeFileSync(join(dir, 'clear.json'), JSON.stringify(clear, null, 2));
  writeFileSync(join(dir, 'mixed.json'), JSON.stringify([...clear, ...firing.slice(0, 3)], null, 2));
  const lines = Array.from({ length: 5000 }, (_, i) => JSON.stringify({ ...(firing[i % firing.length] as object), id: `r${i + 1}` }));
  writeFileSync(join(dir, 'big.ndjson'), `${lines.join('\n')}\n`);
  lines[4999] = '{"id": "r5000", "gridId": ';
  writeFileSync(join(dir, 'broken.ndjson'), `${lines.join('\n')}\n`);
  writeFileSync(join(dir, 'invalid.ndjson'), `${JSON.stringify(clear[0])}\n${JSON.stringify({ ...clear[0], at: 'yesterday' })}\n`);

  it('exits 0 when no hazards are found, 1 when they are', () => {
    expect(gridsafe(['check', '--pack', 'chibi', join(dir, 'clear.json')]).code).toBe(0);
    const r = gridsafe(['check', '--pack', 'chibi', join(dir, 'mixed.json')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/record\s+line\s+grid\s+item\s+severity\s+route\s+text/);
    expect(r.stdout).toMatch(new RegExp(`✘ ${clear.length + 3} records, [1-9]\\d* hazards`));
  });

  it('--explain says which condition made each hazard fire', () => {
    const r = gridsafe(['check', '--pack', 'chibi', join(dir, 'mixed.json'), '--explain']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/ — because: answer equal true \(true\)/);
  });

  it('outputs JSON with a result per record', () => {
    const r = gridsafe(['check', '--pack', 'chibi', join(dir, 'mixed.json'), '--format', 'json']);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ pack: { id: 'chibi' }, records: clear.length + 3, invalid: 0 });
    expect(out.results).toHaveLength(clear.length + 3);
    expect(out.hazards).toBe(out.results.reduce((n: number, x: any) => n + x.hazards, 0));
    // By default each result counts its items by status and lists its hazard findings only.
    expect(out.results[0].items.ok).toBeGreaterThan(0);
    expect(out.results.at(-1).findings.length).toBeGreaterThan(0);
    expect(out.results.at(-1).findings.every((f: any) => f.status === 'hazard')).toBe(true);
    const all = JSON.parse(gridsafe(['check', '--pack', 'chibi', join(dir, 'mixed.json'), '--format', 'json', '--findings', 'all']).stdout);
    expect(all.results[0].findings[0]).toHaveProperty('status');
    expect(all.results[0].findings.length).toBe(
      out.results[0].items.ok + out.results[0].items.notAnswered + out.results[0].items.notApplicable,
    );
  });

  it('streams 5000 NDJSON records, one NDJSON result a line, with line numbers', () => {
    const r = gridsafe(['check', '--pack', 'chibi', join(dir, 'big.ndjson'), '--format', 'ndjson']);
    expect(r.code).toBe(1);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(5000);
    expect(out[4999]).toMatchObject({ line: 5000, record: 'r5000' });
  });

  it('reads stdin with -', () => {
    const r = gridsafe(['check', '--pack', 'chibi', '-', '--format', 'json'], { input: clear.map((x) => JSON.stringify(x)).join('\n') });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).records).toBe(clear.length);
  });

  it('reports malformed NDJSON on line 5000 with its line number, exit 2, no stack trace', () => {
    const r = gridsafe(['check', '--pack', 'chibi', join(dir, 'broken.ndjson'), '--format', 'ndjson']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.ndjson:5000: not valid JSON/);
    expect(noStack(r.stderr)).toBe(true);
  });

  it('reports an invalid record with its line, exit 2', () => {
    const r = gridsafe(['check', '--pack', 'chibi', join(dir, 'invalid.ndjson')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/invalid\.ndjson:2: invalid record/);
  });

  it('exits 2 on a missing file and on an unknown pack', () => {
    const missing = gridsafe(['check', '--pack', 'chibi', join(dir, 'nope.ndjson')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.ndjson: ENOENT/);
    expect(gridsafe(['check', '--pack', 'nowhere', join(dir, 'clear.json')]).code).toBe(2);
  });
});

describe('gridsafe score', () => {
  it('scores synthetic data as JSON, Markdown and HTML', () => {
    const r = gridsafe(['score', '--pack', 'xianyou', '--period', '2026-Q3', '--synthetic', '7']);
    expect([0, 1]).toContain(r.code);
    const rep = JSON.parse(r.stdout);
    expect(rep).toMatchObject({ pack: { id: 'xianyou' }, period: { id: '2026-Q3' } });
    expect(rep.card.score).toBeGreaterThanOrEqual(0);
    expect(rep.card.score).toBeLessThanOrEqual(rep.card.maxScore);
    expect(rep.units.length).toBeGreaterThan(1);
    expect(gridsafe(['score', '--pack', 'xianyou', '--period', '2026-Q3', '--synthetic', '7', '--format', 'md']).stdout).toMatch(/^# /);
    expect(gridsafe(['score', '--pack', 'xianyou', '--period', '2026-07', '--synthetic', '7', '--format', 'html']).stdout).toMatch(
      /^<!doctype html>/i,
    );
  });

  it('scores a data file, and the exit code says whether the unit is vetoed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gridsafe-score-'));
    const ok = [
      { type: 'unit', id: 'c', level: 'xianyou.level.county', name: 'county' },
      { type: 'unit', id: 't', level: 'xianyou.level.township', parent: 'c', name: 'town' },
      { type: 'unit', id: 'v', level: 'xianyou.level.village', parent: 't', name: 'village' },
      { type: 'hazard', unit: 'v', date: '2026-07-03', tier: 'general', state: 'closed', dueOn: '2026-07-06', closedOn: '2026-07-04' },
    ];
    writeFileSync(join(dir, 'ok.ndjson'), ok.map((x) => JSON.stringify(x)).join('\n'));
    const r = gridsafe(['score', '--pack', 'xianyou', '--period', '2026-07', join(dir, 'ok.ndjson'), '--unit', 't']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).unit.id).toBe('t');
    writeFileSync(
      join(dir, 'veto.ndjson'),
      [...ok, { type: 'accident', unit: 'v', date: '2026-07-09', level: 'major' }].map((x) => JSON.stringify(x)).join('\n'),
    );
    const v = gridsafe(['score', '--pack', 'xianyou', '--period', '2026-07', join(dir, 'veto.ndjson'), '--unit', 't']);
    expect(v.code).toBe(1);
    expect(JSON.parse(v.stdout).card.veto).not.toBeNull();
    writeFileSync(join(dir, 'bad.ndjson'), `${JSON.stringify(ok[0])}\n{"type":"hazard","unit":"c","date":"someday"}\n`);
    const bad = gridsafe(['score', '--pack', 'xianyou', '--period', '2026-07', join(dir, 'bad.ndjson')]);
    expect(bad.code).toBe(2);
    expect(noStack(bad.stderr)).toBe(true);
  });

  it('exits 2 on an unknown period, naming what a period looks like', () => {
    const r = gridsafe(['score', '--pack', 'xianyou', '--period', '2026-Q5', '--synthetic', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/invalid period: .*YYYY-Qn/);
    expect(noStack(r.stderr)).toBe(true);
  });
});
