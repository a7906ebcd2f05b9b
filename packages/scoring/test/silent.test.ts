// Nothing silent: each way scoring used to give a wrong number without a word now gives a located
// error, or a declared behaviour that the report shows.
import { formatIssue, type ScoringFile, validateFile } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { score, scoreFacts } from '../src/index.js';
import { countyRecords, FULL, hexi } from './county.js';
import { pack, TREE } from './fixtures.js';

const county = hexi();
const file = county.scorings[0] as ScoringFile;
const scoringText = (f: unknown) => JSON.stringify(f, null, 2);
const codes = (text: string) => validateFile(text, 'scoring.json').issues.map((i) => [i.code, i.pointer]);
const issuesOf = async (records: unknown[], options: Parameters<typeof score>[2]) => {
  const r = await score(county, records, options);
  return E.isLeft(r) ? r.left : [];
};

describe('points that do not add up', () => {
  // 140 of a 300-point standard written down: earning 113 of them used to score 113 / 140 × 300 = 242.14.
  const partial = {
    ...file,
    maxScore: 300,
    elements: [
      { id: 'x.a', title: { zh: '甲', en: 'A' }, measure: 'full', points: 140, localDefault: true, reason: { zh: '例', en: 'e.g.' } },
    ],
  };
  it('a card whose elements add up to less than maxScore is refused, at maxScore, in every period', () => {
    expect(codes(scoringText(partial))).toEqual([
      ['scoring.pointsSum', '/maxScore'],
      ['scoring.pointsSum', '/maxScore'],
    ]);
    const issue = validateFile(scoringText(partial), 'scoring.json').issues[0];
    expect(issue?.message.en).toContain('add up to 140 points in a quarter, not its 300');
    expect(issue?.message.zh).toContain('合计 140 分');
  });
  it('a block whose elements do not add up to its points is refused at the block', () => {
    const broken = structuredClone(file) as ScoringFile;
    (broken.elements[0] as { points: number }).points = 59;
    (broken.elements[1] as { points: number }).points = 41;
    expect(codes(scoringText(broken))).toEqual([
      ['scoring.pointsSum', '/elements/0/points'],
      ['scoring.pointsSum', '/elements/0/points'],
      ['scoring.pointsSum', '/elements/1/points'],
      ['scoring.pointsSum', '/elements/1/points'],
    ]);
  });
  it('declaring "normalise" (with its reason) is the one way to scale, and it is shown', () => {
    const declared = { ...partial, normalise: { localDefault: true, reason: { zh: '按比例折算', en: 'scaled' } } };
    expect(codes(scoringText(declared))).toEqual([]);
    const undeclared = { ...partial, normalise: {} };
    expect(codes(scoringText(undeclared)).map((c) => c[0])).toContain('citation.missing');
  });
  it('a resolved pack whose scoring does not add up (an overlay changed a points value) is not scored', () => {
    const changed = { ...county, scorings: [{ ...file, maxScore: 120 }] };
    const r = scoreFacts(changed, FULL, { period: 'quarter' });
    expect(E.isLeft(r) && r.left.map((i) => i.code)).toEqual(['scoring.pointsSum', 'scoring.pointsSum']);
  });
  it('a complete standard scores what was earned: 113 of 300', () => {
    const whole = {
      ...partial,
      elements: [
        { ...partial.elements[0], deductions: [] },
        { id: 'x.b', title: { zh: '乙', en: 'B' }, measure: 'full', points: 160, localDefault: true, reason: { zh: '例', en: 'e.g.' } },
      ],
      gates: [],
      vetoes: [],
      facts: [],
      counts: [],
    } as unknown as ScoringFile;
    /** A per-count deduction of `points` for each `count`, rounded down. */
    const perCount = (id: string, count: string, points: number) => ({
      id,
      title: { zh: '扣', en: 'off' },
      kind: 'perCount',
      count,
      points,
      unit: { zh: '次', en: 'each' },
      rounding: 'floor',
      localDefault: true,
      reason: { zh: '例', en: 'e.g.' },
    });
    (whole.elements[0] as { deductions: unknown[] }).deductions = [perCount('x.d1', 'reports.monthlyMissing', 27)];
    (whole.elements[1] as { deductions: unknown[] }).deductions = [perCount('x.d2', 'patrols.missedUnreported', 160)];
    const r = scoreFacts(
      { ...county, scorings: [whole] },
      { 'reports.monthlyMissing': 1, 'patrols.missedUnreported': 1 },
      { period: 'quarter' },
    );
    expect(E.isRight(r) && r.right.score).toBe(113);
  });
});

describe('deductions over yes/no facts', () => {
  it('a per-count deduction whose count is a boolean fact is refused, naming the fact and its type', () => {
    const bad = structuredClone(file) as ScoringFile;
    const block = bad.elements[0] as unknown as { elements: { elements: { deductions: { count: string }[] }[] }[] };
    const d = block.elements[0]?.elements[1]?.deductions[0] as { count: string };
    d.count = 'accidents.concealed';
    const r = scoreFacts({ ...county, scorings: [bad] }, FULL, { period: 'quarter' });
    expect(E.isLeft(r)).toBe(true);
    if (E.isLeft(r)) {
      expect(r.left[0]).toMatchObject({ code: 'scoring.countType', pointer: '/elements/0/elements/0/elements/1/deductions/0/count' });
      expect(r.left[0]?.message.en).toContain('use "kind": "condition" for a yes/no fact');
    }
  });
});

describe('missing facts', () => {
  it('a missing required fact is an error naming the unit, the period and the fact', () => {
    const { 'reports.monthlyMissing': _, ...facts } = FULL;
    const r = scoreFacts(county, facts, { period: 'quarter', unit: 'east', periodId: '2026-Q3' });
    expect(E.isLeft(r) && r.left.map((i) => [i.code, i.params])).toEqual([
      ['scoring.factMissing', { unit: 'east', period: '2026-Q3', fact: 'reports.monthlyMissing' }],
    ]);
  });
  it('a missing base fact (a ratio’s denominator) is an error, never a card of 0', () => {
    const { 'hazards.recorded': _, ...facts } = FULL;
    const r = scoreFacts(county, facts, { period: 'quarter' });
    expect(E.isLeft(r) && r.left.map((i) => (i.params as { fact: string }).fact)).toEqual(['hazards.recorded']);
  });
  it('a missing fact with a declared default takes it, and the card lists it with the reason', () => {
    const { 'accidents.concealed': _, ...facts } = FULL;
    const r = scoreFacts(county, facts, { period: 'quarter' });
    expect(E.isRight(r)).toBe(true);
    if (E.isRight(r)) {
      expect(r.right.score).toBe(100);
      expect(r.right.defaulted).toMatchObject([{ fact: 'accidents.concealed', value: false, rule: { localDefault: true } }]);
    }
  });
  it('streamed: a fact no record gives is missing, not 0', async () => {
    const records = countyRecords().filter((r) => r.fact !== 'reports.monthlyMissing');
    const found = await issuesOf(records, { period: '2026-Q3', unit: 'east' });
    expect(found.map((i) => i.code)).toContain('scoring.factMissing');
    expect(found.map((i) => (i.params as { unit?: string }).unit)).toContain('east');
  });
});

describe('facts given twice, and corrections', () => {
  it('a fact given twice for one unit and month is an error at the second record, naming the first', async () => {
    const records = [...countyRecords(), { type: 'fact', unit: 'west', date: '2026-07-30', fact: 'reports.monthlyMissing', value: 2 }];
    const found = await issuesOf(records, { period: '2026-Q3', name: 'q3.ndjson' });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'scoring.factTwice', pointer: `/${records.length - 1}/value` });
    expect(found[0]?.message.en).toContain('(first at q3.ndjson/');
  });
  it('a correction that names the record it supersedes replaces it, and the report keeps it', async () => {
    const r = await score(county, countyRecords(), { period: '2026-Q3', unit: 'east' });
    expect(E.isRight(r)).toBe(true);
    if (E.isRight(r)) {
      expect(r.right.card.facts['reports.monthlyMissing']).toBe(0);
      expect(r.right.corrections).toEqual([
        {
          unit: 'east',
          fact: 'reports.monthlyMissing',
          month: '2026-08',
          value: 0,
          id: 'east-missing-1b',
          replaced: [{ id: 'east-missing-1', value: 1 }],
          reason: '录入有误：8月报告已按时报送',
        },
      ]);
    }
  });
  it('a correction of a record that is not there, or two corrections of one record, are errors', async () => {
    const base = countyRecords();
    const ghost = [
      ...base,
      { type: 'fact', unit: 'west', date: '2026-07-30', fact: 'reports.monthlyMissing', value: 0, supersedes: 'nope' },
    ];
    expect((await issuesOf(ghost, { period: '2026-Q3' })).map((i) => [i.code, (i.params as { problem?: string }).problem])).toEqual([
      ['scoring.correction', 'unknown'],
      ['scoring.factTwice', undefined],
    ]);
    const twice = [
      ...base,
      { type: 'fact', unit: 'east', date: '2026-08-30', fact: 'reports.monthlyMissing', value: 1, supersedes: 'east-missing-1' },
    ];
    expect((await issuesOf(twice, { period: '2026-Q3' })).map((i) => [i.code, (i.params as { problem?: string }).problem])).toContainEqual([
      'scoring.correction',
      'conflict',
    ]);
  });
});

describe("assessors' values", () => {
  it('a value outside its range is refused at the record, never clamped', async () => {
    const records = [
      ...countyRecords(),
      {
        type: 'assessment',
        unit: 'west',
        date: '2026-09-30',
        deduction: 'hexi.deduct.patrol-records',
        value: 4,
        assessor: 'a',
        reason: 'r',
      },
    ];
    const found = await issuesOf(records, { period: '2026-Q3' });
    expect(found.map((i) => [i.code, i.pointer, i.params])).toEqual([
      ['scoring.assessorRange', `/${records.length - 1}/value`, { deduction: 'hexi.deduct.patrol-records', value: 4, min: 1, max: 3 }],
    ]);
  });
  it('and given directly: −2 is refused as well', () => {
    const r = scoreFacts(county, FULL, {
      period: 'quarter',
      assessments: { 'hexi.deduct.patrol-records': { assessor: 'a', value: -2, reason: 'r' } },
    });
    expect(E.isLeft(r) && r.left.map((i) => i.code)).toEqual(['scoring.assessorRange']);
  });
  it('an assessment of something that is not a range deduction is refused', async () => {
    const records = [
      ...countyRecords(),
      { type: 'assessment', unit: 'east', date: '2026-09-30', deduction: 'hexi.deduct.deaths', value: 1, assessor: 'a', reason: 'r' },
    ];
    expect((await issuesOf(records, { period: '2026-Q3' })).map((i) => [i.code, i.pointer])).toEqual([
      ['scoring.assessment', `/${records.length - 1}/deduction`],
    ]);
  });
  it("the assessor's id, value and reason are on the card", async () => {
    const r = await score(county, countyRecords(), { period: '2026-Q3', unit: 'east' });
    const d = E.isRight(r)
      ? r.right.card.metrics.flatMap((m) => m.deductions).find((x) => x.id === 'hexi.deduct.patrol-records')
      : undefined;
    expect(d).toMatchObject({
      points: 2,
      assessed: [{ assessor: '县安监局 王某', value: 2, reason: '巡查记录有3天缺页', month: '2026-09' }],
    });
  });
});

describe('grades', () => {
  it('two grades with the same min are refused at the second', () => {
    const dup = structuredClone(file) as ScoringFile;
    (dup.grades[1] as { min: number }).min = 0.9;
    expect(codes(scoringText(dup))).toEqual([['scoring.gradeMin', '/grades/1/min']]);
  });
});

describe('data errors located by line', () => {
  it('numbered input (as an NDJSON reader gives it) puts the line, not a record index, in every issue', async () => {
    const records = countyRecords().map((value, i) => ({ line: i + 1, value }));
    records.push({ line: records.length + 3, value: { type: 'hazard', unit: 'e1', date: '2026-07-32', tier: 'general', state: 'open' } });
    const found = await issuesOf(records, { period: '2026-Q3', name: 'q3.ndjson', numbered: true });
    expect(found.map((i) => [i.file, i.line, i.pointer])).toEqual([['q3.ndjson', records.length + 2, '/date']]);
    expect(formatIssue(found[0] as never, 'en')).toMatch(new RegExp(`^q3\\.ndjson:${records.length + 2}:1 error`));
  });
  it('and so do the errors found after reading: an undeclared unit, a fact given twice', async () => {
    const records = [...countyRecords(), { type: 'info', unit: 'ghost', date: '2026-07-01' }].map((value, i) => ({ line: 10 + i, value }));
    const found = await issuesOf(records, { period: '2026-Q3', name: 'q3.ndjson', numbered: true });
    expect(found.map((i) => [i.line, i.pointer])).toEqual([[10 + records.length - 1, '/unit']]);
  });
});

describe('F11: undeclared units are refused early, in bounded memory', () => {
  it('F11 stops at the first unit past maxPendingUnits, with a located error, having read no further', async () => {
    let pulled = 0;
    function* flood() {
      for (let i = 0; i < 1_000_000; i++) {
        pulled++;
        yield { type: 'info', unit: `u${i}`, date: '2026-07-01' };
      }
    }
    const r = await score(county, flood(), { period: '2026-Q3', name: 'flood.ndjson' });
    expect(E.isLeft(r)).toBe(true);
    if (E.isLeft(r)) {
      expect(r.left).toHaveLength(1);
      expect(r.left[0]).toMatchObject({
        code: 'scoring.undeclaredUnits',
        pointer: '/10000/unit',
        params: { limit: 10_000, unit: 'u10000' },
      });
    }
    expect(pulled).toBe(10_001);
  });
  it('F11 units declared after their records, within the limit, are still fine (record order does not matter)', async () => {
    const records = countyRecords();
    const units = records.filter((r) => r.type === 'unit');
    const r = await score(county, [...records.filter((x) => x.type !== 'unit'), ...units], {
      period: '2026-Q3',
      unit: 'east',
      maxPendingUnits: 10,
    });
    expect(E.isRight(r)).toBe(true);
  });
});

describe('F16: impossible unit declarations are refused', () => {
  it('F16 a staff count of 1e400 (Infinity once parsed) is refused at the field', async () => {
    const unit = JSON.parse('{"type":"unit","id":"v9","level":"xianyou.level.village","parent":"bangtou","staff":{"grid-worker":1e400}}');
    const r = await score(pack('xianyou'), [...TREE, unit], { period: '2026-07' });
    expect(E.isLeft(r) && r.left.map((i) => [i.code, i.pointer])).toEqual([['codec.invalid', '/3/staff/grid-worker']]);
  });
  it('F16 a level the pack does not have is refused at the field, with a suggestion', async () => {
    const r = await score(pack('xianyou'), [...TREE, { type: 'unit', id: 'v9', level: 'village', parent: 'bangtou' }], {
      period: '2026-07',
    });
    expect(E.isLeft(r)).toBe(true);
    if (E.isLeft(r)) {
      expect(r.left.map((i) => [i.code, i.pointer])).toEqual([['ref.unknown', '/3/level']]);
      expect(r.left[0]?.message.en).toBe('unknown level "village"; did you mean "xianyou.level.village"?');
    }
  });
});

describe('scoreFacts on untrusted input', () => {
  it('never throws: null options, a null input, a malformed assessment are located issues', () => {
    expect(E.isLeft(scoreFacts(county, FULL, null as never))).toBe(true);
    expect(E.isLeft(scoreFacts(county, null as never, { period: 'quarter' }))).toBe(true);
    const r = scoreFacts(county, FULL, { period: 'quarter', assessments: { 'hexi.deduct.patrol-records': null as never } });
    expect(E.isLeft(r) && r.left.map((i) => [i.code, i.pointer])).toEqual([['codec.invalid', '/assessments/hexi.deduct.patrol-records']]);
  });
});
