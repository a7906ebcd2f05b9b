import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyRules, ensureBuilt, gridsafe, noStack, root } from './helpers.js';

beforeAll(ensureBuilt);

/** A copy of rules/ whose Chibi village checklist gains an item and changes item 5's severity. */
function editedCopy(): string {
  const dir = copyRules();
  cpSync(join(dir, 'rules', 'chibi'), join(dir, 'mine', 'chibi'), { recursive: true });
  cpSync(join(dir, 'rules', 'base'), join(dir, 'mine', 'base'), { recursive: true });
  const file = join(dir, 'mine', 'chibi', 'checklist-village.json');
  const data = JSON.parse(readFileSync(file, 'utf8'));
  const item = structuredClone(data.items[0]);
  Object.assign(item, { id: 'chibi.village.99', number: 99, text: { zh: '有无电动车违规充电', en: 'Are e-bikes charged illegally?' } });
  data.items.push(item);
  data.items.find((i: any) => i.id === 'chibi.village.05').severity.default = 'major';
  writeFileSync(file, JSON.stringify(data, null, 2));
  return dir;
}

describe('gridsafe diff', () => {
  it('finds no difference between a pack and itself, exit 0', () => {
    const r = gridsafe(['diff', 'rules/chibi', 'rules/chibi']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('the packs do not differ');
  });

  it('lists added and changed items with their provenance, exit 1', () => {
    const dir = editedCopy();
    const r = gridsafe(['diff', 'rules/chibi', 'mine/chibi', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const d = JSON.parse(r.stdout);
    expect(d.added).toEqual([
      expect.objectContaining({
        id: 'chibi.village.99',
        kind: 'items',
        provenance: expect.objectContaining({ pack: 'chibi', file: 'mine/chibi/checklist-village.json', op: 'define' }),
      }),
    ]);
    const changed = d.changed.find((c: any) => c.id === 'chibi.village.05');
    expect(changed.fields).toEqual([expect.objectContaining({ field: 'severity' })]);
    expect(changed.provenance.a.file).toBe('rules/chibi/checklist-village.json');
    expect(d.removed).toEqual([]);
    const text = gridsafe(['diff', 'rules/chibi', 'mine/chibi'], { cwd: dir }).stdout;
    expect(text).toMatch(/\+ added items chibi\.village\.99 Are e-bikes charged illegally\?/);
    expect(text).toMatch(/~ changed items chibi\.village\.05/);
  });

  it('--replay shows the case whose decision flips', () => {
    const dir = editedCopy();
    const r = gridsafe(['diff', 'rules/chibi', 'mine/chibi', '--replay', '--format', 'json'], { cwd: dir });
    const flips = JSON.parse(r.stdout).replay.flips;
    const flip = flips.find((f: any) => f.id === 'chibi.case.village.05-fires');
    expect(flip.a).toMatchObject({ pass: true, actual: { severity: { 'chibi.village.05': 'general' } } });
    expect(flip.b).toMatchObject({ pass: false, actual: { severity: { 'chibi.village.05': 'major' } } });
    expect(flips.every((f: any) => f.id !== 'chibi.case.community.all-clear')).toBe(true);
  });

  it('exits 2 when a side does not exist', () => {
    const r = gridsafe(['diff', 'rules/chibi', 'rules/nowhere']);
    expect(r.code).toBe(2);
    expect(noStack(r.stderr)).toBe(true);
  });
});

describe('gridsafe fmt', () => {
  it('puts keys in schema order; --check fails before and passes after', () => {
    const dir = copyRules();
    const file = join(dir, 'rules', 'chibi', 'pack.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    const shuffled = Object.fromEntries(Object.entries(data).reverse());
    writeFileSync(file, JSON.stringify(shuffled, null, 4));
    const before = gridsafe(['fmt', '--check', 'rules/chibi/pack.json'], { cwd: dir });
    expect(before.code).toBe(1);
    expect(before.stdout).toContain('rules/chibi/pack.json: not canonical');
    expect(gridsafe(['fmt', 'rules/chibi/pack.json'], { cwd: dir }).code).toBe(0);
    const after = readFileSync(file, 'utf8');
    expect(Object.keys(JSON.parse(after)).slice(0, 4)).toEqual(['$schema', 'kind', 'id', 'version']);
    expect(after).toMatch(/^\{\n {2}"\$schema"/);
    expect(gridsafe(['fmt', '--check', 'rules/chibi/pack.json'], { cwd: dir }).code).toBe(0);
    expect(gridsafe(['validate', 'rules/chibi'], { cwd: dir }).code).toBe(0);
  });

  it('exits 2 on a file that is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gridsafe-fmt-'));
    writeFileSync(join(dir, 'x.json'), '{ "kind": ');
    const r = gridsafe(['fmt', join(dir, 'x.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not valid JSON/);
  });
});

describe('gridsafe init', () => {
  it('scaffolds a pack that validates and whose cases pass', () => {
    const dir = copyRules();
    const r = gridsafe(['init', 'jiayu', '--extends', 'chibi', '--from', '2026-01-01'], { cwd: dir });
    expect(r.code).toBe(0);
    for (const f of ['pack.json', 'jiayu.cases.json', 'README.md']) expect(existsSync(join(dir, 'rules', 'jiayu', f))).toBe(true);
    const pack = JSON.parse(readFileSync(join(dir, 'rules', 'jiayu', 'pack.json'), 'utf8'));
    expect(pack).toMatchObject({ id: 'jiayu', extends: ['chibi'], overlays: [], files: ['jiayu.cases.json'] });
    expect(readFileSync(join(dir, 'rules', 'jiayu', 'README.md'), 'utf8')).toContain('overlays');
    expect(gridsafe(['validate', 'rules/jiayu'], { cwd: dir }).code).toBe(0);
    const t = gridsafe(['test', 'rules/jiayu', '--format', 'json'], { cwd: dir });
    expect(t.code).toBe(0);
    expect(JSON.parse(t.stdout).passed).toBeGreaterThan(0);
  });

  it.each([
    ['a bad name', ['init', 'Jia Yu', '--extends', 'chibi']],
    ['an existing folder', ['init', 'xianyou', '--extends', 'chibi']],
    ['an unknown parent', ['init', 'jiayu', '--extends', 'chibbi']],
    ['no --extends', ['init', 'jiayu']],
  ])('exits 2 on %s', (_n, args) => {
    const dir = copyRules();
    const r = gridsafe(args as string[], { cwd: dir });
    expect(r.code).toBe(2);
    expect(noStack(r.stderr)).toBe(true);
  });
});

describe('gridsafe graph', () => {
  it('prints the machine as Mermaid and SVG, and the chain of tiers', () => {
    const m = gridsafe(['graph', '--pack', 'xianyou']);
    expect(m.code).toBe(0);
    expect(m.stdout).toMatch(/^stateDiagram-v2/);
    expect(m.stdout).toContain('安全生产网格员');
    const s = gridsafe(['graph', '--pack', 'xianyou', '--format', 'svg']);
    expect(s.stdout).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect((s.stdout.match(/<path d=/g) ?? []).length).toBeGreaterThan(20);
    const c = gridsafe(['graph', '--pack', 'chibi', '--view', 'chain', '--lang', 'en']);
    expect(c.stdout).toMatch(/^flowchart TD/);
    expect(c.stdout).toMatch(/chibi_tier_grid_worker -\.->\|Major or higher: direct\| chibi_tier_township/);
  });

  it('exits 2 for a pack without an escalation policy or a bad view', () => {
    expect(gridsafe(['graph', '--pack', 'base']).code).toBe(2);
    expect(gridsafe(['graph', '--pack', 'xianyou', '--view', 'tree']).code).toBe(2);
  });
});

describe('gridsafe handbook', () => {
  it('prints every checklist item text, zh by default', () => {
    const r = gridsafe(['handbook', '--pack', 'chibi']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    for (const f of ['checklist-community.json', 'checklist-village.json']) {
      const items = JSON.parse(readFileSync(join(root, 'rules', 'chibi', f), 'utf8')).items;
      for (const it of items) expect(r.stdout).toContain(it.text.zh.replace(/&/g, '&amp;'));
    }
    expect(r.stdout).toContain('巡查工作手册');
    expect(r.stdout).toContain('<svg');
  });
});

describe('gridsafe demo', () => {
  it('simulates a month, deterministically, and writes the report and the handbook', () => {
    const out = mkdtempSync(join(tmpdir(), 'gridsafe-demo-'));
    const a = gridsafe(['demo', '--out', join(out, 'a')]);
    const b = gridsafe(['demo', '--out', join(out, 'b')]);
    expect(a.code).toBe(0);
    expect(a.stderr).toBe('');
    expect(a.stdout.replaceAll(join(out, 'a'), '')).toBe(b.stdout.replaceAll(join(out, 'b'), ''));
    for (const f of ['report.html', 'handbook.html', 'patrols.ndjson', 'records.ndjson']) {
      expect(readFileSync(join(out, 'a', f), 'utf8')).toBe(readFileSync(join(out, 'b', f), 'utf8'));
    }
    const s = a.stdout;
    expect(s).toMatch(/Patrols: (\d+) planned, \d+ done on time, \d+ carried to the next day, [1-9]\d* missed/);
    const count = (label: string) => Number(new RegExp(`${label.replace(/[()]/g, '\\$&')}\\s+(\\d+)`).exec(s)?.[1]);
    expect(count('closed at the first tier (village)')).toBeGreaterThan(0);
    expect(count('up to the county and a department')).toBeGreaterThan(0);
    expect(count('overdue (supervised, reminded)')).toBeGreaterThan(0);
    expect(s).toMatch(/Monthly bulletin: 榜头镇 scores [\d.]+ \/ 100, grade \w+/);
    const check = gridsafe(['check', '--pack', 'xianyou', join(out, 'a', 'patrols.ndjson'), '--format', 'json']);
    const found = Number(/(\d+) hazards found/.exec(s)?.[1]);
    expect(JSON.parse(check.stdout).hazards).toBe(found);
  });

  it('another seed gives another month; a bad month is a usage error', () => {
    const out = mkdtempSync(join(tmpdir(), 'gridsafe-demo-'));
    const a = gridsafe(['demo', '--out', out, '--seed', '5']).stdout;
    const b = gridsafe(['demo', '--out', out, '--seed', '6']).stdout;
    expect(a).not.toBe(b);
    expect(gridsafe(['demo', '--out', out, '--month', 'July']).code).toBe(2);
  });
});

describe('help and language', () => {
  it.each(['validate', 'test', 'check', 'score', 'diff', 'handbook', 'init', 'graph', 'fmt', 'demo'])(
    '%s --help has examples and exit codes',
    (cmd) => {
      const r = gridsafe([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Examples:');
      expect(r.stdout).toContain(`$ gridsafe ${cmd}`);
      expect(r.stdout).toMatch(/Exit codes: 0 /);
    },
  );

  it('speaks zh for a zh locale, LC_ALL first, and --lang over both', () => {
    expect(gridsafe(['test', 'chibi'], { env: { LANG: 'zh_CN.UTF-8' } }).stdout).toMatch(/\d+ 条通过，0 条未通过/);
    expect(gridsafe(['test', 'chibi'], { env: { LANG: 'en_US.UTF-8', LC_ALL: 'zh_TW.UTF-8' } }).stdout).toContain('条通过');
    expect(gridsafe(['test', 'chibi', '--lang', 'en'], { env: { LC_ALL: 'zh_CN.UTF-8' } }).stdout).toMatch(/passed, 0 failed/);
    expect(gridsafe(['check', '--help'], { env: { LANG: 'zh_CN.UTF-8' } }).stdout).toContain('示例：');
  });
});
