import { formatIssue } from '@gridsafe/schema';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { seedPack } from '../../../test/seed-packs.js';
import {
  addDays,
  completePatrol,
  dayNumber,
  type PatrolTask,
  planPatrols,
  type ResolvedPack,
  reportUndone,
  windowOf,
} from '../src/index.js';

const chibi = seedPack('chibi');
const xianyou = seedPack('xianyou');

const right = <A>(e: E.Either<unknown, A>): A => {
  if (E.isLeft(e)) throw new Error(JSON.stringify(e.left));
  return e.right;
};
const gridTypes: Record<string, string> = { chibi: 'village', xianyou: 'small-grid' };
const plan = (pack: ResolvedPack, date: string, previous?: PatrolTask[]) =>
  right(planPatrols(pack, [{ id: 'g1', gridType: gridTypes[pack.id] as string, worker: 'w1' }], date, previous ? { previous } : {})).tasks;

describe('calendar windows', () => {
  it('aligns weeks to Monday, half months to the 15th, quarters to January, April, July, October', () => {
    expect(windowOf('P1W', '2026-03-08')).toEqual({ from: '2026-03-02', due: '2026-03-08' });
    expect(windowOf('P1D', '2026-03-08')).toEqual({ from: '2026-03-08', due: '2026-03-08' });
    expect(windowOf('P0.5M', '2026-02-15')).toEqual({ from: '2026-02-01', due: '2026-02-15' });
    expect(windowOf('P0.5M', '2024-02-16')).toEqual({ from: '2024-02-16', due: '2024-02-29' });
    expect(windowOf('P3M', '2026-08-31')).toEqual({ from: '2026-07-01', due: '2026-09-30' });
    expect(windowOf('P1Y', '2026-08-31')).toEqual({ from: '2026-01-01', due: '2026-12-31' });
    expect(windowOf('PT2H', '2026-08-31')).toBeUndefined();
    expect(windowOf('P1W', '2026-02-30')).toBeUndefined();
  });

  it('every window contains its date, and every day of it has the same window', () => {
    const every = fc.constantFrom('P1D', 'P3D', 'P1W', 'P2W', 'P0.5M', 'P1M', 'P3M', 'P6M', 'P1Y');
    const day = fc.integer({ min: 0, max: 40_000 }).map((n) => addDays('1970-01-01', n));
    fc.assert(
      fc.property(every, day, (e, d) => {
        const w = windowOf(e, d);
        expect(w).toBeDefined();
        if (!w) return;
        expect(w.from <= d && d <= w.due).toBe(true);
        expect(windowOf(e, w.from)).toEqual(w);
        expect(windowOf(e, w.due)).toEqual(w);
        expect(windowOf(e, addDays(w.due, 1))?.from).toBe(addDays(w.due, 1));
      }),
    );
  });

  it('rejects impossible dates', () => {
    expect(dayNumber('2026-13-01')).toBeUndefined();
    expect(dayNumber('2026-1-01')).toBeUndefined();
    expect(dayNumber('2026-02-28')).toBe(20512);
  });
});

describe('planPatrols and completePatrol (五全: carried to the next day, then missed)', () => {
  it('plans Xianyou weekly patrols once per ISO week, with the checklist of the grid type', () => {
    const monday = plan(xianyou, '2026-03-02');
    expect(monday.map((t) => [t.id, t.from, t.due, t.status])).toEqual([
      ['g1/xianyou.cadence.grid-worker-patrol/2026-03-02#1', '2026-03-02', '2026-03-08', 'scheduled'],
    ]);
    expect(monday[0]?.checklist).toBe('xianyou.checklist.pilot');
    // Planned again mid-week, the same task, not a second one.
    expect(plan(xianyou, '2026-03-04', monday)).toEqual(monday);
  });

  it('carries an undone Chibi daily patrol into the next day, then marks it missed with the reason kept', () => {
    const day1 = plan(chibi, '2026-03-02');
    expect(day1).toHaveLength(1);
    expect(day1[0]?.checklist).toBe('chibi.checklist.village');
    const reported = right(reportUndone(day1[0] as PatrolTask, { on: '2026-03-02', note: '防汛值班' }));
    const day2 = plan(chibi, '2026-03-03', [reported]);
    const carried = day2.find((t) => t.from === '2026-03-02') as PatrolTask;
    expect(carried.status).toBe('overdue');
    expect(carried.carriedTo).toBe('2026-03-03');
    expect(carried.history.at(-1)).toEqual({ status: 'overdue', on: '2026-03-03', reason: { code: 'reported', note: '防汛值班' } });
    expect(day2.find((t) => t.from === '2026-03-03')?.status).toBe('scheduled');

    const day3 = plan(chibi, '2026-03-04', day2);
    const missed = day3.find((t) => t.from === '2026-03-02') as PatrolTask;
    expect(missed.status).toBe('missed');
    expect(missed.history.map((h) => h.status)).toEqual(['scheduled', 'overdue', 'missed']);
    expect(missed.history.at(-1)?.reason).toEqual({ code: 'notDoneWhenCarried' });
    // Yesterday's own task was not reported: carried as unreported.
    expect(day3.find((t) => t.from === '2026-03-03')?.history.at(-1)?.reason).toEqual({ code: 'unreported' });
    // A missed task is reported on the day it is missed, then leaves the plan.
    expect(plan(chibi, '2026-03-05', day3).some((t) => t.from === '2026-03-02')).toBe(false);
  });

  it('a carried task done on the day it was carried to is done late; then it cannot change', () => {
    const day2 = plan(chibi, '2026-03-03', plan(chibi, '2026-03-02'));
    const carried = day2.find((t) => t.status === 'overdue') as PatrolTask;
    const done = right(completePatrol(carried, { on: '2026-03-03', record: 'r-1' }));
    expect(done).toMatchObject({ status: 'done', late: true, doneOn: '2026-03-03', record: 'r-1' });
    const again = completePatrol(done, { on: '2026-03-03' });
    expect(E.isLeft(again) && again.left.map((i) => formatIssue(i, 'en'))).toEqual([
      'input:0:0 error patrol task "g1/chibi.cadence.grid-worker-patrol/2026-03-02#1" is already done; it cannot change [patrol.taskClosed]',
    ]);
    // Done tasks stay in the plan while their period is open, then leave it.
    const day3 = plan(
      chibi,
      '2026-03-04',
      day2.map((t) => (t.id === done.id ? done : t)),
    );
    expect(day3.some((t) => t.id === done.id)).toBe(false);
  });

  it('refuses a completion outside the period, in zh and en, leaving the task unchanged', () => {
    const [task] = plan(xianyou, '2026-03-02') as [PatrolTask];
    const before = JSON.stringify(task);
    const early = completePatrol(task, { on: '2026-03-01' });
    expect(E.isLeft(early) && early.left.map((i) => formatIssue(i, 'zh'))).toEqual([
      'input:0:0 错误 巡查任务“g1/xianyou.cadence.grid-worker-patrol/2026-03-02#1”应在 2026-03-02 至 2026-03-08 之间完成，不能记在 2026-03-01 [patrol.outsideWindow /on]',
    ]);
    expect(E.isLeft(completePatrol(task, { on: '2026-03-09' }))).toBe(true);
    expect(E.isLeft(completePatrol(task, { on: 'next tuesday' }))).toBe(true);
    expect(JSON.stringify(task)).toBe(before);
  });

  it('reports bad input, located, and plans nothing', () => {
    const bad = planPatrols(chibi, [{ id: 'g1', gridType: 'vilage' }, { id: 'g1' }], '2026-02-30');
    expect(E.isLeft(bad) && bad.left.map((i) => `${i.code} ${i.pointer}`)).toEqual([
      'codec.invalid /date',
      'ref.unknown /grids/0/gridType',
      'id.duplicate /grids/1/id',
    ]);
  });

  it('over random days and completions: planning is idempotent, statuses only move forward, every task ends done or missed', () => {
    const order = { scheduled: 0, overdue: 1, done: 2, missed: 2 } as const;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 20 }), (days) => {
        const grids = [
          { id: 'a', gridType: 'village' },
          { id: 'b', gridType: 'community' },
        ];
        let tasks: PatrolTask[] = [];
        const final = new Map<string, PatrolTask>();
        let date = '2026-03-02';
        for (const [doA, doB] of days) {
          const planned = right(planPatrols(chibi, grids, date, { previous: tasks }));
          expect(right(planPatrols(chibi, grids, date, { previous: planned.tasks }))).toEqual(planned);
          tasks = planned.tasks.map((t) => {
            const prev = final.get(t.id);
            if (prev) expect(order[t.status]).toBeGreaterThanOrEqual(order[prev.status]);
            const act = t.grid === 'a' ? doA : doB;
            if (act && (t.status === 'scheduled' || t.status === 'overdue')) return right(completePatrol(t, { on: date }));
            return t;
          });
          for (const t of tasks) final.set(t.id, t);
          date = addDays(date, 1);
        }
        // Two more days settle everything from before the last day.
        for (let i = 0; i < 2; i++) {
          tasks = right(planPatrols(chibi, [], date, { previous: tasks })).tasks;
          for (const t of tasks) final.set(t.id, t);
          date = addDays(date, 1);
        }
        for (const t of final.values()) {
          expect(['done', 'missed']).toContain(t.status);
          expect(t.history[0]?.status).toBe('scheduled');
          if (t.status === 'missed') expect(t.history.map((h) => h.status)).toEqual(['scheduled', 'overdue', 'missed']);
        }
      }),
      { numRuns: 200 },
    );
  });
});
