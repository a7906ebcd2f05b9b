// Example 4: a host that keeps hazard cases as JSON rows (a JSON file in a directory), applies
// events with the pure transition(), fires DEADLINE from its own clock loop, and survives a restart
// halfway: the second "process" builds a fresh machine and carries on from the stored rows.
//
//   npx tsx examples/04-escalation-host/index.ts [directory]
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolvePack } from '@gridsafe/engine';
import { loadPackSet } from '@gridsafe/engine/node';
import {
  type CaseSnapshot,
  createEscalationMachine,
  dueCases,
  type Effect,
  type EscalationEvent,
  type EscalationMachine,
  openCase,
  transition,
} from '@gridsafe/escalation';
import * as E from 'fp-ts/lib/Either.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const T = 'xianyou.tier.';
const hour = (h: number) => new Date(Date.parse('2026-03-02T09:00:00+08:00') + h * 3_600_000).toISOString();

/** Build the machine of the pack version a case is pinned to (here every case is on xianyou@1.0.0). */
function machine(): EscalationMachine {
  const set = loadPackSet(here('../../rules'));
  if (E.isLeft(set)) throw new Error('rules/ does not load');
  const pack = resolvePack(set.right, 'xianyou', { asOf: '2026-03-02' });
  if (E.isLeft(pack)) throw new Error('xianyou does not resolve');
  const m = createEscalationMachine(pack.right);
  if (E.isLeft(m)) throw new Error(m.left.map((i) => i.message.en).join('; '));
  return m.right;
}

/** The host's table: one JSON row per case. */
class CaseTable {
  constructor(private file: string) {}
  load(): Map<string, CaseSnapshot> {
    return new Map(existsSync(this.file) ? (JSON.parse(readFileSync(this.file, 'utf8')) as [string, CaseSnapshot][]) : []);
  }
  save(rows: Map<string, CaseSnapshot>) {
    writeFileSync(this.file, JSON.stringify([...rows], null, 1));
  }
}

/** One host process: apply events to rows and carry out effects (here: print them). */
function host(table: CaseTable, log: string[]) {
  const m = machine();
  const rows = table.load();
  const effects = (id: string, fx: Effect[]) => {
    for (const f of fx)
      if (f.type === 'notify') log.push(`  ${id}: notify ${f.to} (${f.why})`);
      else if (f.type === 'scheduleDeadline') log.push(`  ${id}: due ${f.at}`);
  };
  const apply = (id: string, e: EscalationEvent) => {
    const row = rows.get(id);
    if (!row) throw new Error(`no case ${id}`);
    const r = transition(m, row, e);
    if (r.duplicate) log.push(`${id}: ${e.type} ${e.id} already applied, ignored`);
    else if (r.rejected) log.push(`${id}: ${e.type} rejected: ${r.rejected.message.en}`);
    else log.push(`${id}: ${e.type} → ${r.snapshot.state} (${r.snapshot.owner})`);
    effects(id, r.effects);
    rows.set(id, r.snapshot);
    table.save(rows);
  };
  const open = (id: string, report: Parameters<typeof openCase>[2]) => {
    const r = openCase(m, id, report);
    if (r.rejected) throw new Error(r.rejected.message.en);
    log.push(`${id}: REPORT → ${r.snapshot.state}`);
    effects(id, r.effects);
    rows.set(id, r.snapshot);
    table.save(rows);
  };
  /** The host's own deadline loop: every hour of its clock, DEADLINE to every case that is due. */
  const tick = (now: string) => {
    for (const c of dueCases(rows.values(), now))
      apply(c.caseId, { type: 'DEADLINE', id: `deadline:${c.caseId}:${c.due?.at}`, at: now, actor: 'scheduler', role: 'system' });
  };
  return { rows, apply, open, tick };
}

/** Run the two processes in `dir`; returns the rows at the end and what was printed. */
export function run(dir = mkdtempSync(join(tmpdir(), 'gridsafe-cases-'))): { rows: Map<string, CaseSnapshot>; log: string[] } {
  const table = new CaseTable(join(dir, 'cases.json'));
  const log: string[] = ['— process 1 —'];
  const p1 = host(table, log);
  // Seed 004 case 1: an LPG filling point in rental housing, a "larger" (较大) hazard, photographed,
  // straight to the street centre.
  p1.open('lpg', {
    id: 'lpg-1',
    at: hour(0),
    actor: 'chen',
    role: `${T}grid-worker`,
    grade: 'larger',
    photos: ['lpg.jpg'],
    description: 'LPG filling point in rental housing',
  });
  p1.apply('lpg', {
    type: 'ESCALATE',
    id: 'lpg-2',
    at: hour(0.5),
    actor: 'chen',
    role: `${T}grid-worker`,
    reason: 'xianyou.reason.report',
    note: 'no permit, no safety facilities',
    to: `${T}township`,
  });
  p1.apply('lpg', { type: 'ACCEPT', id: 'lpg-3', at: hour(1), actor: 'lin', role: `${T}township` });
  // A general hazard a village platform does not get to in time: overdue, it goes under supervision.
  p1.open('stairs', {
    id: 'st-1',
    at: hour(1),
    actor: 'zhang',
    role: `${T}grid-worker`,
    grade: 'general',
    photos: ['stairs.jpg'],
    description: 'blocked fire escape',
  });
  p1.apply('stairs', {
    type: 'ESCALATE',
    id: 'st-2',
    at: hour(2),
    actor: 'zhang',
    role: `${T}grid-worker`,
    reason: 'xianyou.reason.report',
    note: 'owner refuses',
  });

  // The process stops here; everything in memory is gone. The rows are on disk.
  log.push('— restart: process 2 —');
  const p2 = host(table, log);
  const delivered: EscalationEvent = {
    type: 'FORWARD',
    id: 'lpg-4',
    at: hour(2),
    actor: 'lin',
    role: `${T}township`,
    to: 'base.dept.market-supervision',
  };
  p2.apply('lpg', delivered);
  p2.apply('lpg', delivered); // at-least-once delivery: the same event again
  p2.apply('lpg', {
    type: 'RESOLVE',
    id: 'lpg-6',
    at: hour(5),
    actor: 'wu',
    role: 'base.dept.market-supervision',
    evidence: ['ban-order.pdf'],
  });
  p2.apply('lpg', { type: 'VERIFY_PASS', id: 'lpg-7', at: hour(6), actor: 'chen', role: `${T}grid-worker` });
  p2.apply('lpg', { type: 'CLOSE', id: 'lpg-8', at: hour(7), actor: 'lin', role: `${T}township` });
  for (let h = 8; h <= 24 * 4; h++) p2.tick(hour(h));
  return { rows: table.load(), log };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { rows, log } = run(process.argv[2]);
  console.log(log.join('\n'));
  for (const c of rows.values())
    console.log(`${c.caseId}: ${c.state}, owner ${c.owner}, ${c.audit.length} audit entries, pinned to ${c.pack.id}@${c.pack.version}`);
}
