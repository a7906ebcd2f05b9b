import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HazardReport } from '@gridsafe/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, gridsafe, rules } from './helpers.js';

beforeAll(ensureBuilt);

const json = (p: string) => JSON.parse(readFileSync(p, 'utf8'));
const ndjson = (p: string) =>
  readFileSync(p, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
const cadences = (pack: string): { id: string; title: { zh: string; en: string } }[] => json(join(rules, pack, 'hierarchy.json')).cadences;
const sectors = new Set<string>(json(join(rules, 'base', 'catalog.json')).sectors.map((s: { id: string }) => s.id));

describe.each(['mudan', 'chanba'])('gridsafe demo --region %s (no checklists)', (region) => {
  const out = mkdtempSync(join(tmpdir(), `gridsafe-demo-${region}-`));
  let a: ReturnType<typeof gridsafe>;
  let b: ReturnType<typeof gridsafe>;
  beforeAll(() => {
    a = gridsafe(['demo', '--region', region, '--out', join(out, 'a')]);
    b = gridsafe(['demo', '--region', region, '--out', join(out, 'b')]);
  });

  it('runs, says the pack has no checklist, and writes the report and the handbook, deterministically', () => {
    expect(a.code).toBe(0);
    expect(a.stderr).toBe('');
    expect(a.stdout).toContain('This pack has no patrol checklist, so hazards are reported free-form');
    expect(a.stdout.replaceAll(join(out, 'a'), '')).toBe(b.stdout.replaceAll(join(out, 'b'), ''));
    for (const f of ['report.html', 'handbook.html', 'reports.ndjson', 'records.ndjson'])
      expect(readFileSync(join(out, 'a', f), 'utf8')).toBe(readFileSync(join(out, 'b', f), 'utf8'));
    // No patrols, so no patrol records to check.
    expect(existsSync(join(out, 'a', 'patrols.ndjson'))).toBe(false);
    expect(readFileSync(join(out, 'a', 'report.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    expect(readFileSync(join(out, 'a', 'handbook.html'), 'utf8')).toContain('This pack defines no patrol checklist');
  });

  it('simulates every duty the cadences define, and says which', () => {
    const s = a.stdout;
    expect(s).toContain("2 Duties (simulated on the pack's cadences; no patrols):");
    for (const c of cadences(region)) {
      const line = s.split('\n').find((l) => l.includes(c.title.en));
      expect(line, c.id).toMatch(/(\d+) planned, (\d+) done, (\d+) missed/);
      const [, planned, done, missed] = /(\d+) planned, (\d+) done, (\d+) missed/.exec(line as string) as RegExpExecArray;
      expect(Number(planned), c.id).toBeGreaterThan(0);
      expect(Number(done) + Number(missed), c.id).toBeLessThanOrEqual(Number(planned));
    }
  });

  it('reports hazards free-form, with a sector and no checklist item, and opens a case for each', () => {
    const s = a.stdout;
    const reported = Number(/(\d+) hazards reported free-form/.exec(s)?.[1]);
    expect(reported).toBeGreaterThan(0);
    const reports = ndjson(join(out, 'a', 'reports.ndjson'));
    expect(reports).toHaveLength(reported);
    const records = ndjson(join(out, 'a', 'records.ndjson'));
    const units = new Set(records.filter((r) => r.type === 'unit').map((r) => r.id));
    for (const r of reports) {
      expect(HazardReport.is(r)).toBe(true);
      expect(r.itemId).toBeUndefined();
      expect(sectors.has(r.sector)).toBe(true);
      expect(units.has(r.gridId)).toBe(true);
    }
    expect(records.filter((r) => r.type === 'hazard')).toHaveLength(reported);
    const counts = [...s.matchAll(/^ {2}(closed at|up to|overdue|still being handled).*?\s(\d+)$/gm)].map((m) => Number(m[2]));
    expect(counts).toHaveLength(4);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(reported);
    expect((counts[0] ?? 0) + (counts[1] ?? 0)).toBeGreaterThan(0);
  });

  it("scores the month's records as the summary says", () => {
    const records = ndjson(join(out, 'a', 'records.ndjson'));
    const focus = records.find((r) => r.type === 'unit' && r.name === /Monthly bulletin: (\S+) scores/.exec(a.stdout)?.[1]);
    expect(focus).toBeDefined();
    const r = gridsafe(['score', '--pack', region, '--period', '2026-07', '--unit', focus.id, join(out, 'a', 'records.ndjson')]);
    expect(r.code).toBe(0);
    const said = Number(/scores ([\d.]+) \/ 100/.exec(a.stdout)?.[1]);
    expect(Math.round(JSON.parse(r.stdout).card.score * 100) / 100).toBe(said);
  });

  it('speaks zh, and another seed gives another month', () => {
    const zh = gridsafe(['demo', '--region', region, '--out', join(out, 'zh'), '--lang', 'zh']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('本规则包没有巡查清单，因此隐患按自由报告上报');
    for (const c of cadences(region)) expect(zh.stdout).toContain(c.title.zh);
    const other = gridsafe(['demo', '--region', region, '--out', join(out, 'c'), '--seed', '7']);
    expect(other.code).toBe(0);
    expect(other.stdout.replaceAll(join(out, 'c'), '')).not.toBe(a.stdout.replaceAll(join(out, 'a'), ''));
  });
});

describe('what each region without checklists simulates', () => {
  it('mudan: cadre visits by role, monthly actions, the township office standard', () => {
    const out = mkdtempSync(join(tmpdir(), 'gridsafe-demo-mudan-'));
    const r = gridsafe(['demo', '--region', 'mudan', '--out', out]);
    expect(r.stdout).toMatch(/cadres: County-level cadre × \d+ \([^)]+\), Section-level cadre × \d+ \(示范镇\)/);
    expect(r.stdout).toMatch(/Monthly action at enterprise level +\d+ planned.*; not scored: below the scored levels/);
    const records = ndjson(join(out, 'records.ndjson'));
    const visits = records.filter((x) => x.type === 'visit');
    expect(new Set(visits.map((v) => v.cadre))).toContain('mudan.role.section-cadre');
    expect(records.filter((x) => x.type === 'inspection').length).toBeGreaterThan(0);
    expect(records.filter((x) => x.type === 'station').map((x) => x.unit)).toEqual(['mudan-1']);
    expect(records.some((x) => x.type === 'patrol')).toBe(false);
  });

  it('chanba: monthly report and spot check, the quarterly assessment due later, immediate reporting', () => {
    const out = mkdtempSync(join(tmpdir(), 'gridsafe-demo-chanba-'));
    const r = gridsafe(['demo', '--region', 'chanba', '--out', out]);
    expect(r.stdout).toMatch(/Quarterly assessment +1 planned, 0 done, 0 missed, 1 due by 09-30; not scored/);
    const records = ndjson(join(out, 'records.ndjson'));
    expect(records.filter((x) => x.type === 'inspection').every((x) => x.kind === 'spot')).toBe(true);
    expect(records.some((x) => x.type === 'report' && x.kind === 'monthly')).toBe(true);
    const hazards = records.filter((x) => x.type === 'hazard');
    const immediate = hazards.filter((x) => x.reportedImmediately === true).length;
    expect(r.stdout).toContain(`reported immediately: ${immediate} of ${hazards.length} passed on by the Grid worker`);
    const grids = records.filter((x) => x.type === 'unit' && x.level === 'chanba.level.grid');
    expect(grids).toHaveLength(4);
    for (const g of grids) expect(g.staff['chanba.role.grid-worker']).toBeGreaterThanOrEqual(1);
  });
});

describe('gridsafe handbook for a pack without checklists', () => {
  it('is written, says the pack has no checklist, and has the levels, the escalation chart and the cadences', () => {
    const r = gridsafe(['handbook', '--pack', 'mudan']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const html = r.stdout;
    expect(html).toContain('本规则包没有规定巡查清单');
    expect(html).not.toContain('<section class="checklist"');
    expect(html).toContain('层级与职责');
    expect(html).toContain('隐患报送与处置流程图');
    expect(html).toContain('<svg');
    for (const c of cadences('mudan')) expect(html).toContain(c.title.zh);
    const en = gridsafe(['handbook', '--pack', 'chanba', '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('This pack defines no patrol checklist');
    expect(en.stdout).toContain('Hazard reporting and handling chart');
  });

  it('a pack with checklists says nothing of the kind, and the help tells the exit codes', () => {
    const r = gridsafe(['handbook', '--pack', 'chibi']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('本规则包没有规定巡查清单');
    expect(r.stdout).toContain('<section class="checklist"');
    const help = gridsafe(['handbook', '--help']).stdout.replace(/\s+/g, ' ');
    expect(help).toContain(
      'Exit codes: 0 written (a pack without checklists too, saying it has none), 2 usage error or a pack with errors',
    );
  });
});
