import { describe, expect, it } from 'vitest';
import { type Issue, validateFiles } from '../src/index.js';
import { asInputs, fixturePack, positionOf } from './fixtures.js';

type Files = Record<string, any>;

function run(mutate: (f: Files) => void) {
  const files = fixturePack() as Files;
  mutate(files);
  const inputs = asInputs(files);
  const report = validateFiles(inputs);
  const text = (name: string) => inputs.find((i) => i.name === name)?.text as string;
  return { report, text };
}

const only = (issues: Issue[]) => issues.filter((i) => i.severity === 'error').map((i) => `${i.file}:${i.line}:${i.column} ${i.code}`);

describe('pack-level validation', () => {
  it('accepts the fixture', () => {
    const { report } = run(() => {});
    expect(report.issues).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.packs.map((p) => p.id).sort()).toEqual(['tbase', 'tregion']);
  });

  it('knows the elements that add overlays bring in, and refuses an added id that is already taken', () => {
    const item = (id: string) => ({
      ...structuredClone((fixturePack() as Files)['p/region/checklist.json'].items[0]),
      id,
      locked: false,
    });
    const { report, text } = run((f) => {
      f['p/town/pack.json'] = {
        ...structuredClone(f['p/region/pack.json']),
        id: 'ttown',
        region: { code: 'ttown', name: { zh: '镇', en: 'Town' } },
        extends: ['tregion'],
        files: [],
        overlays: [
          { op: 'add', into: 'tregion.checklist', element: item('ttown.i2'), localDefault: true, reason: { zh: '本地', en: 'local' } },
          {
            op: 'modify',
            target: 'ttown.i2',
            set: { text: { zh: '改', en: 'Changed' } },
            localDefault: true,
            reason: { zh: '本地', en: 'local' },
          },
          { op: 'add', into: 'tregion.checklist', element: item('tregion.i1'), localDefault: true, reason: { zh: '本地', en: 'local' } },
        ],
      };
    });
    // The modify of the added item resolves; the second add repeats an inherited id.
    expect(report.issues.map((i) => [i.code, i.pointer])).toEqual([['id.duplicate', '/overlays/2/element/id']]);
    const at = report.issues[0];
    expect(at?.line).toBe(positionOf(text('p/town/pack.json'), '"tregion.i1"').line);
    expect(at?.params).toMatchObject({ id: 'tregion.i1', firstFile: 'p/region/checklist.json' });
  });

  it('locates an extends to nothing and suggests the near name', () => {
    const { report, text } = run((f) => {
      f['p/region/pack.json'].extends = ['tbsae'];
    });
    const at = positionOf(text('p/region/pack.json'), '"tbsae"');
    expect(only(report.issues)).toContain(`p/region/pack.json:${at.line}:${at.column} ref.unknown`);
    // The pack's own references are not checked against a parent that cannot be found.
    expect(report.issues).toHaveLength(1);
    const issue = report.issues.find((i) => i.code === 'ref.unknown');
    expect(issue?.params).toEqual({ refKind: 'pack', id: 'tbsae', suggestion: 'tbase' });
    expect(issue?.message.en).toBe('unknown pack "tbsae"; did you mean "tbase"?');
  });

  it('locates a misspelt fact with a suggestion', () => {
    const { report, text } = run((f) => {
      f['p/region/checklist.json'].items[0].hazardWhen.all[0].fact = 'answr';
    });
    const at = positionOf(text('p/region/checklist.json'), '"answr"');
    expect(only(report.issues)).toEqual([`p/region/checklist.json:${at.line}:${at.column} ref.unknown`]);
    expect(report.issues[0]?.pointer).toBe('/items/0/hazardWhen/all/0/fact');
    expect(report.issues[0]?.params).toMatchObject({ refKind: 'fact', suggestion: 'answer' });
  });

  it('reports an operator that does not fit the fact type, and a value that does not fit the operator', () => {
    const { report } = run((f) => {
      f['p/region/checklist.json'].items[0].hazardWhen.all = [
        { fact: 'storedKg', operator: 'contains', value: 1 },
        { fact: 'kit', operator: 'contains', value: 3 },
        { fact: 'answer', operator: 'equal', value: 'yes' },
        { fact: 'unit', path: '$.kinds', operator: 'contains', value: 'lpg' },
        { fact: 'unit', path: '$.missing', operator: 'equal', value: true },
      ];
    });
    expect(report.issues.map((i) => [i.pointer, i.code])).toEqual([
      ['/items/0/hazardWhen/all/0/operator', 'condition.operatorType'],
      ['/items/0/hazardWhen/all/1/value', 'condition.valueType'],
      ['/items/0/hazardWhen/all/2/value', 'condition.valueType'],
      ['/items/0/hazardWhen/all/4/path', 'condition.unknownPath'],
    ]);
  });

  it('takes the answer fact type from the item', () => {
    const { report } = run((f) => {
      const item = f['p/region/checklist.json'].items[0];
      item.answer = 'number';
      item.hazardWhen = { all: [{ fact: 'answer', operator: 'greaterThan', value: 0 }] };
    });
    expect(report.issues).toEqual([]);
  });

  it('reports a duplicate id across files of a pack and what it inherits, naming the first', () => {
    const { report, text } = run((f) => {
      f['p/region/checklist.json'].items[0].id = 'tbase.grid';
    });
    const dup = report.issues.find((i) => i.code === 'id.duplicate');
    const at = positionOf(text('p/region/checklist.json'), '"id": "tbase.grid"');
    expect(dup).toMatchObject({ file: 'p/region/checklist.json', line: at.line, column: at.column + 6 });
    expect(dup?.params).toMatchObject({ id: 'tbase.grid', firstFile: 'p/base/hierarchy.json' });
  });

  it('reports an extends cycle on the packs in it', () => {
    const { report } = run((f) => {
      f['p/base/pack.json'].extends = ['tregion'];
    });
    const cycles = report.issues.filter((i) => i.code === 'pack.extendsCycle');
    expect(cycles.map((c) => c.file).sort()).toEqual(['p/base/pack.json', 'p/region/pack.json']);
    expect(cycles[0]?.params).toMatchObject({ cycle: expect.arrayContaining(['tbase', 'tregion']) });
  });

  it('reports an unreachable tier and a listed file that is missing', () => {
    const { report } = run((f) => {
      delete f['p/region/escalation.json'].tiers[0].escalatesTo;
      f['p/region/pack.json'].files.push('nowhere.json');
    });
    expect(report.issues.map((i) => i.code).sort()).toEqual(['escalation.unreachableTier', 'pack.missingFile']);
  });

  it('forbids removing a locked element, naming both files', () => {
    const { report } = run((f) => {
      f['p/region/pack.json'].overlays = [
        { op: 'remove', target: 'tregion.i1', source: [{ seed: '002', clause: '附件1' }] },
        { op: 'modify', target: 'tregion.i1', set: { text: { zh: '新', en: 'new' } }, source: [{ seed: '002', clause: '附件1' }] },
      ];
    });
    const locked = report.issues.filter((i) => i.code === 'pack.lockedElement');
    expect(locked).toHaveLength(1);
    expect(locked[0]).toMatchObject({ file: 'p/region/pack.json', pointer: '/overlays/0' });
    expect(locked[0]?.params).toMatchObject({ target: 'tregion.i1', definedIn: 'p/region/checklist.json' });
    expect(locked[0]?.related?.file).toBe('p/region/checklist.json');
  });

  it('reports two packs in force for one region on the same day', () => {
    const { report } = run((f) => {
      f['p/region2/pack.json'] = {
        ...f['p/region/pack.json'],
        id: 'tregion2',
        files: [],
        effective: { from: '2018-01-01', to: '2018-12-31' },
      };
    });
    expect(report.issues.map((i) => i.code)).toEqual(['pack.effectiveOverlap']);
  });

  it('reports uncited elements and local defaults without a reason', () => {
    const { report } = run((f) => {
      delete f['p/region/checklist.json'].items[0].source;
      delete f['p/region/escalation.json'].tiers[0].due[0].reason;
    });
    expect(report.issues.map((i) => [i.pointer, i.code])).toEqual([
      ['/items/0', 'citation.missing'],
      ['/tiers/0/due/0/localDefault', 'citation.reasonMissing'],
    ]);
  });

  it('reports all problems of all files at once', () => {
    const { report } = run((f) => {
      f['p/base/hierarchy.json'].levels[0].rank = 9;
      delete f['p/region/checklist.json'].items[0].source;
      f['p/region/escalation.json'].tiers[0].due[0].within = 'P3X';
    });
    expect(report.issues.map((i) => `${i.file} ${i.code} ${i.pointer}`)).toEqual([
      'p/base/hierarchy.json schema.range /levels/0/rank',
      'p/region/checklist.json citation.missing /items/0',
      'p/region/escalation.json schema.pattern /tiers/0/due/0/within',
    ]);
  });

  it('does not cascade: references are not checked against a file that failed its schema', () => {
    const { report } = run((f) => {
      f['p/base/catalog.json'].facts[0].type = 'bool';
    });
    expect(report.issues.map((i) => i.code)).toEqual(['schema.enum']);
  });
});
