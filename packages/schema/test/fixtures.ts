import type { FileInput } from '../src/index.js';

const src = [{ seed: '002', clause: '附件1' }];
const t = (zh: string, en: string) => ({ zh, en });

/** A small valid two-pack set: a base with a catalog and a region with a checklist and escalation. */
export function fixturePack(): Record<string, unknown> {
  return {
    'p/base/pack.json': {
      kind: 'pack',
      id: 'tbase',
      version: '1.0.0',
      title: t('基础', 'Base'),
      source: src,
      region: { code: 'tbase', name: t('基础', 'Base') },
      extends: [],
      files: ['catalog.json', 'hierarchy.json'],
      effective: { from: '2017-01-01' },
      issuer: t('测试', 'Test'),
    },
    'p/base/catalog.json': {
      kind: 'catalog',
      id: 'tbase.catalog',
      version: '1.0.0',
      title: t('事实', 'Facts'),
      source: src,
      facts: [
        { id: 'answer', type: 'boolean', scope: 'item', title: t('回答', 'Answer') },
        { id: 'storedKg', type: 'number', scope: 'record', title: t('储量', 'Stored kg') },
        { id: 'kit', type: 'string[]', scope: 'gridWorker', title: t('装具', 'Kit') },
        { id: 'unit', type: 'object', scope: 'record', title: t('单位', 'Unit'), properties: { licensed: 'boolean', kinds: 'string[]' } },
      ],
      sectors: [{ id: 'fireworks', title: t('烟花爆竹', 'Fireworks') }],
      conditions: [
        { id: 'heavy', title: t('超量', 'Heavy'), condition: { all: [{ fact: 'storedKg', operator: 'greaterThan', value: 100 }] } },
      ],
    },
    'p/base/hierarchy.json': {
      kind: 'hierarchy',
      id: 'tbase.hierarchy',
      version: '1.0.0',
      title: t('层级', 'Levels'),
      source: src,
      levels: [
        { id: 'tbase.grid', rank: 4, title: t('网格', 'Grid'), responsibleBody: t('村', 'Village'), duties: [], source: src },
        { id: 'tbase.town', rank: 2, title: t('乡镇', 'Town'), responsibleBody: t('乡镇', 'Town'), duties: [], source: src },
      ],
    },
    'p/region/pack.json': {
      kind: 'pack',
      id: 'tregion',
      version: '1.0.0',
      title: t('地区', 'Region'),
      source: src,
      region: { code: 'tregion', name: t('地区', 'Region') },
      extends: ['tbase'],
      files: ['checklist.json', 'escalation.json'],
      effective: { from: '2017-10-17' },
      issuer: t('测试', 'Test'),
      overlays: [],
    },
    'p/region/checklist.json': {
      kind: 'checklist',
      id: 'tregion.checklist',
      version: '1.0.0',
      title: t('清单', 'Checklist'),
      source: src,
      gridType: 'village',
      level: 'tbase.grid',
      items: [
        {
          id: 'tregion.i1',
          number: 1,
          text: t('有无非法储存烟花爆竹', 'Illegal fireworks storage?'),
          sector: 'fireworks',
          itemKind: 'check',
          answer: 'boolean',
          hazardWhen: { all: [{ fact: 'answer', operator: 'equal', value: true }] },
          severity: { default: 'general', majorWhen: { condition: 'heavy' }, localDefault: true, reason: t('本地', 'local') },
          evidence: { photo: 'required' },
          directToTownship: true,
          locked: true,
          source: src,
        },
      ],
    },
    'p/region/escalation.json': {
      kind: 'escalation',
      id: 'tregion.escalation',
      version: '1.0.0',
      title: t('上报', 'Escalation'),
      source: src,
      entry: 'tregion.village',
      reasons: [{ id: 'tregion.reason.cannot-remove', title: t('不能消除', 'Cannot remove'), source: src }],
      tiers: [
        {
          id: 'tregion.village',
          title: t('村', 'Village'),
          actor: t('村', 'Village'),
          actions: ['resolve', 'escalate'],
          escalatesTo: 'tregion.town',
          escalatesOn: ['tregion.reason.cannot-remove'],
          due: [{ severity: 'general', within: 'P3D', localDefault: true, reason: t('本地', 'local') }],
          onOverdue: { action: 'remind', localDefault: true, reason: t('本地', 'local') },
          source: src,
        },
        {
          id: 'tregion.town',
          title: t('镇', 'Town'),
          actor: t('镇', 'Town'),
          actions: ['resolve', 'supervise'],
          due: [],
          onOverdue: { action: 'supervise', source: src },
          source: src,
        },
      ],
      verification: { required: true, by: 'sameTier', source: src },
      majorPlan: { required: true, fields: ['target', 'method'], reviewBeforeClose: true, source: src },
      supervision: { by: 'tregion.town', trigger: 'overdue', remindEvery: 'P1D', source: src },
    },
  };
}

/** The fixture as validator input, pretty-printed so positions are predictable. */
export function asInputs(files: Record<string, unknown>): FileInput[] {
  return Object.entries(files).map(([name, value]) => ({
    name,
    text: typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`,
  }));
}

/** Line and column (1-based) of the first occurrence of `needle` in `text`. */
export function positionOf(text: string, needle: string): { line: number; column: number } {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not in text`);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: (before[before.length - 1] as string).length + 1 };
}
