import type { Issue, TestCase } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';
import { checkBodies } from '../evaluate/bodies.js';
import { checkSizing } from '../evaluate/sizing.js';
import { milestonesDue } from '../plan/milestones.js';
import { planPatrols } from '../plan/plan.js';
import type { ResolvedPack } from '../resolve/types.js';

/** A case's pass or fail, with what was expected and what came out. */
type Outcome = { pass: boolean; expected: unknown; actual: unknown; issues?: Issue[] };

const sorted = (xs: readonly string[]) => [...xs].sort();
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const sortedKeys = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/**
 * Run a `milestones`, `sizing`, `bodies` or `plan` case: which phases and milestones are due on a
 * day; a unit against its level's sizing rules; the pack's bodies against a host's; a day's tasks by
 * the cadences. `undefined` for a case of another type.
 */
export function runOrganisationCase(pack: ResolvedPack, c: TestCase): Outcome | undefined {
  const failed = (issues: Issue[] | undefined): Outcome => ({
    pass: false,
    expected: c.expect,
    actual: null,
    ...(issues ? { issues } : {}),
  });
  switch (c.type) {
    case 'milestones': {
      const r = milestonesDue(pack, c.input.date, c.input.done ? { done: c.input.done } : {});
      if (E.isLeft(r)) return failed(r.left);
      const states = new Map(r.right.items.map((i) => [i.id, i.state] as const));
      const expected = {
        due: sorted(c.expect.due),
        overdue: sorted(c.expect.overdue),
        ...(c.expect.state ? { state: sortedKeys(c.expect.state) } : {}),
      };
      const actual = {
        due: sorted(r.right.due),
        overdue: sorted(r.right.overdue),
        ...(c.expect.state
          ? { state: sortedKeys(Object.fromEntries(Object.keys(c.expect.state).map((k) => [k, states.get(k) ?? null]))) }
          : {}),
      };
      return { pass: same(expected, actual), expected, actual };
    }
    case 'sizing': {
      const r = checkSizing(pack, { id: c.id, ...c.input.unit }, c.id);
      if (E.isLeft(r)) return failed(r.left);
      const expected = {
        status: sortedKeys(c.expect.status),
        ...(c.expect.outOfScope ? { outOfScope: sorted(c.expect.outOfScope) } : {}),
        ...(c.expect.ok !== undefined ? { ok: c.expect.ok } : {}),
      };
      const actual = {
        status: sortedKeys(Object.fromEntries(r.right.rules.map((x) => [x.id, x.status]))),
        ...(c.expect.outOfScope ? { outOfScope: sorted(r.right.outOfScope) } : {}),
        ...(c.expect.ok !== undefined ? { ok: r.right.ok } : {}),
      };
      return { pass: same(expected, actual), expected, actual };
    }
    case 'bodies': {
      const r = checkBodies(pack, c.input.bodies, c.id);
      if (E.isLeft(r)) return failed(r.left);
      const expected = { unfilled: sorted(c.expect.unfilled) };
      const actual = { unfilled: sorted(r.right.unfilled) };
      return { pass: same(expected, actual), expected, actual };
    }
    case 'plan': {
      const r = planPatrols(pack, c.input.grids, c.input.date, c.input.activities ? { activities: c.input.activities } : {});
      if (E.isLeft(r)) return failed(r.left);
      const tasks: Record<string, number> = {};
      for (const x of r.right.tasks) tasks[x.cadence] = (tasks[x.cadence] ?? 0) + 1;
      const expected = { tasks: sortedKeys(c.expect.tasks), unscheduled: sorted(c.expect.unscheduled) };
      const actual = {
        tasks: sortedKeys(tasks),
        unscheduled: sorted(r.right.unscheduled.map((u) => (u.grid === undefined ? u.cadence : `${u.cadence}@${u.grid}`))),
      };
      return { pass: same(expected, actual), expected, actual };
    }
    default:
      return undefined;
  }
}
