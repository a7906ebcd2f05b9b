import type { PackFile, RuleFile } from '@gridsafe/schema';
import fc from 'fast-check';
import type { PackSet, PackSource } from '../src/index.js';

const src = [{ seed: '002', clause: '附件1' }];
const t = (zh: string, en: string) => ({ zh, en });

export const baseFiles: RuleFile[] = [
  {
    kind: 'catalog',
    id: 'b.catalog',
    version: '1.0.0',
    title: t('事实', 'Facts'),
    source: src,
    facts: [
      { id: 'answer', type: 'boolean', scope: 'item', title: t('回答', 'Answer') },
      { id: 'storedKg', type: 'number', scope: 'record', title: t('储量', 'kg') },
      { id: 'station.hasOffice', type: 'boolean', scope: 'station', title: t('办公场所', 'Office') },
      { id: 'station.workers', type: 'integer', scope: 'station', title: t('网格员', 'Workers') },
    ],
    sectors: [{ id: 'fireworks', title: t('烟花爆竹', 'Fireworks') }],
    conditions: [
      { id: 'heavy', title: t('超量', 'Heavy'), condition: { all: [{ fact: 'storedKg', operator: 'greaterThan', value: 100 }] } },
    ],
  },
  {
    kind: 'checklist',
    id: 'b.checklist',
    version: '1.0.0',
    title: t('清单', 'Checklist'),
    source: src,
    gridType: 'village',
    level: 'b.grid',
    items: [1, 2, 3].map((n) => ({
      id: `b.i${n}`,
      number: n,
      text: t(`条目${n}`, `Item ${n}`),
      sector: 'fireworks',
      itemKind: 'check' as const,
      answer: 'boolean' as const,
      hazardWhen: { all: [{ fact: 'answer', operator: 'equal' as const, value: true }] },
      severity: { default: 'general' as const, ...(n === 1 ? { majorWhen: { condition: 'heavy' } } : {}) },
      evidence: { photo: 'required' as const },
      directToTownship: n === 1,
      ...(n === 3 ? { locked: true } : {}),
      source: src,
    })),
  },
  {
    kind: 'standard',
    id: 'b.standard',
    version: '1.0.0',
    title: t('十有', 'Ten haves'),
    source: src,
    appliesTo: 'villageStation',
    passMark: 0.8,
    requirements: [
      {
        id: 'b.r1',
        number: 1,
        text: t('有办公场所', 'Office'),
        scope: 'station',
        condition: { all: [{ fact: 'station.hasOffice', operator: 'equal', value: true }] },
        weight: 1,
        gap: t('缺办公场所', 'No office'),
        source: src,
      },
      {
        id: 'b.r2',
        number: 2,
        text: t('有网格员', 'Worker'),
        scope: 'grid',
        condition: { all: [{ fact: 'station.workers', operator: 'greaterThanInclusive', value: 1 }] },
        weight: 3,
        gap: t('缺网格员', 'No worker'),
        locked: true,
        source: src,
      },
    ],
  },
];

export function manifest(
  id: string,
  version: string,
  ext: string[],
  from: string,
  to?: string,
  overlays: PackFile['overlays'] = [],
): PackFile {
  return {
    kind: 'pack',
    id,
    version,
    title: t(id, id),
    source: src,
    region: { code: id, name: t(id, id) },
    extends: ext,
    files: [],
    effective: { from, ...(to ? { to } : {}) },
    issuer: t('测试', 'Test'),
    overlays,
  };
}

export function packSet(...sources: PackSource[]): PackSet {
  const set = new Map<string, PackSource[]>();
  for (const s of sources) set.set(s.manifest.data.id, [...(set.get(s.manifest.data.id) ?? []), s]);
  return set;
}

export function source(m: PackFile, files: RuleFile[] = []): PackSource {
  return {
    manifest: { name: `${m.id}/pack.json`, text: `${JSON.stringify(m, null, 2)}\n`, data: m },
    files: files.map((f) => ({ name: `${m.id}/${f.id}.json`, data: f })),
  };
}

export const base = () => source(manifest('b', '1.0.0', [], '2017-01-01'), baseFiles);

/** The facts Chibi's community checklist reads, of their declared types, any of them left out. */
export const chibiCommunityFacts = fc.record(
  {
    'site.inDwelling': fc.boolean(),
    'site.crowdedPlace': fc.boolean(),
    'fireworks.storedKg': fc.integer({ min: 0, max: 300 }),
    'building.loadBearingDamaged': fc.boolean(),
  },
  { requiredKeys: [] },
);
