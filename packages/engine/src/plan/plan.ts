import { CADENCE_ACTIVITIES, type Cadence, type Issue, makeIssue, toPointer } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';
import type { ResolvedPack } from '../resolve/types.js';
import { dayNumber, windowOf } from './calendar.js';
import type { PatrolGrid, PatrolPlan, PatrolTask, Unscheduled } from './types.js';

/** Options of {@link planPatrols}. */
export interface PlanOptions {
  /** Yesterday's plan (or any earlier one): its open tasks are kept, carried or marked missed. */
  previous?: readonly PatrolTask[];
  /** Which cadences make tasks (default `patrol` only). */
  activities?: readonly Cadence['activity'][];
}

type Cad = Cadence & { activity: Cadence['activity'] };

const at = (path: (string | number)[]) => ({ file: 'input', line: 0, column: 0, pointer: toPointer(path) });

/**
 * Whether a cadence is about a grid: one done for each unit of a level (`each`) is about the grids
 * of that level; otherwise one bound to the grid's level, or to no level.
 */
function about(c: Cad, grid: PatrolGrid): boolean {
  if (c.each !== undefined) return c.each === grid.level;
  return c.level === undefined || c.level === grid.level;
}

/** Whether a scoped cadence holds where the grid lies: `true`, `false`, or `undefined` when the grid does not say. */
function inScope(c: Cad, grid: PatrolGrid): boolean | undefined {
  if (!c.scope) return true;
  if (grid.places === undefined) return undefined;
  return c.scope.places.some((p) => grid.places?.includes(p));
}

/** What happens to an earlier task on `date`, or `undefined` when it leaves the plan. */
function carry(task: PatrolTask, date: string): PatrolTask | undefined {
  switch (task.status) {
    case 'done':
      return task.due >= date ? task : undefined;
    case 'missed': {
      const last = task.history.at(-1);
      return last && last.on >= date ? task : undefined;
    }
    case 'scheduled': {
      if (task.due >= date) return task;
      // The report moves into the history; a new one may be made on the day it is carried to.
      const { report, ...rest } = task;
      const reason = report ?? { code: 'unreported' as const };
      return { ...rest, status: 'overdue', carriedTo: date, history: [...task.history, { status: 'overdue', on: date, reason }] };
    }
    case 'overdue': {
      if ((task.carriedTo ?? task.due) >= date) return task;
      const { report, ...rest } = task;
      const reason = report ?? { code: 'notDoneWhenCarried' as const };
      return { ...rest, status: 'missed', history: [...task.history, { status: 'missed', on: date, reason }] };
    }
  }
}

/**
 * The patrol tasks of `date` for each grid, by the pack's cadences. A weekly cadence gives one task
 * per ISO week, a monthly one per month, `count` tasks per period. Pass the previous day's tasks as
 * `previous`: a task not done by its day becomes `overdue` and is carried into this day's plan, as
 * the 五全 require (seed 002 四: 因故对当日巡查工作不能完成的，要及时报告，并纳入次日巡查工作内容);
 * one still not done on the day it was carried to becomes `missed`. Each change keeps its reason.
 * A cadence done for each unit of a level (`each`: "the grid head inspects every micro-grid once a
 * month") gives a task per grid of that level. A cadence the text gives without a number (定期,
 * 经常) gives no task and is listed in `unscheduled` (reason `noNumber`); one that holds in named
 * places only gives tasks to grids in them, and is listed for a grid that does not say where it lies
 * (reason `placeUnknown`).
 * Pure: planning the same day twice with the same input gives the same plan.
 *
 * @example
 * ```ts
 * import { planPatrols, type ResolvedPack } from '@gridsafe/engine';
 * declare const pack: ResolvedPack;
 * const monday = planPatrols(pack, [{ id: 'g1', gridType: 'village' }], '2026-03-02');
 * if (monday._tag === 'Right') {
 *   const tuesday = planPatrols(pack, [{ id: 'g1', gridType: 'village' }], '2026-03-03', { previous: monday.right.tasks });
 *   if (tuesday._tag === 'Right') for (const t of tuesday.right.tasks) console.log(t.id, t.status);
 * }
 * ```
 */
export function planPatrols(
  pack: ResolvedPack,
  grids: readonly PatrolGrid[],
  date: string,
  options: PlanOptions = {},
): E.Either<Issue[], PatrolPlan> {
  const issues: Issue[] = [];
  if (dayNumber(date) === undefined) {
    issues.push(makeIssue('codec.invalid', at(['date']), { expected: 'a calendar date YYYY-MM-DD' }, { found: JSON.stringify(date) }));
  }
  const activities = options.activities ?? ['patrol'];
  for (const [i, a] of activities.entries()) {
    if (!(CADENCE_ACTIVITIES as readonly string[]).includes(a)) {
      issues.push(makeIssue('schema.enum', at(['activities', i]), { allowed: [...CADENCE_ACTIVITIES] }, { found: String(a) }));
    }
  }
  const seen = new Set<string>();
  for (const [i, g] of grids.entries()) {
    if (seen.has(g.id)) issues.push(makeIssue('id.duplicate', at(['grids', i, 'id']), { id: g.id, firstFile: 'input', firstLine: 0 }));
    seen.add(g.id);
    if (g.gridType !== undefined && !pack.checklists.some((c) => c.gridType === g.gridType)) {
      issues.push(makeIssue('ref.unknown', at(['grids', i, 'gridType']), { refKind: 'checklist', id: g.gridType }, { found: g.gridType }));
    }
  }
  if (issues.length > 0) return E.left(issues);

  const cadences = pack.hierarchies.flatMap((h) => h.cadences ?? []).filter((c) => activities.includes(c.activity));
  const tasks = new Map<string, PatrolTask>();
  for (const prev of options.previous ?? []) {
    const next = carry(prev, date);
    if (next) tasks.set(next.id, next);
  }
  const unscheduled: Unscheduled[] = [];
  const noNumber = new Set<string>();
  for (const grid of grids) {
    const checklist = grid.gridType === undefined ? undefined : pack.checklists.find((c) => c.gridType === grid.gridType)?.id;
    for (const c of cadences.filter((x) => about(x, grid))) {
      const scoped = inScope(c, grid);
      if (scoped === false) continue;
      if (scoped === undefined) {
        unscheduled.push({ cadence: c.id, reason: 'placeUnknown', grid: grid.id });
        continue;
      }
      if (c.every === undefined) {
        if (!noNumber.has(c.id)) unscheduled.push({ cadence: c.id, reason: 'noNumber' });
        noNumber.add(c.id);
        continue;
      }
      const window = windowOf(c.every, date);
      if (!window) continue;
      for (let n = 1; n <= (c.count ?? 1); n++) {
        const id = `${grid.id}/${c.id}/${window.from}#${n}`;
        if (tasks.has(id)) continue;
        tasks.set(id, {
          id,
          grid: grid.id,
          ...(grid.worker === undefined ? {} : { worker: grid.worker }),
          cadence: c.id,
          title: c.title,
          ...(checklist === undefined ? {} : { checklist }),
          from: window.from,
          due: window.due,
          status: 'scheduled',
          history: [{ status: 'scheduled', on: date }],
        });
      }
    }
  }
  return E.right({ date, tasks: [...tasks.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), unscheduled });
}
