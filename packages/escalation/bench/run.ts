// Benchmark: transition() on persisted (JSON round-tripped) case snapshots, against baselines run in
// the same process, and the size of a ten-event case. Results go to docs/benchmarks.md, between the
// escalation markers. Run with `npm run bench:escalation`.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { resolvePack } from '@gridsafe/engine';
import { loadPackSet } from '@gridsafe/engine/node';
import * as E from 'fp-ts/lib/Either.js';
import { createActor } from 'xstate';
import { type CaseSnapshot, createEscalationMachine, type EscalationEvent, openCase, transition } from '../src/index.js';

const root = join(import.meta.dirname, '..', '..', '..');
const set = loadPackSet(join(root, 'rules'));
if (E.isLeft(set)) throw new Error('rules/ does not load');
const pack = resolvePack(set.right, 'xianyou');
if (E.isLeft(pack)) throw new Error('xianyou does not resolve');
const built = createEscalationMachine(pack.right);
if (E.isLeft(built)) throw new Error('no machine');
const machine = built.right;

const T = 'xianyou.tier.';
const at = (h: number) => new Date(Date.parse('2026-03-02T09:00:00+08:00') + h * 3_600_000).toISOString();
const plan = { target: 't', method: 'm', funds: 'f', responsible: 'r', deadline: 'd', safetyMeasures: 's' };
// Seed 004 case 1 with a failed check: ten events from report to close.
const report = { id: 'e0', at: at(0), actor: 'chen', role: `${T}grid-worker`, severity: 'major' as const, photos: ['photo-1.jpg'] };
const events: EscalationEvent[] = [
  {
    type: 'ESCALATE',
    id: 'e1',
    at: at(1),
    actor: 'chen',
    role: `${T}grid-worker`,
    reason: 'no permit, no safety facilities',
    to: `${T}township`,
  },
  { type: 'ACCEPT', id: 'e2', at: at(2), actor: 'lin', role: `${T}township` },
  { type: 'FORWARD', id: 'e3', at: at(3), actor: 'lin', role: `${T}township`, to: ['base.dept.market-supervision', 'base.dept.emergency'] },
  { type: 'SUBMIT_PLAN', id: 'e4', at: at(4), actor: 'wu', role: 'base.dept.market-supervision', plan },
  { type: 'RESOLVE', id: 'e5', at: at(5), actor: 'wu', role: 'base.dept.market-supervision', evidence: ['ban-order.pdf'] },
  { type: 'VERIFY_FAIL', id: 'e6', at: at(6), actor: 'chen', role: `${T}grid-worker`, reason: 'cylinders still on site' },
  { type: 'RESOLVE', id: 'e7', at: at(7), actor: 'wu', role: 'base.dept.market-supervision', evidence: ['removal.jpg'] },
  { type: 'VERIFY_PASS', id: 'e8', at: at(8), actor: 'chen', role: `${T}grid-worker` },
  { type: 'CLOSE', id: 'e9', at: at(9), actor: 'lin', role: `${T}township` },
];
const opened = openCase(machine, 'bench', report).snapshot;

/** Best events/s of several timed runs of `cases` whole cases. */
function measure(run: () => number, cases: number): number {
  let best = 0;
  for (let round = 0; round < 6; round++) {
    const t0 = performance.now();
    let n = 0;
    for (let i = 0; i < cases; i++) n += run();
    const s = (performance.now() - t0) / 1000;
    if (round > 0) best = Math.max(best, n / s);
  }
  return best;
}

const persisted = (via: 'rules' | 'xstate') => () => {
  let row = JSON.stringify(opened);
  for (const e of events) {
    const r = transition(machine, JSON.parse(row) as CaseSnapshot, e, { via });
    if (r.rejected) throw new Error(r.rejected.message.en);
    row = JSON.stringify(r.snapshot);
  }
  return events.length;
};
const rows: string[] = [];
{
  let c = opened;
  for (const e of events) {
    c = transition(machine, c, e).snapshot;
    rows.push(JSON.stringify(c));
  }
  if (c.state !== 'closed') throw new Error(`bench case ends in ${c.state}`);
}
const jsonOnly = () => {
  let n = 0;
  for (const row of rows) n += JSON.stringify(JSON.parse(row)).length > 0 ? 1 : 0;
  return n;
};
const actor = () => {
  const a = createActor(machine, { input: { caseId: 'bench' } }).start();
  a.send({ type: 'REPORT', ...report });
  for (const e of events) a.send(e);
  if (a.getSnapshot().context.state !== 'closed') throw new Error('actor did not close');
  a.stop();
  return events.length + 1;
};

const N = 3000;
const rowsOut = [
  ['transition() on persisted snapshots (JSON parse → transition → stringify)', measure(persisted('rules'), N)],
  ["transition({ via: 'xstate' }) on persisted snapshots (XState's pure transition)", measure(persisted('xstate'), N / 5)],
  ['baseline: a long-lived XState actor, in memory, no persistence', measure(actor, N / 5)],
  ['baseline: JSON parse + stringify of the same rows alone', measure(jsonOnly, N)],
] as const;
const final = rows.at(-1) as string;
const size = Buffer.byteLength(final);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const goal = rowsOut[0][1] >= 50_000 && size < 4096;
const body = `## Hazard case transitions (@gridsafe/escalation)

Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}. Run with \`npm run bench:escalation\`; all variants run in one process on the same ten-event Xianyou case (seed 004 case 1 with one failed check: report, skip to the street centre, accept, forward to two departments, plan, resolve, fail, resolve, pass, close). Throughput is the best of five timed runs after a warm-up, on one core.

| variant | events/s | × XState actor |
| --- | ---: | ---: |
${rowsOut.map(([name, v]) => `| ${name} | ${fmt(v)} | ${(v / rowsOut[2][1]).toFixed(2)} |`).join('\n')}

Snapshot of the closed ten-event case: **${size.toLocaleString('en-US')} bytes** of JSON (audit trail included).

Goal (issue 3): at least 50,000 events/s on persisted snapshots and under 4 KB for a ten-event case: **${goal ? 'met' : 'not met'}**.`;
console.log(body);
const file = join(root, 'docs', 'benchmarks.md');
const text = readFileSync(file, 'utf8');
const start = '<!-- escalation:start -->';
const end = '<!-- escalation:end -->';
const block = `${start}\n${body}\n${end}`;
const i = text.indexOf(start);
const j = text.indexOf(end);
writeFileSync(file, i >= 0 && j > i ? text.slice(0, i) + block + text.slice(j + end.length) : `${text.trimEnd()}\n\n${block}\n`);
