import {
  completePatrol,
  evaluatePatrol,
  hazardReports,
  type PatrolTask,
  planPatrols,
  type ResolvedPack,
  reportUndone,
} from '@gridsafe/engine';
import { type Bilingual, formatIssue, type HazardReport, type Lang, type PatrolRecord, type Severity } from '@gridsafe/schema';
import { occurrences, parsePeriodOrThrow } from '@gridsafe/scoring';
import { UserError } from '../errors.js';
import { type AnswerKey, answerKey } from './answers.js';
import { between, choose, daysOf, earlier, later } from './rng.js';
import type { World } from './world.js';

/** A hazard a grid worker found on patrol, or reported free-form where the pack has no checklist. */
export interface Found {
  id: string;
  grid: string;
  unit: string;
  worker: string;
  /** The checklist item; none for a free-form report. */
  item?: string;
  text: Bilingual;
  sector: string;
  severity: Severity;
  /** The tier the engine routes it to, and whether it goes there directly. */
  route?: { tier: string; direct: boolean };
  at: string;
  photos: string[];
  /** The hazard report that opens its case: raised from the finding, or reported free-form. */
  report: HazardReport;
}

/** The month's patrols: every task as it ended, the records evaluated, the hazards and reports found. */
export interface PatrolMonth {
  tasks: PatrolTask[];
  records: number;
  /** The patrol records, as a host would send them (for `gridsafe check`). */
  recordList: unknown[];
  found: Found[];
  reports: number;
}

const NOTES = ['防汛值班', '参加镇里培训', '病假', '配合县里检查'];

/** Simulate a month of patrols on the pack's cadences: most done on a day of their window, some reported and carried, some missed. */
export function simulatePatrols(pack: ResolvedPack, world: World, month: string, random: () => number, lang: Lang): PatrolMonth {
  const days = daysOf(month);
  // About twenty hazards a month, however often the cadence asks for patrols.
  const cadence = pack.hierarchies.flatMap((h) => h.cadences ?? []).find((c) => c.id === world.grids[0]?.checklist.cadence);
  const period = parsePeriodOrThrow(month);
  const perMonth = Math.max(1, cadence ? occurrences(cadence, period) : 4) * world.grids.length;
  const items = world.grids.reduce((n, g) => n + g.checklist.items.length, 0) / Math.max(1, world.grids.length);
  const rate = Math.min(0.05, 20 / (perMonth * items));
  const last = days[days.length - 1] as string;
  const keys = new Map<string, AnswerKey>();
  const keyOf = (g: World['grids'][number]) => {
    const k = keys.get(g.checklist.id) ?? answerKey(pack, g.checklist);
    keys.set(g.checklist.id, k);
    return k;
  };
  const all = new Map<string, PatrolTask>();
  const plannedOn = new Map<string, string>();
  const found: Found[] = [];
  let records = 0;
  let reports = 0;
  const recordList: unknown[] = [];
  let previous: PatrolTask[] = [];
  const grids = new Map(world.grids.map((g) => [g.id, g]));
  const patrol = (t: PatrolTask, day: string): PatrolTask => {
    const g = grids.get(t.grid) as World['grids'][number];
    const key = keyOf(g);
    const id = `${t.grid}-${day}-${t.id.split('#')[1] ?? '1'}`;
    const at = `${day}T${String(between(random, 8, 16)).padStart(2, '0')}:${String(between(random, 0, 59)).padStart(2, '0')}:00+08:00`;
    const answers: Record<string, unknown> = {};
    const photos: { uri: string; itemId: string }[] = [];
    let facts = { ...key.facts };
    for (const it of g.checklist.items) {
      const bad = key.hazard.has(it.id) && random() < rate;
      answers[it.id] = bad ? key.hazard.get(it.id) : (key.ok.get(it.id) ?? key.hazard.get(it.id));
      if (bad || it.evidence.photo === 'required') photos.push({ uri: `photo://${id}/${it.id}.jpg`, itemId: it.id });
      if (bad && random() < 0.3) facts = { ...facts, ...key.majorFacts.get(it.id) };
    }
    const rec = { id, gridId: g.id, gridType: g.gridType, workerId: g.worker, at, answers, photos, facts, taskId: t.id };
    const r = evaluatePatrol(pack, rec, { checklist: g.checklist.id, explain: false, name: id });
    if (r._tag === 'Left') throw new UserError(r.left.map((i) => formatIssue(i, lang)).join('\n'));
    records++;
    recordList.push(rec);
    // The hazard reports the engine raises from the findings open the cases, as a host's would.
    const raised = hazardReports(pack, rec as unknown as PatrolRecord, r.right);
    if (raised._tag === 'Left') throw new UserError(raised.left.map((i) => formatIssue(i, lang)).join('\n'));
    const reportOf = new Map<string, HazardReport>(raised.right.map((x) => [x.itemId as string, x]));
    for (const f of r.right.findings) {
      if (f.status !== 'hazard') continue;
      if (f.yields === 'report') reports++;
      else
        found.push({
          id: `H${String(found.length + 1).padStart(3, '0')}`,
          grid: g.id,
          unit: g.unit,
          worker: g.worker,
          item: f.item,
          text: f.text,
          sector: f.sector,
          severity: f.severity ?? 'general',
          ...(f.route ? { route: f.route } : {}),
          at,
          photos: photos.filter((p) => p.itemId === f.item).map((p) => p.uri),
          report: reportOf.get(f.item) as HazardReport,
        });
    }
    const done = completePatrol(t, { on: day, record: id });
    return done._tag === 'Right' ? done.right : t;
  };
  for (const day of days) {
    const plan = planPatrols(pack, world.grids, day, { previous, activities: [world.activity as never] });
    if (plan._tag === 'Left') throw new UserError(plan.left.map((i) => formatIssue(i, lang)).join('\n'));
    previous = plan.right.tasks.map((t0) => {
      let t = t0;
      if (t.status === 'scheduled') {
        if (!plannedOn.has(t.id)) {
          const window = days.filter((d) => d >= later(t.from, day) && d <= earlier(t.due, last));
          plannedOn.set(t.id, choose(random, window.length ? window : [day]));
        }
        if (plannedOn.get(t.id) === day) {
          const r = random();
          if (r < 0.86) t = patrol(t, day);
          else if (r < 0.94) {
            const rep = reportUndone(t, { on: day, note: choose(random, NOTES) });
            if (rep._tag === 'Right') t = rep.right;
          }
        }
      } else if (t.status === 'overdue' && t.carriedTo === day && random() < 0.6) t = patrol(t, day);
      all.set(t.id, t);
      return t;
    });
  }
  // Tasks still waiting for a day after the month belong to the next month's bulletin.
  const tasks = [...all.values()].filter((t) => t.status !== 'scheduled' || t.due <= last);
  return { tasks, records, recordList, found, reports };
}
