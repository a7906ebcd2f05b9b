// The evaluators of the organisation constructs, on the seed packs: phases and milestones due on a
// day, bodies against a host's, requirements that bind levels and unit kinds and produce
// consequences, and patrol plans with unnumbered, per-unit and scoped cadences.
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { seedPack } from '../../../test/seed-packs.js';
import {
  addDays,
  checkBodies,
  checkRequirements,
  type MilestoneState,
  milestonesDue,
  planPatrols,
  type ResolvedPack,
} from '../src/index.js';

const chibi = seedPack('chibi');
const chanba = seedPack('chanba');
const xianyou = seedPack('xianyou');
const jianguanju = seedPack('jianguanju');
const right = <A>(e: E.Either<unknown, A>): A => {
  if (E.isLeft(e)) throw new Error(JSON.stringify(e.left));
  return e.right;
};

describe('milestonesDue', () => {
  it('Chibi on 15 November 2017: preparation overdue since 30 September, implementation due in 15 days', () => {
    const r = right(milestonesDue(chibi, '2017-11-15'));
    const byId = new Map(r.items.map((i) => [i.id, i]));
    expect(byId.get('chibi.phase.preparation')).toMatchObject({ state: 'overdue', by: '2017-09-30', daysOver: 46 });
    expect(byId.get('chibi.phase.implementation')).toMatchObject({ state: 'open', from: '2017-10-01', by: '2017-11-30', daysLeft: 15 });
    expect(byId.get('chibi.milestone.system')).toMatchObject({ state: 'open', by: '2017-12-31' });
    expect(r.due).toEqual(['chibi.phase.implementation', 'chibi.phase.acceptance', 'chibi.milestone.system']);
    expect(r.overdue).toEqual(['chibi.phase.preparation']);
    expect(r.next).toEqual({ id: 'chibi.phase.implementation', by: '2017-11-30' });
    expect(byId.get('chibi.milestone.system')?.tasks.map((t) => t.id)).toContain('chibi.milestone.system.t5');
  });

  it('before a phase starts it is upcoming; done on time is done, after the deadline late', () => {
    const r = right(
      milestonesDue(chibi, '2017-09-15', { done: { 'chibi.phase.preparation': '2017-09-30', 'chibi.milestone.system': '2018-01-05' } }),
    );
    const state = Object.fromEntries(r.items.map((i) => [i.id, i.state]));
    expect(state).toEqual({
      'chibi.phase.preparation': 'done',
      'chibi.phase.implementation': 'upcoming',
      'chibi.phase.acceptance': 'open',
      'chibi.milestone.system': 'late',
    });
  });

  it('phases the text gives no dates are undated, never given invented ones', () => {
    const r = right(milestonesDue(chanba, '2030-01-01'));
    expect(r.items.filter((i) => i.kind === 'phase').map((i) => [i.state, i.by])).toEqual([
      ['undated', undefined],
      ['undated', undefined],
      ['undated', undefined],
    ]);
    expect(r.overdue).toEqual(['chanba.milestone.system']);
  });

  it('a bad date, an unknown id and a bad done date are located issues', () => {
    const r = milestonesDue(chibi, '2017-13-01', { done: { 'chibi.phase.nope': true, 'chibi.phase.preparation': 'soon' } });
    expect(E.isLeft(r) && r.left.map((i) => [i.code, i.pointer])).toEqual([
      ['codec.invalid', '/date'],
      ['milestone.unknown', '/done/chibi.phase.nope'],
      ['codec.invalid', '/done/chibi.phase.preparation'],
    ]);
    if (E.isLeft(r)) expect(r.left[1]?.message.zh).toBe('规则包中没有阶段或节点“chibi.phase.nope”');
  });

  it('property: never throws; every state agrees with the day and the dates; due and overdue list exactly the open and overdue', () => {
    const day = fc.integer({ min: 0, max: 800 }).map((n) => addDays('2017-01-01', n));
    const ids = ['chibi.phase.preparation', 'chibi.phase.implementation', 'chibi.phase.acceptance', 'chibi.milestone.system'];
    fc.assert(
      fc.property(day, fc.dictionary(fc.constantFrom(...ids), fc.oneof(day, fc.constant(true as const))), (date, done) => {
        const r = right(milestonesDue(chibi, date, { done }));
        for (const i of r.items) {
          const d = done[i.id];
          let want: MilestoneState;
          if (d !== undefined) want = d !== true && i.by !== undefined && d > i.by ? 'late' : 'done';
          else if (i.from !== undefined && date < i.from) want = 'upcoming';
          else if (i.by === undefined) want = 'undated';
          else want = date > i.by ? 'overdue' : 'open';
          expect(i.state).toBe(want);
        }
        expect(r.due).toEqual(r.items.filter((i) => i.state === 'open').map((i) => i.id));
        expect(r.overdue).toEqual(r.items.filter((i) => i.state === 'overdue').map((i) => i.id));
      }),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (date, done) => {
        const r = milestonesDue(chibi, date as string, { done: done as never });
        if (E.isLeft(r)) expect(r.left.every((i) => typeof i.pointer === 'string' && i.message.en !== '')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('checkBodies', () => {
  it("the construction bureau's leading group: a seat known empty is unfilled, a seat not reported is unknown", () => {
    const r = right(checkBodies(jianguanju, { 'jianguanju.body.leading-group': { established: true, chair: '局长', deputies: [] } }));
    expect(r.unfilled).toEqual(['jianguanju.body.leading-group#deputies']);
    expect(r.unknown).toEqual(['jianguanju.body.leading-group#members', 'jianguanju.body.leading-group#office']);
    const group = r.bodies[0];
    expect(group?.ok).toBe(false);
    expect(group?.seats.map((s) => [s.seat, s.holder[0]?.zh, s.filled])).toEqual([
      ['chair', '建管局党委书记、局长', true],
      ['deputies', '各位副局长', false],
      ['members', '系统各单位及各科室负责人', null],
      ['office', '建管局办公室', null],
    ]);
  });

  it('a body the host says nothing of is unknown, never filled', () => {
    const r = right(checkBodies(xianyou, {}));
    expect(r.bodies.map((b) => [b.id, b.established, b.ok])).toEqual([['xianyou.body.leading-group', null, true]]);
    expect(r.unknown).toEqual(['xianyou.body.leading-group', 'xianyou.body.leading-group#chair', 'xianyou.body.leading-group#office']);
  });

  it('unknown bodies and malformed states are located issues; property: never throws', () => {
    const r = checkBodies(
      xianyou,
      { 'xianyou.body.nope': {}, 'xianyou.body.leading-group': { chair: 3, deputies: 'x', extra: 1 } },
      'b.json',
    );
    expect(E.isLeft(r) && r.left.map((i) => [i.file, i.code, i.pointer])).toEqual([
      ['b.json', 'ref.unknown', '/xianyou.body.nope'],
      ['b.json', 'codec.invalid', '/xianyou.body.leading-group/chair'],
      ['b.json', 'codec.invalid', '/xianyou.body.leading-group/deputies'],
      ['b.json', 'codec.invalid', '/xianyou.body.leading-group/extra'],
    ]);
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true }), (input) => {
        const x = checkBodies(jianguanju, input);
        if (E.isLeft(x)) expect(x.left.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('checkRequirements: what a rule binds and what it produces', () => {
  const facts = {
    'county.inspectionsLed': 1,
    'county.meetingsHeld': 1,
    'info.itemsSubmitted': 1,
    'bulletins.issued': 1,
    'work.fourHaves': { deployed: true, inspected: true, recorded: true, summarised: true },
    'archive.compiled': true,
    'platform.inUse': true,
    'plan.issued': true,
  };
  const check = (level: string, extra: Record<string, unknown> = {}) =>
    right(
      checkRequirements(
        xianyou,
        { period: { kind: 'month', start: '2017-03-01' }, unit: { id: 'u1', level, ...extra }, facts },
        { requirements: 'xianyou.requirements.monthly' },
      ),
    );

  it('a county-direct lead unit is bound by the information rule like a township, and not by the county rules', () => {
    const lead = check('xianyou.unit.county-lead');
    expect(lead.rules.map((r) => r.id)).toEqual([
      'xianyou.req.information',
      'xianyou.req.four-haves',
      'xianyou.req.archive',
      'xianyou.req.one-platform-one-plan',
    ]);
    expect(lead.rules.filter((r) => !r.satisfied).map((r) => r.id)).toEqual(['xianyou.req.information']);
    expect(lead.skipped).toEqual([
      { id: 'xianyou.req.county-inspection', reason: 'level' },
      { id: 'xianyou.req.county-meeting', reason: 'level' },
      { id: 'xianyou.req.bulletin', reason: 'level' },
    ]);
  });

  it('the county issuing its bulletin produces the monthly bulletin, with who issues it and why', () => {
    const county = check('xianyou.level.county');
    expect(county.consequences).toEqual([
      {
        id: 'xianyou.consequence.monthly-bulletin',
        kind: 'bulletin',
        title: { zh: '每月一通报', en: 'Monthly bulletin' },
        text: expect.objectContaining({ zh: expect.stringContaining('每月通报一次') }),
        by: 'xianyou.level.county',
        unit: 'u1',
        rules: ['xianyou.req.bulletin'],
      },
    ]);
  });

  it('criticism, bulletin and accountability for the construction bureau; promotion is a finding, not counted', () => {
    const r = right(
      checkRequirements(jianguanju, {
        period: { kind: 'month', start: '2022-08-01' },
        unit: { id: 'z1', level: 'jianguanju.level.unit' },
        facts: {
          'scheduling.reportedToOffice': true,
          'zones.withoutLeadResponsible': 0,
          'zones.withoutSpecificResponsible': 0,
          'zones.unmarked': 0,
          'units.keyNotChecked': 0,
          'work.shortcomings': 1,
          'units.seriousHazardOrPoorManagement': 0,
          'accidents.dutyFailure': 0,
          'practice.goodSummarised': 0,
        },
      }),
    );
    expect(r.consequences.map((c) => [c.id, c.kind, c.rules])).toEqual([
      ['jianguanju.consequence.criticism', 'criticism', ['jianguanju.req.work-in-place']],
    ]);
    expect([r.satisfied, r.unsatisfied]).toEqual([6, 1]);
    expect(r.rules.find((x) => x.id === 'jianguanju.req.good-practice')?.satisfied).toBe(false);
  });

  it('a rule scoped to places needs the unit to say where it lies; bad places are a located issue', () => {
    const scoped: ResolvedPack = {
      ...xianyou,
      requirements: xianyou.requirements.map((f) => ({
        ...f,
        rules: f.rules.map((x) => (x.id === 'xianyou.req.archive' ? { ...x, scope: { places: ['xianyou.place.bangtou'] } } : x)),
      })),
    };
    const run = (unit: Record<string, unknown>) =>
      checkRequirements(
        scoped,
        { period: { kind: 'month', start: '2017-03-01' }, unit: { id: 'u', level: 'xianyou.level.township', ...unit }, facts },
        {
          requirements: 'xianyou.requirements.monthly',
        },
      );
    expect(right(run({})).skipped).toContainEqual({ id: 'xianyou.req.archive', reason: 'placeUnknown' });
    expect(right(run({ places: ['xianyou.place.licheng'] })).skipped).toContainEqual({ id: 'xianyou.req.archive', reason: 'place' });
    expect(right(run({ places: ['xianyou.place.bangtou'] })).rules.map((x) => x.id)).toContain('xianyou.req.archive');
    const bad = run({ places: 'bangtou' });
    expect(E.isLeft(bad) && bad.left.map((i) => [i.code, i.pointer])).toEqual([['codec.invalid', '/unit/places']]);
  });
});

describe('planPatrols: cadences without a number, for each unit, in named places', () => {
  it('a cadence the text gives no number is listed as unscheduled, never given tasks', () => {
    const r = right(planPatrols(chibi, [{ id: 'c1', level: 'chibi.level.city' }], '2017-11-06', { activities: ['meeting', 'training'] }));
    expect(r.tasks).toEqual([]);
    expect(r.unscheduled).toEqual([
      { cadence: 'chibi.cadence.joint-meeting', reason: 'noNumber' },
      { cadence: 'chibi.cadence.training', reason: 'noNumber' },
    ]);
  });

  it('a cadence for each unit of a level gives a task per unit of it; a scoped one only where it holds', () => {
    const each: ResolvedPack = {
      ...xianyou,
      hierarchies: xianyou.hierarchies.map((h) => ({
        ...h,
        cadences: [
          ...(h.cadences ?? []),
          {
            id: 'xianyou.cadence.head-inspects-each',
            title: { zh: '网格长每月检查每个单元网格', en: 'The grid head inspects every unit grid each month' },
            activity: 'inspection',
            level: 'xianyou.level.village',
            each: 'xianyou.level.small-grid',
            every: 'P1M',
            count: 1,
            scope: { places: ['xianyou.place.bangtou'] },
            localDefault: true,
            reason: { zh: '测试', en: 'test' },
          },
        ],
      })),
    };
    const grids = [
      { id: 'g1', level: 'xianyou.level.small-grid', places: ['xianyou.place.bangtou'] },
      { id: 'g2', level: 'xianyou.level.small-grid', places: ['xianyou.place.bangtou'] },
      { id: 'g3', level: 'xianyou.level.small-grid', places: ['xianyou.place.licheng'] },
      { id: 'g4', level: 'xianyou.level.small-grid' },
      { id: 'v1', level: 'xianyou.level.village', places: ['xianyou.place.bangtou'] },
    ];
    const r = right(planPatrols(each, grids, '2017-03-06', { activities: ['inspection'] }));
    expect(r.tasks.filter((t) => t.cadence === 'xianyou.cadence.head-inspects-each').map((t) => [t.grid, t.from, t.due])).toEqual([
      ['g1', '2017-03-01', '2017-03-31'],
      ['g2', '2017-03-01', '2017-03-31'],
    ]);
    expect(r.unscheduled).toEqual([{ cadence: 'xianyou.cadence.head-inspects-each', reason: 'placeUnknown', grid: 'g4' }]);
    // The village's own weekly inspection is still the village's, not each small grid's.
    expect(r.tasks.filter((t) => t.cadence === 'xianyou.cadence.village-inspection').map((t) => t.grid)).toEqual(['v1']);
  });
});
