// Validation of the organisation constructs: places and scopes, unit kinds, bodies, phases and
// milestones, consequences, unnumbered and per-unit cadences, open sizing measures, and what a
// requirements rule binds and produces. Every error is located and said in zh and en.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Issue, periodDateExists, periodDateRange, validateFile, validateFiles } from '../src/index.js';
import { asInputs, fixturePack } from './fixtures.js';

const src = [{ seed: '002', clause: '五、实施步骤' }];
const t = (zh: string, en: string) => ({ zh, en });

/** A hierarchy file of the fixture base pack, with the given extra content. */
function hierarchy(extra: Record<string, unknown>): string {
  const base = fixturePack()['p/base/hierarchy.json'] as Record<string, unknown>;
  return JSON.stringify({ ...base, ...extra }, null, 2);
}

const codes = (issues: Issue[]) => issues.map((i) => [i.code, i.pointer]);

describe('cadences: a number, or a frequency the text gives without one', () => {
  const cadence = (extra: Record<string, unknown>) => ({
    id: 'tbase.c1',
    title: t('联席会议', 'Joint meeting'),
    activity: 'meeting',
    source: src,
    ...extra,
  });

  it('accepts every with count, and frequency alone (定期 / 经常), and the new activities', () => {
    const r = validateFile(
      hierarchy({
        cadences: [
          cadence({ every: 'P1M', count: 1 }),
          { ...cadence({ frequency: 'regular' }), id: 'tbase.c2' },
          { ...cadence({ frequency: 'often', activity: 'training' }), id: 'tbase.c3' },
          { ...cadence({ every: 'P1M', count: 1, activity: 'publicity', each: 'tbase.grid' }), id: 'tbase.c4' },
        ],
      }),
      'h.json',
    );
    expect(r.issues).toEqual([]);
  });

  it('refuses both, neither, a count without every and every without a count, each located, in zh and en', () => {
    const text = hierarchy({
      cadences: [
        cadence({ every: 'P1M', count: 1, frequency: 'regular' }),
        { ...cadence({}), id: 'tbase.c2' },
        { ...cadence({ count: 2 }), id: 'tbase.c3' },
        { ...cadence({ every: 'P1W' }), id: 'tbase.c4' },
      ],
    });
    const r = validateFile(text, 'h.json');
    expect(codes(r.issues)).toEqual([
      ['cadence.interval', '/cadences/0/frequency'],
      ['cadence.interval', '/cadences/1'],
      ['cadence.interval', '/cadences/2/count'],
      ['cadence.interval', '/cadences/3/every'],
    ]);
    const lines = text.split('\n');
    const first = r.issues[0] as Issue;
    expect(lines[first.line - 1]?.slice(first.column - 1)).toMatch(/^"frequency"/);
    expect(first.message.zh).toBe(
      '工作频次“tbase.c1”同时写了“every”和“frequency”：原文给出周期时写 every 和 count，原文只说“定期”“经常”时只写 frequency',
    );
    expect(r.issues[1]?.message.en).toBe(
      'cadence "tbase.c2" has no period: write every and count, or frequency when the text only says "regularly" or "often"',
    );
    expect(r.issues[2]?.message.zh).toBe('工作频次“tbase.c3”写了 count 却没有 every：次数须有周期');
    expect(r.issues[3]?.message.en).toBe('cadence "tbase.c4" has "every" but no count: say how many times each period (at least)');
  });
});

describe('sizing: holders of a role, units of a level, full-time or part-time, scoped', () => {
  const rule = (extra: Record<string, unknown>) => ({
    id: 'tbase.s1',
    title: t('每村一名信息录入员', 'One clerk per village'),
    subject: 'tbase.grid',
    source: src,
    ...extra,
  });

  it('refuses a measure without what it counts, fields it cannot use, and min above max', () => {
    const r = validateFile(
      hierarchy({
        sizing: [
          rule({ measure: 'holders', min: 1 }),
          { ...rule({ measure: 'people', role: 'tbase.r', employment: 'fullTime', min: 5, max: 3 }), id: 'tbase.s2' },
          { ...rule({ measure: 'units' }), id: 'tbase.s3' },
        ],
      }),
      'h.json',
    );
    expect(codes(r.issues)).toEqual([
      ['sizing.measure', '/sizing/0/measure'],
      ['sizing.measure', '/sizing/1/role'],
      ['sizing.measure', '/sizing/1/employment'],
      ['sizing.bounds', '/sizing/1/min'],
      ['sizing.measure', '/sizing/2/measure'],
    ]);
    expect(r.issues[0]?.message.zh).toBe('规模规则“tbase.s1”的计量为“holders”，须写明“role”(计数的角色)');
    expect(r.issues[1]?.message.en).toBe(
      'sizing rule "tbase.s2" measures "people" and cannot have "role" (the role counted): it is only for holders',
    );
    expect(r.issues[3]?.message.zh).toBe('规模规则“tbase.s2”的下限 5 大于上限 3');
    expect(r.issues[4]?.message.en).toBe('sizing rule "tbase.s3" measures "units" and needs "of" (the level whose units are counted)');
  });
});

describe('phases and milestones: dates as precise as the text', () => {
  it('accepts a year, a month or a day, and refuses a day that does not exist or a start after the deadline', () => {
    const r = validateFile(
      hierarchy({
        phases: [
          { id: 'tbase.p1', title: t('准备阶段', 'Preparation'), order: 1, by: '2017-09', tasks: [], source: src },
          { id: 'tbase.p2', title: t('实施阶段', 'Implementation'), order: 2, from: '2017-12', by: '2017-11', tasks: [], source: src },
        ],
        milestones: [
          { id: 'tbase.m1', title: t('建成体系', 'System in place'), by: '2017', tasks: [], source: src },
          { id: 'tbase.m2', title: t('坏日期', 'Bad date'), by: '2017-02-29', tasks: [], source: src },
        ],
      }),
      'h.json',
    );
    expect(codes(r.issues)).toEqual([
      ['phase.dates', '/phases/1/from'],
      ['date.invalid', '/milestones/1/by'],
    ]);
    expect(r.issues[0]?.message.zh).toBe('phase "tbase.p2" 的开始 2017-12 晚于截止 2017-11');
    expect(r.issues[1]?.message.en).toBe('"2017-02-29" is not a date that exists');
  });

  it('periodDateRange: a month ends on its last day, a year on 31 December, leap years counted', () => {
    expect(periodDateRange('2017-09')).toEqual({ first: '2017-09-01', last: '2017-09-30' });
    expect(periodDateRange('2018')).toEqual({ first: '2018-01-01', last: '2018-12-31' });
    expect(periodDateRange('2016-02')).toEqual({ first: '2016-02-01', last: '2016-02-29' });
    expect(periodDateRange('2100-02')?.last).toBe('2100-02-28');
    expect(periodDateRange('2017-02-29')).toBeUndefined();
    expect(periodDateRange(7 as never)).toBeUndefined();
  });

  it('property: periodDateExists agrees with the calendar for every day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const real = new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10) === date;
        expect(periodDateExists(date)).toBe(real);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('references of the organisation constructs', () => {
  function withOrganisation(mutate: (files: Record<string, unknown>) => void) {
    const files = fixturePack();
    const h = files['p/base/hierarchy.json'] as Record<string, unknown>;
    h.places = [{ id: 'tbase.place.a', title: t('甲镇', 'Town A'), level: 'tbase.town', source: src }];
    h.units = [{ id: 'tbase.unit.lead', title: t('牵头单位', 'Lead units'), beside: 'tbase.town', duties: [], source: src }];
    h.roles = [
      {
        id: 'tbase.role.clerk',
        title: t('录入员', 'Clerk'),
        level: 'tbase.grid',
        duties: [],
        scope: { places: ['tbase.place.a'] },
        source: src,
      },
    ];
    h.bodies = [
      {
        id: 'tbase.body.group',
        title: t('领导小组', 'Leading group'),
        kind: 'leadingGroup',
        level: 'tbase.town',
        chair: { holder: t('局长', 'Director'), role: 'tbase.role.clerk' },
        duties: [],
        source: src,
      },
    ];
    h.consequences = [
      {
        id: 'tbase.csq.bulletin',
        kind: 'bulletin',
        title: t('通报', 'Bulletin'),
        text: t('予以通报', 'Named in a bulletin'),
        by: 'tbase.body.group',
        source: src,
      },
    ];
    h.sizing = [
      {
        id: 'tbase.s1',
        title: t('每村一名', 'One per village'),
        subject: 'tbase.unit.lead',
        measure: 'holders',
        role: 'tbase.role.clerk',
        employment: 'fullTime',
        min: 1,
        max: 1,
        scope: { places: ['tbase.place.a'] },
        source: src,
      },
    ];
    mutate(files);
    return validateFiles(asInputs(files));
  }

  it('a consistent set validates', () => {
    expect(withOrganisation(() => {}).issues).toEqual([]);
  });

  it('unknown places, levels, roles, bodies and unit kinds are located, with a suggestion', () => {
    const r = withOrganisation((files) => {
      const h = files['p/base/hierarchy.json'] as Record<string, any>;
      h.roles[0].scope.places = ['tbase.place.b'];
      h.bodies[0].chair.role = 'tbase.role.clerc';
      h.consequences[0].by = 'tbase.body.grp';
      h.sizing[0].subject = 'tbase.unit.led';
      h.sizing[0].role = 'tbase.role.cleark';
    });
    expect(r.issues.map((i) => [i.code, i.pointer, (i.params as { suggestion?: string }).suggestion])).toEqual([
      ['ref.unknown', '/roles/0/scope/places/0', 'tbase.place.a'],
      ['ref.unknown', '/bodies/0/chair/role', 'tbase.role.clerk'],
      ['ref.unknown', '/consequences/0/by', 'tbase.body.group'],
      ['ref.unknown', '/sizing/0/subject', 'tbase.unit.lead'],
      ['ref.unknown', '/sizing/0/role', 'tbase.role.clerk'],
    ]);
    expect(r.issues[3]?.message.zh).toBe('未知的网格层级“tbase.unit.led”，是否应为“tbase.unit.lead”？');
    expect(r.issues[0]?.message.en).toBe('unknown place "tbase.place.b"; did you mean "tbase.place.a"?');
  });

  it('a requirements rule binds levels and unit kinds, holds in places, and names consequences that exist', () => {
    const r = withOrganisation((files) => {
      (files['p/base/pack.json'] as { files: string[] }).files.push('req.json');
      files['p/base/req.json'] = {
        kind: 'requirements',
        id: 'tbase.req',
        version: '1.0.0',
        title: t('要求', 'Rules'),
        source: src,
        period: 'P1M',
        periodSource: { localDefault: true },
        rules: [
          {
            id: 'tbase.req.info',
            title: t('报送信息', 'Information'),
            text: t('每月报送信息不少于2条', 'At least 2 items a month'),
            category: 'cadence',
            appliesTo: ['tbase.town', 'tbase.unit.lead', 'tbase.nowhere'],
            scope: { places: ['tbase.place.z'] },
            condition: { all: [{ fact: 'storedKg', operator: 'greaterThan', value: 1 }] },
            evidence: [],
            onUnsatisfied: ['tbase.csq.bulletin', 'tbase.csq.praise'],
            source: src,
          },
        ],
      };
    });
    expect(r.issues.map((i) => [i.code, i.pointer])).toEqual([
      ['citation.reasonMissing', '/periodSource/localDefault'],
      ['ref.unknown', '/rules/0/appliesTo/2'],
      ['ref.unknown', '/rules/0/scope/places/0'],
      ['ref.unknown', '/rules/0/onUnsatisfied/1'],
    ]);
    expect(r.issues[3]?.message.zh).toBe('未知的处理结果“tbase.csq.praise”');
    expect(r.issues[1]?.message.en).toBe('unknown level "tbase.nowhere"');
  });
});
