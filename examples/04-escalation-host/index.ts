// Example 4: a host that keeps hazard cases in @gridsafe/store — embedded PGlite in a data
// directory here (PostgreSQL with DATABASE_URL) — applies events in one transaction each, fires
// DEADLINE from the store's deadline worker on its own clock, delivers effects from the outbox, and
// survives a restart halfway: the second "process" opens the same directory and carries on.
//
//   npx tsx examples/04-escalation-host/index.ts [directory]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRegistry } from '@gridsafe/engine';
import { loadPackSet } from '@gridsafe/engine/node';
import { type CaseSnapshot, type EscalationEvent, machineRegistry } from '@gridsafe/escalation';
import { orThrow } from '@gridsafe/schema';
import { type ApplyResult, createStore, type ReportInput } from '@gridsafe/store';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const T = 'xianyou.tier.';
const hour = (h: number) => new Date(Date.parse('2026-03-02T09:00:00+08:00') + h * 3_600_000).toISOString();

/** Every pack version of rules/, and the machine of each, built once: a case finds the version it is pinned to. */
const machines = machineRegistry(createRegistry(orThrow(loadPackSet(here('../../rules')))));

/** One host process: a store on the directory, and the log of what it did. */
async function host(dir: string, log: string[]) {
  const store = await createStore({ machines, url: process.env.DATABASE_URL, dataDir: dir, schema: 'example04' });
  const said = (id: string, type: string, eventId: string, r: ApplyResult) => {
    if (r.outcome === 'duplicate') log.push(`${id}: ${type} ${eventId} already applied, ignored`);
    else if (r.outcome === 'rejected') log.push(`${id}: ${type} rejected: ${r.rejected.message.en}`);
    else if (r.outcome === 'invalid') log.push(`${id}: ${type} invalid: ${r.issues.map((i) => i.message.en).join('; ')}`);
    else log.push(`${id}: ${type} → ${r.snapshot.state} (${r.snapshot.owner})`);
  };
  /** Carry out the effects waiting in the outbox (here: print them); delivered once each. */
  const deliver = () =>
    store.deliver(async (items) => {
      for (const { caseId, effect } of items)
        if (effect.type === 'notify') log.push(`  ${caseId}: notify ${effect.to} (${effect.why})`);
        else if (effect.type === 'scheduleDeadline') log.push(`  ${caseId}: due ${effect.at}`);
    });
  return {
    store,
    async open(id: string, report: ReportInput) {
      said(id, 'REPORT', report.id, await store.open(id, report, { pack: 'xianyou', unit: 'village-1' }));
      await deliver();
    },
    async apply(id: string, e: EscalationEvent) {
      said(id, e.type, e.id, await store.apply(id, e));
      await deliver();
    },
    /** The host's clock: every hour, the deadline worker fires DEADLINE to every case that is due. */
    async tick(now: string) {
      for (const f of await store.deadlineWorker({ now: () => new Date(now) }).runOnce()) said(f.caseId, 'DEADLINE', f.event.id, f.result);
      await deliver();
    },
  };
}

/** Run the two processes in `dir`; returns the cases at the end and what was printed. */
export async function run(
  dir = mkdtempSync(join(tmpdir(), 'gridsafe-cases-')),
): Promise<{ rows: Map<string, CaseSnapshot>; log: string[] }> {
  const log: string[] = ['— process 1 —'];
  const p1 = await host(dir, log);
  // Seed 004 case 1: an LPG filling point in rental housing, a "larger" (较大) hazard, photographed,
  // straight to the street centre.
  await p1.open('lpg', {
    id: 'lpg-1',
    at: hour(0),
    actor: 'chen',
    role: `${T}grid-worker`,
    grade: 'larger',
    photos: ['lpg.jpg'],
    description: 'LPG filling point in rental housing',
  });
  await p1.apply('lpg', {
    type: 'ESCALATE',
    id: 'lpg-2',
    at: hour(0.5),
    actor: 'chen',
    role: `${T}grid-worker`,
    reason: 'xianyou.reason.report',
    note: 'no permit, no safety facilities',
    to: `${T}township`,
  });
  await p1.apply('lpg', { type: 'ACCEPT', id: 'lpg-3', at: hour(1), actor: 'lin', role: `${T}township` });
  // A general hazard a village platform does not get to in time: overdue, it goes under supervision.
  await p1.open('stairs', {
    id: 'st-1',
    at: hour(1),
    actor: 'zhang',
    role: `${T}grid-worker`,
    grade: 'general',
    photos: ['stairs.jpg'],
    description: 'blocked fire escape',
  });
  await p1.apply('stairs', {
    type: 'ESCALATE',
    id: 'st-2',
    at: hour(2),
    actor: 'zhang',
    role: `${T}grid-worker`,
    reason: 'xianyou.reason.report',
    note: 'owner refuses',
  });

  // The process stops here; everything in memory is gone. The cases are in the data directory.
  await p1.store.close();
  log.push('— restart: process 2 —');
  const p2 = await host(dir, log);
  const delivered: EscalationEvent = {
    type: 'FORWARD',
    id: 'lpg-4',
    at: hour(2),
    actor: 'lin',
    role: `${T}township`,
    to: 'base.dept.market-supervision',
  };
  await p2.apply('lpg', delivered);
  await p2.apply('lpg', delivered); // at-least-once delivery: the same event again
  await p2.apply('lpg', {
    type: 'RESOLVE',
    id: 'lpg-6',
    at: hour(5),
    actor: 'wu',
    role: 'base.dept.market-supervision',
    evidence: ['ban-order.pdf'],
  });
  await p2.apply('lpg', { type: 'VERIFY_PASS', id: 'lpg-7', at: hour(6), actor: 'chen', role: `${T}grid-worker` });
  await p2.apply('lpg', { type: 'CLOSE', id: 'lpg-8', at: hour(7), actor: 'lin', role: `${T}township` });
  for (let h = 8; h <= 24 * 4; h++) await p2.tick(hour(h));
  const rows = new Map<string, CaseSnapshot>();
  for (const id of ['lpg', 'stairs']) {
    const c = await p2.store.get(id);
    if (c) rows.set(id, c);
  }
  await p2.store.close();
  return { rows, log };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { rows, log } = await run(process.argv[2]);
  console.log(log.join('\n'));
  for (const c of rows.values())
    console.log(`${c.caseId}: ${c.state}, owner ${c.owner}, ${c.audit.length} audit entries, pinned to ${c.pack.id}@${c.pack.version}`);
}
