import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluatePatrol, packSetFromFiles, resolvePack } from '@gridsafe/engine';
import { loadPackSet } from '@gridsafe/engine/node';
import { addDuration, workingDayCalendar } from '@gridsafe/escalation';
import { type FileInput, type Issue, LIMITS, validateFiles } from '@gridsafe/schema';
import { validatePack } from '@gridsafe/schema/node';
import * as E from 'fp-ts/lib/Either.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { evilPack, regexOverlays, seedFiles, withFile } from './fixture.js';

/**
 * Every case must finish within this budget (the red team saw hangs of 20 s and more). It is
 * measured as the CPU time this process spends, so a machine shared with other work does not
 * count against it; the schema compiler's one-time start is paid before the cases.
 */
const BUDGET_MS = 2000;
const clock = () => {
  const start = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  };
};

const seeds = seedFiles('base', 'chibi');
beforeAll(() => {
  validateFiles(seeds);
});

/** The located error a hostile input must produce: its code, file and JSON pointer. */
interface Expected {
  code: Issue['code'];
  file: string;
  pointer: string;
}

function expectLocated(issues: Issue[], want: Expected): void {
  const hit = issues.find((i) => i.code === want.code && i.file === want.file && i.pointer === want.pointer);
  expect(
    hit,
    `${want.code} at ${want.file}#${want.pointer} among\n${issues.map((i) => `${i.code} ${i.file}#${i.pointer}`).join('\n')}`,
  ).toBeDefined();
  for (const i of issues) {
    expect(i.line).toBeGreaterThanOrEqual(1);
    expect(i.column).toBeGreaterThanOrEqual(1);
    expect(i.message.zh.length).toBeGreaterThan(0);
    expect(i.message.en.length).toBeGreaterThan(0);
  }
}

/** A rule-file corpus: each is rejected with its located error, and loading agrees with validation. */
const rejected: [name: string, files: () => FileInput[], want: Expected][] = [
  [
    'F1: a lookahead (?=a) cannot run in linear time: rejected',
    () => [...seeds, evilPack(regexOverlays('(?=a)a'))],
    { code: 'regex.unsafe', file: 'rules/evil/pack.json', pointer: '/overlays/1/element/hazardWhen/all/0/value' },
  ],
  [
    'F1: a backreference ^(a+)\\1$ is rejected',
    () => [...seeds, evilPack(regexOverlays('^(a+)\\1$'))],
    { code: 'regex.unsafe', file: 'rules/evil/pack.json', pointer: '/overlays/1/element/hazardWhen/all/0/value' },
  ],
  [
    'F2: add {"id":"x"} into a checklist is an incomplete item',
    () => [...seeds, evilPack([{ op: 'add', into: 'chibi.checklist.community', element: { id: 'x' } }])],
    { code: 'schema.required', file: 'rules/evil/pack.json', pointer: '/overlays/0/element' },
  ],
  [
    'F2: modify set hazardWhen to a string',
    () => [...seeds, evilPack([{ op: 'modify', target: 'chibi.community.02', set: { hazardWhen: 'always' } }])],
    { code: 'schema.type', file: 'rules/evil/pack.json', pointer: '/overlays/0/set/hazardWhen' },
  ],
  [
    'F2: modify set severity to null',
    () => [...seeds, evilPack([{ op: 'modify', target: 'chibi.community.02', set: { severity: null } }])],
    { code: 'schema.type', file: 'rules/evil/pack.json', pointer: '/overlays/0/set/severity' },
  ],
  [
    'F2: modify set items to 7 on a checklist file',
    () => [...seeds, evilPack([{ op: 'modify', target: 'chibi.checklist.community', set: { items: 7 } }])],
    { code: 'schema.type', file: 'rules/evil/pack.json', pointer: '/overlays/0/set/items' },
  ],
  [
    'F2: modify may not change a kind',
    () => [...seeds, evilPack([{ op: 'modify', target: 'chibi.checklist.community', set: { kind: 'standard' } }])],
    { code: 'schema.unknownProperty', file: 'rules/evil/pack.json', pointer: '/overlays/0/set/kind' },
  ],
  [
    'F2: an added condition naming an unknown fact',
    () => [
      ...seeds,
      evilPack([
        {
          op: 'modify',
          target: 'chibi.community.02',
          set: { hazardWhen: { all: [{ fact: 'no.such.fact', operator: 'equal', value: true }] } },
        },
      ]),
    ],
    { code: 'ref.unknown', file: 'rules/evil/pack.json', pointer: '/overlays/0/set/hazardWhen/all/0/fact' },
  ],
  [
    'F2: setParameter puts a field an item does not have',
    () => [...seeds, evilPack([{ op: 'setParameter', target: 'chibi.community.02', parameter: 'weight', value: 3 }])],
    { code: 'schema.unknownProperty', file: 'rules/evil/pack.json', pointer: '/overlays/0/value' },
  ],
  [
    'F4: modify on the 五全 file with rules [] removes five locked rules',
    () => [...seeds, evilPack([{ op: 'modify', target: 'chibi.requirements.wuquan', set: { rules: [] } }])],
    { code: 'pack.lockedElement', file: 'rules/evil/pack.json', pointer: '/overlays/0' },
  ],
  [
    'F4: modify on the escalation file with skips [] removes the locked skip',
    () => [...seeds, evilPack([{ op: 'modify', target: 'chibi.escalation', set: { skips: [] } }])],
    { code: 'pack.lockedElement', file: 'rules/evil/pack.json', pointer: '/overlays/0' },
  ],
  [
    'F4: remove a whole file that holds locked rules',
    () => [...seeds, evilPack([{ op: 'remove', target: 'chibi.requirements.wuquan' }])],
    { code: 'pack.lockedElement', file: 'rules/evil/pack.json', pointer: '/overlays/0' },
  ],
  [
    'F4: setParameter within "never" on a locked tier (NaN compares as not weaker)',
    () => [
      ...withFile(seeds, 'rules/chibi/escalation.json', (d) => {
        d.tiers[1].locked = true;
      }),
      evilPack([{ op: 'setParameter', target: 'chibi.tier.community', parameter: 'within', value: 'never' }]),
    ],
    { code: 'pack.lockedElement', file: 'rules/evil/pack.json', pointer: '/overlays/0' },
  ],
  [
    'F4: setParameter within P30D (longer) on a locked tier',
    () => [
      ...withFile(seeds, 'rules/chibi/escalation.json', (d) => {
        d.tiers[1].locked = true;
      }),
      evilPack([{ op: 'setParameter', target: 'chibi.tier.community', parameter: 'within', value: 'P30D', severity: 'general' }]),
    ],
    { code: 'pack.lockedElement', file: 'rules/evil/pack.json', pointer: '/overlays/0' },
  ],
  [
    'F4: setParameter within "never" on a tier that is not locked is still not a duration',
    () => [...seeds, evilPack([{ op: 'setParameter', target: 'chibi.tier.community', parameter: 'within', value: 'never' }])],
    { code: 'schema.pattern', file: 'rules/evil/pack.json', pointer: '/overlays/0/value' },
  ],
  [
    'F6: path $.constructor into an object fact is an unknown path, not a crash',
    () =>
      withFile(seeds, 'rules/chibi/checklist-community.json', (d) => {
        d.items[1].hazardWhen = { all: [{ fact: 'gridWorker.kit', path: '$.constructor', operator: 'equal', value: true }] };
      }),
    { code: 'condition.unknownPath', file: 'rules/chibi/checklist-community.json', pointer: '/items/1/hazardWhen/all/0/path' },
  ],
  [
    'F6: path $.toString into an object fact',
    () =>
      withFile(seeds, 'rules/chibi/checklist-community.json', (d) => {
        d.items[1].hazardWhen = { all: [{ fact: 'gridWorker.kit', path: '$.toString', operator: 'equal', value: true }] };
      }),
    { code: 'condition.unknownPath', file: 'rules/chibi/checklist-community.json', pointer: '/items/1/hazardWhen/all/0/path' },
  ],
  [
    'F8: within P99999999D is past the schema maximum',
    () =>
      withFile(seeds, 'rules/chibi/escalation.json', (d) => {
        d.tiers[0].due[0].within = 'P99999999D';
      }),
    { code: 'schema.pattern', file: 'rules/chibi/escalation.json', pointer: '/tiers/0/due/0/within' },
  ],
  [
    'F8: a duration set by an overlay is bounded too',
    () => [...seeds, evilPack([{ op: 'setParameter', target: 'chibi.tier.community', parameter: 'within', value: 'P99999999D' }])],
    { code: 'schema.pattern', file: 'rules/evil/pack.json', pointer: '/overlays/0/value' },
  ],
  [
    'F17: a lone surrogate written as an escape',
    () =>
      seeds.map((f) =>
        f.name === 'rules/chibi/checklist-community.json' ? { ...f, text: f.text.replace('有无个体餐饮', '\\ud800有无个体餐饮') } : f,
      ),
    { code: 'json.encoding', file: 'rules/chibi/checklist-community.json', pointer: '' },
  ],
  [
    'F17: a lone surrogate in the text itself',
    () => seeds.map((f) => (f.name === 'rules/chibi/hierarchy.json' ? { ...f, text: f.text.replace('"kind"', '"kind\ud800"') } : f)),
    { code: 'json.encoding', file: 'rules/chibi/hierarchy.json', pointer: '' },
  ],
];

describe('hostile rule files: each is rejected with its located error, within the budget', () => {
  it.each(rejected)('%s', (_name, files, want) => {
    const elapsed = clock();
    const inputs = files();
    const report = validateFiles(inputs);
    expect(report.ok).toBe(false);
    expectLocated(report.issues, want);
    // One truth: loading refuses with the same located error.
    const set = packSetFromFiles(inputs);
    expect(E.isLeft(set)).toBe(true);
    if (E.isLeft(set)) expectLocated(set.left, want);
    expect(elapsed()).toBeLessThan(BUDGET_MS);
  });
});

const answering = (answer: string) => ({
  id: 'r1',
  gridId: 'g1',
  gridType: 'community',
  workerId: 'w1',
  at: '2018-03-01T09:00:00+08:00',
  answers: { 'evil.item': answer },
  photos: [],
});

describe('F1: regexes that backtrack in other engines run in linear time', () => {
  const patterns = ['^(a|a)*$', '^(a|aa)*$', '^([a-z]|[a-z0-9])*$', '^a*a*a*a*a*b$', '\\s*\\s*\\s*x', '^(a+)+$', '(x*)*y'];
  it.each(patterns)('F1: %s validates, and a 10,000-character answer that almost matches is judged in time', (pattern) => {
    const elapsed = clock();
    const set = packSetFromFiles([...seeds, evilPack(regexOverlays(pattern))]);
    if (E.isLeft(set)) throw new Error(set.left.map((i) => i.message.en).join('\n'));
    const pack = resolvePack(set.right, 'evil');
    if (E.isLeft(pack)) throw new Error(pack.left.map((i) => i.message.en).join('\n'));
    const nearMiss = pattern.includes('x') || pattern.includes('y') ? ' '.repeat(9_999) : `${'a'.repeat(9_999)}!`;
    for (const mode of ['codegen', 'closure'] as const) {
      const r = evaluatePatrol(pack.right, answering(nearMiss), { mode });
      expect(E.isRight(r) && r.right.findings.find((f) => f.item === 'evil.item')?.status).toBe('ok');
    }
    expect(elapsed()).toBeLessThan(BUDGET_MS);
  });

  it('F1: a matching answer is a hazard in both modes', () => {
    const set = packSetFromFiles([...seeds, evilPack(regexOverlays('^(a|a)*$'))]);
    const pack = E.isRight(set) ? resolvePack(set.right, 'evil') : set;
    if (E.isLeft(pack)) throw new Error('pack did not load');
    for (const mode of ['codegen', 'closure'] as const) {
      const r = evaluatePatrol(pack.right, answering('a'.repeat(40)), { mode });
      expect(E.isRight(r) && r.right.findings.find((f) => f.item === 'evil.item')?.status).toBe('hazard');
    }
  });
});

/** A folder holding copies of rules/base and rules/chibi, and a pack `evil` beside them. */
function onDisk(overlays: Record<string, unknown>[], change?: (files: FileInput[]) => FileInput[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'gridsafe-hostile-'));
  for (const f of [...(change ? change(seeds) : seeds), evilPack(overlays)]) {
    const path = join(dir, f.name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, f.text);
  }
  return dir;
}

describe('F3: the packs a pack is resolved in are checked, and read only from inside the rules folder', () => {
  it('F3: an error in a parent folder beside the pack is reported, and the pack does not load', () => {
    const elapsed = clock();
    const dir = onDisk([], (files) =>
      withFile(files, 'rules/chibi/checklist-community.json', (d) => {
        d.items[1].hazardWhen = { all: [{ fact: 'answer', operator: 'matches', value: '(?<=a)b' }] };
      }),
    );
    const report = validatePack([join(dir, 'rules/evil')]);
    expect(report.ok).toBe(false);
    expect(report.issues.some((i) => i.code === 'regex.unsafe' && i.file.endsWith('rules/chibi/checklist-community.json'))).toBe(true);
    const set = loadPackSet([join(dir, 'rules/evil')]);
    expect(E.isLeft(set) && set.left.some((i) => i.code === 'regex.unsafe')).toBe(true);
    expect(elapsed()).toBeLessThan(BUDGET_MS);
  });

  it('F3: an unrelated broken sibling is neither read nor reported', () => {
    const dir = onDisk([]);
    mkdirSync(join(dir, 'rules/other'));
    writeFileSync(join(dir, 'rules/other/pack.json'), '{"kind": "pack", "id": "other", "extends": ["nothing"]}');
    const report = validatePack([join(dir, 'rules/evil')]);
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(report.issues.some((i) => i.file.includes('rules/other'))).toBe(false);
  });

  it('F3: a parent reached through a symbolic link outside the rules folder is not read', () => {
    const dir = onDisk([]);
    const outside = mkdtempSync(join(tmpdir(), 'gridsafe-outside-'));
    mkdirSync(join(outside, 'chibi2'));
    writeFileSync(join(outside, 'chibi2/pack.json'), '{"kind": "pack", "id": "chibi2"}');
    symlinkSync(join(outside, 'chibi2'), join(dir, 'rules/chibi2'));
    const manifest = join(dir, 'rules/evil/pack.json');
    const text = evilPack([]).text.replace('"extends": [\n    "chibi"\n  ]', '"extends": [\n    "chibi2"\n  ]');
    writeFileSync(manifest, text);
    const report = validatePack([join(dir, 'rules/evil')]);
    expect(report.ok).toBe(false);
    expect(report.issues.map((i) => [i.code, i.pointer])).toContainEqual(['ref.unknown', '/extends/0']);
    expect(report.issues.some((i) => i.file.includes('gridsafe-outside-'))).toBe(false);
  });
});

describe('F7, F14, F17: sizes and encodings', () => {
  it('F7: 26 layers of 2 packs sharing parents (52 manifests) validate within the budget', () => {
    const elapsed = clock();
    const manifest = (id: string, parents: string[]) => ({
      name: `p/${id}/pack.json`,
      text: JSON.stringify({
        kind: 'pack',
        id,
        version: '1.0.0',
        title: { zh: id, en: id },
        source: [{ seed: '002', clause: '全文' }],
        region: { code: id, name: { zh: id, en: id } },
        extends: parents,
        files: [],
        effective: { from: '2018-01-01', localDefault: true, reason: { zh: '测试', en: 'test' } },
        issuer: { zh: '测试', en: 'Test' },
      }),
    });
    const inputs: FileInput[] = [];
    for (let layer = 0; layer < 26; layer++) {
      const parents = layer === 0 ? [] : [`l${layer - 1}a`, `l${layer - 1}b`];
      inputs.push(manifest(`l${layer}a`, parents), manifest(`l${layer}b`, parents));
    }
    const report = validateFiles(inputs);
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(report.packs).toHaveLength(52);
    expect(elapsed()).toBeLessThan(BUDGET_MS);
  });

  it('F14: past the file cap, the first file not checked is named', () => {
    const elapsed = clock();
    const inputs: FileInput[] = Array.from({ length: LIMITS.maxFiles + 1 }, (_, i) => ({
      name: `many/f${String(i).padStart(5, '0')}.json`,
      text: '{}',
    }));
    const report = validateFiles(inputs);
    expect(report.ok).toBe(false);
    expectLocated(report.issues, { code: 'file.tooMany', file: `many/f${String(LIMITS.maxFiles).padStart(5, '0')}.json`, pointer: '' });
    expect(elapsed()).toBeLessThan(BUDGET_MS);
  });

  it('F14: reading a folder past the file cap says where it stopped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gridsafe-many-'));
    for (let i = 0; i <= LIMITS.maxFiles; i++) writeFileSync(join(dir, `f${String(i).padStart(5, '0')}.json`), '{}');
    const report = validatePack([dir]);
    expect(report.ok).toBe(false);
    const cap = report.issues.find((i) => i.code === 'file.tooMany');
    expect(cap?.file.endsWith(`f${String(LIMITS.maxFiles).padStart(5, '0')}.json`)).toBe(true);
  });

  it('F17: bytes that are not UTF-8 are a located error, at their line and column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gridsafe-utf8-'));
    const file = join(dir, 'bad.json');
    writeFileSync(
      file,
      Buffer.concat([Buffer.from('{\n  "kind": "catalog",\n  "x": "ab'), Buffer.from([0xff, 0xfe]), Buffer.from('"\n}\n')]),
    );
    const report = validatePack([file]);
    const bad = report.issues.find((i) => i.code === 'json.encoding');
    expect(bad).toMatchObject({ line: 3, column: 11, params: { reason: 'invalidUtf8' } });
    expect(report.ok).toBe(false);
  });
});

describe('F8: calendars are bounded', () => {
  it('F8: a working-day calendar with no working day refuses, in bounded time, instead of counting for ever', () => {
    const elapsed = clock();
    const never = { workingDays: true, utcOffsetMinutes: 480, isWorkingDay: () => false };
    expect(addDuration('2026-03-06T09:00:00+08:00', 'P3D', never)).toBeUndefined();
    expect(elapsed()).toBeLessThan(BUDGET_MS);
  });

  it('F8: the longest duration the schema allows, on a working-day calendar, is computed within the budget', () => {
    const elapsed = clock();
    const due = addDuration('2026-03-06T09:00:00+08:00', 'P99Y999M999W9999D', workingDayCalendar());
    expect(Number.isNaN(Date.parse(due ?? ''))).toBe(false);
    expect(elapsed()).toBeLessThan(BUDGET_MS);
  });
});
