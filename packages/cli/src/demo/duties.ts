import { addDays, completePatrol, dayNumber, type PatrolTask, planPatrols, type ResolvedPack } from '@gridsafe/engine';
import { type Cadence, formatIssue, type Lang, scoringItems } from '@gridsafe/schema';
import { UserError } from '../errors.js';
import type { Holder } from './duty-world.js';
import { between, daysOf, later } from './rng.js';
import type { World } from './world.js';

/** How one cadence's duty went over the month. */
export interface DutyRow {
  cadence: Cadence;
  /** Units or people it applies to. */
  holders: number;
  planned: number;
  done: number;
  /** Due in the month and not done. */
  missed: number;
  /** Not done yet, due after the month (a quarterly duty), with the day it is due. */
  pending: number;
  dueBy?: string;
  /** Visits done without the work record the seed asks for. */
  unrecorded: number;
  /** Why it feeds no score: a kind the scoring has no record for, or holders off the unit tree. */
  unscored?: 'kind' | 'offTree';
}

/** The month's duties: each task as it ended, one row per cadence, and the scoring records the done ones make. */
export interface DutyMonth {
  tasks: PatrolTask[];
  rows: DutyRow[];
  records: Record<string, unknown>[];
}

/** How often a planned duty is done on its day. */
const DONE = 0.88;
/** How often a cadre's visit leaves the work record. */
const RECORDED = 0.9;

/** Activities with a scoring record kind (see {@link recordOf}). */
const RECORDED_KINDS = new Set<string>(['visit', 'inspection', 'action', 'meeting', 'report', 'bulletin', 'information', 'scheduling']);

/** The scoring record a done duty makes, by its activity; none for an activity no record kind counts. */
function recordOf(c: Cadence, h: Holder, on: string, spot: boolean, random: () => number): Record<string, unknown> | undefined {
  const at = { unit: h.unit, date: on };
  switch (c.activity) {
    case 'visit':
      return { type: 'visit', ...at, cadre: h.role ?? c.role, recorded: random() < RECORDED };
    case 'inspection':
      return { type: 'inspection', ...at, ...(spot ? { kind: 'spot' } : {}) };
    // An action (行动, mudan's 月月有行动) has no record kind of its own: it is recorded as an
    // inspection, the record the assessment counts as a month with action.
    case 'action':
      return { type: 'inspection', ...at };
    case 'meeting':
      return { type: 'meeting', ...at };
    case 'report':
      return { type: 'report', ...at, kind: 'monthly' };
    case 'bulletin':
      return { type: 'report', ...at, kind: 'bulletin' };
    case 'information':
      return { type: 'info', ...at };
    case 'scheduling':
      return { type: 'scheduling', ...at, toOffice: true };
    default:
      return undefined;
  }
}

/**
 * Simulate a month of the duties a pack's cadences define (all but patrols), with the engine's
 * planner: each holder's tasks by cadence, most done on a day of their window, some missed; a
 * quarterly one may fall due after the month. Done duties become the scoring's records.
 */
export function simulateDuties(pack: ResolvedPack, world: World, month: string, random: () => number, lang: Lang): DutyMonth {
  const holders = world.freeForm?.holders ?? [];
  const cadences = pack.hierarchies.flatMap((h) => h.cadences ?? []).filter((c) => c.activity !== 'patrol');
  const byId = new Map(cadences.map((c) => [c.id, c]));
  const byHolder = new Map(holders.map((h) => [h.id, h]));
  const activities = [...new Set(cadences.map((c) => c.activity))];
  // A pack whose scoring counts spot checks and no led inspections has its inspection duty recorded as spot checks.
  const reads = new Set(scoringItems(pack.scorings[0] ?? { elements: [] }).flatMap((m) => [m.numerator ?? '', m.denominator ?? '']));
  const spot = reads.has('inspections.spotChecks') && !reads.has('inspections.led') && !reads.has('inspections.required');
  const mine = (t: PatrolTask) => {
    const h = byHolder.get(t.grid);
    const c = byId.get(t.cadence);
    return !!h && !!c && (h.role ? c.role === h.role : c.level === h.level);
  };
  const days = daysOf(month);
  const last = days[days.length - 1] as string;
  const grids = holders.map((h) => ({ id: h.id, level: h.level, worker: h.name }));
  const all = new Map<string, PatrolTask>();
  const plannedOn = new Map<string, string>();
  const records: Record<string, unknown>[] = [];
  let previous: PatrolTask[] = [];
  for (const day of days) {
    const plan = activities.length ? planPatrols(pack, grids, day, { previous, activities }) : undefined;
    if (plan?._tag === 'Left') throw new UserError(plan.left.map((i) => formatIssue(i, lang)).join('\n'));
    previous = (plan?.right.tasks ?? []).filter(mine).map((t0) => {
      let t = t0;
      if (t.status === 'scheduled') {
        if (!plannedOn.has(t.id)) {
          // A day of the task's whole window: for a quarterly duty it may be after the month.
          const from = later(t.from, day);
          const span = (dayNumber(t.due) as number) - (dayNumber(from) as number);
          plannedOn.set(t.id, addDays(from, between(random, 0, Math.max(0, span))));
        }
        if (plannedOn.get(t.id) === day && random() < DONE) {
          const h = byHolder.get(t.grid) as Holder;
          const c = byId.get(t.cadence) as Cadence;
          const rec = h.unit ? recordOf(c, h, day, spot, random) : undefined;
          const done = completePatrol(t, { on: day, ...(rec ? { record: `${t.id}@${day}` } : {}) });
          if (done._tag === 'Right') t = done.right;
          if (rec) records.push(rec);
        }
      }
      all.set(t.id, t);
      return t;
    });
  }
  const tasks = [...all.values()];
  const rows = cadences.map((c): DutyRow => {
    const mineC = tasks.filter((t) => t.cadence === c.id);
    const open = mineC.filter((t) => t.status !== 'done');
    const pending = open.filter((t) => t.due > last);
    const held = holders.filter((h) => (h.role ? c.role === h.role : c.level === h.level));
    const unscored = held.some((h) => !h.unit) ? 'offTree' : RECORDED_KINDS.has(c.activity) ? undefined : 'kind';
    return {
      cadence: c,
      holders: held.length,
      planned: mineC.length,
      done: mineC.length - open.length,
      missed: open.length - pending.length,
      pending: pending.length,
      ...(pending[0] ? { dueBy: pending[0].due } : {}),
      unrecorded: records.filter((r) => r.type === 'visit' && r.cadre === c.role && r.recorded === false).length,
      ...(unscored ? { unscored } : {}),
    };
  });
  return { tasks, rows, records };
}
