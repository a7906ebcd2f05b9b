import type { ResolvedPack } from '@gridsafe/engine';
import { caseRecords } from '@gridsafe/escalation';
import { scoringItems } from '@gridsafe/schema';
import { occurrences, type Period } from '@gridsafe/scoring';
import * as E from 'fp-ts/lib/Either.js';
import type { DemoCase } from './cases.js';
import type { PatrolMonth } from './patrols.js';
import { choose, daysOf, later } from './rng.js';
import type { World } from './world.js';

const DERIVED =
  /^(hazards|patrols|meetings|inspections|info|supervision|grids|requirements|cadres|actions|station|accidents|reports|scheduling|training|visits)\./;

/** The month's period records for the scoring package: units, patrol tasks, hazards, and the township's meetings, inspections, information items and reports. */
export function periodRecords(
  pack: ResolvedPack,
  world: World,
  month: string,
  period: Period,
  patrols: PatrolMonth,
  cases: DemoCase[],
  random: () => number,
): Record<string, unknown>[] {
  const days = daysOf(month);
  const first = days[0] as string;
  const last = days[days.length - 1] as string;
  const out: Record<string, unknown>[] = world.units.map((u) => ({ type: 'unit', ...u }));
  const unitOf = new Map(world.grids.map((g) => [g.id, g.unit]));
  for (const t of patrols.tasks) {
    const reported = t.report?.code === 'reported' || t.history.some((h) => h.reason?.code === 'reported');
    const status = t.status === 'done' ? (t.late ? 'carried' : 'done') : 'missed';
    out.push({
      type: 'patrol',
      unit: unitOf.get(t.grid),
      date: later(t.from, first),
      status,
      reported,
      task: t.id,
      ...(t.doneOn ? { doneOn: t.doneOn, recordedOn: t.doneOn } : {}),
    });
  }
  out.push(...hazardRecords(cases, last));
  const cadences = pack.hierarchies.flatMap((h) => h.cadences ?? []);
  const scoring = pack.scorings[0];
  const extra = [...new Set(scoringItems(scoring ?? { elements: [] }).flatMap((m) => [m.numerator ?? '', m.denominator ?? '']))]
    .filter((f) => f !== '')
    .filter((f) => !DERIVED.test(f));
  const types = new Map(pack.catalogs.flatMap((c) => c.facts.map((f) => [f.id, f.type] as const)));
  for (const u of world.units) {
    for (const c of cadences) {
      if (c.level !== u.level) continue;
      if (c.activity === 'inspection' || c.activity === 'meeting') {
        for (let i = 0; i < occurrences(c, period); i++)
          if (random() < 0.88) out.push({ type: c.activity, unit: u.id, date: choose(random, days) });
      }
      if (c.activity === 'information')
        for (let i = 0; i < occurrences(c, period) + 1; i++) out.push({ type: 'info', unit: u.id, date: choose(random, days) });
    }
    if (!scoring?.units.includes(u.level)) continue;
    if (random() < 0.9) out.push({ type: 'report', unit: u.id, date: last, kind: 'monthly' });
    if (random() < 0.9) out.push({ type: 'scheduling', unit: u.id, date: choose(random, days), toOffice: true });
    for (const f of extra) {
      const type = types.get(f);
      if (type === 'boolean') out.push({ type: 'fact', unit: u.id, date: last, fact: f, value: random() < 0.85 });
      else if (type === 'integer') out.push({ type: 'fact', unit: u.id, date: last, fact: f, value: f.endsWith('Total') ? 5 : 4 });
    }
  }
  return out;
}

/** The hazard record of each case as the month left it, by `caseRecords` (each case scored to the unit of its grid). */
export function hazardRecords(cases: readonly DemoCase[], last: string): Record<string, unknown>[] {
  const unitOf = new Map(cases.map((c) => [c.snapshot.caseId, c.found.unit]));
  const records = caseRecords(
    cases.map((c) => c.snapshot),
    { periodEnd: last, unit: (s) => unitOf.get(s.caseId) },
  );
  if (E.isLeft(records)) throw new Error(records.left.map((i) => i.message.en).join('\n'));
  return records.right as unknown as Record<string, unknown>[];
}
