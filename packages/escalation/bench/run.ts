// Benchmark: transition() on persisted (JSON round-tripped) case snapshots, against baselines run in
// the same process, and the size of a ten-event case. Results go to docs/benchmarks.md, between the
// escalation markers. Run with `npm run bench:escalation`.
//
// The package is measured as users get it: its built ESM bundle (dist/index.js, built by tsup), not
// its sources through tsx (whose injected helpers, such as `__name` on every closure, cost time in
// the hot loop). The bench rebuilds dist first when a source file is newer than it.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { resolvePack } from '@gridsafe/engine';
import { loadPackSet } from '@gridsafe/engine/node';
import * as E from 'fp-ts/lib/Either.js';
import { createActor } from 'xstate';
import { writeBenchSection } from '../../../scripts/bench-section.js';
import type { CaseSnapshot, EscalationEvent } from '../src/index.js';

const root = join(import.meta.dirname, '..', '..', '..');
const pkg = join(import.meta.dirname, '..');
const newest = (dir: string): number =>
  Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true }).map((d) =>
      d.isDirectory() ? newest(join(dir, d.name)) : statSync(join(dir, d.name)).mtimeMs,
    ),
  );
const built = (() => {
  try {
    return statSync(join(pkg, 'dist', 'index.js')).mtimeMs;
  } catch {
    return 0;
  }
})();
if (built < newest(join(pkg, 'src'))) {
  console.log('dist/ is older than src/: building @gridsafe/escalation alone with tsup');
  execFileSync('npm', ['run', 'build', '--silent', '--', 'escalation'], { cwd: root, stdio: 'inherit' });
}
const lib = (await import(join(pkg, 'dist', 'index.js'))) as typeof import('../src/index.js');
const src = await import('../src/index.js');
const { createEscalationMachine, openCase, transition } = lib;
const loadBefore = loadavg();

const set = loadPackSet(join(root, 'rules'));
if (E.isLeft(set)) throw new Error('rules/ does not load');
const pack = resolvePack(set.right, 'xianyou');
if (E.isLeft(pack)) throw new Error('xianyou does not resolve');
const made = createEscalationMachine(pack.right);
if (E.isLeft(made)) throw new Error('no machine');
const machine = made.right;
// The same machine from the sources (run through tsx), for the reference row only.
const srcMade = src.createEscalationMachine(pack.right);
if (E.isLeft(srcMade)) throw new Error('no machine from the sources');
const srcMachine = srcMade.right;

const T = 'xianyou.tier.';
const at = (m: number) => new Date(Date.parse('2026-03-02T09:00:00+08:00') + m * 60_000).toISOString();
const M = 'base.dept.market-supervision';
const H = 'base.dept.emergency';
// Seed 004 case 1 (a 较大 hazard) as the text tells it: reported with its grid, units, record and item.
const report = {
  id: 'e0',
  at: at(0),
  actor: 'chen',
  role: `${T}grid-worker`,
  grade: 'larger',
  photos: ['photo-1.jpg'],
  where: { grid: 'licheng-chengnei-3', units: { 'xianyou.level.village': 'chengnei', 'xianyou.level.township': 'licheng' } },
  record: { id: 'patrol-2026-03-02-17', item: 'xianyou.pilot.03' },
};
/**
 * Seed 004 case 1 with `fails` failed checks: skip to the street centre, forward to a joint team of
 * two departments, then (each completes, fail) `fails` times, each completes, pass, close.
 * 6 + 3 × fails events after the report.
 */
function caseEvents(fails: number): EscalationEvent[] {
  let m = 0;
  const next = () => ++m;
  const events: EscalationEvent[] = [
    {
      type: 'ESCALATE',
      id: 'e1',
      at: at(next()),
      actor: 'chen',
      role: `${T}grid-worker`,
      reason: 'xianyou.reason.report',
      note: 'no permit, no safety facilities',
      to: `${T}township`,
    },
    { type: 'FORWARD', id: 'e2', at: at(next()), actor: 'lin', role: `${T}township`, to: [M, H] },
  ];
  for (let k = 0; k < fails; k++)
    events.push(
      { type: 'RESOLVE', id: `m${k}`, at: at(next()), actor: 'wu', role: M, evidence: [`ban-order-${k}.pdf`] },
      { type: 'RESOLVE', id: `h${k}`, at: at(next()), actor: 'zheng', role: H, evidence: [`cylinders-${k}.jpg`] },
      { type: 'VERIFY_FAIL', id: `f${k}`, at: at(next()), actor: 'chen', role: `${T}grid-worker`, reason: 'cylinders still on site' },
    );
  events.push(
    { type: 'RESOLVE', id: 'e6', at: at(next()), actor: 'wu', role: M, evidence: ['removal.jpg'] },
    { type: 'RESOLVE', id: 'e7', at: at(next()), actor: 'zheng', role: H, evidence: ['site-clear.jpg'] },
    { type: 'VERIFY_PASS', id: 'e8', at: at(next()), actor: 'chen', role: `${T}grid-worker` },
    { type: 'CLOSE', id: 'e9', at: at(next()), actor: 'lin', role: `${T}township` },
  );
  return events;
}

/** Rows of 10, 100 and 1,000 events: the audit trail grows with the case. */
const LENGTHS = [10, 100, 1000];
interface Workload {
  events: EscalationEvent[];
  /** The stored row after each event (the first after REPORT). */
  rows: string[];
  final: string;
}
const workloads = new Map<number, Workload>(
  LENGTHS.map((len) => {
    const events = caseEvents((len - 7) / 3);
    const after: CaseSnapshot[] = [openCase(machine, 'bench', report).snapshot];
    for (const e of events) {
      const r = transition(machine, after.at(-1) as CaseSnapshot, e);
      if (r.rejected) throw new Error(`${len}-event case: ${r.rejected.message.en}`);
      after.push(r.snapshot);
    }
    if ((after.at(-1) as CaseSnapshot).state !== 'closed')
      throw new Error(`the ${len}-event case ends in ${(after.at(-1) as CaseSnapshot).state}`);
    if (after.length !== len) throw new Error(`the ${len}-event case has ${after.length} events`);
    const rows = after.map((c) => JSON.stringify(c));
    return [len, { events, rows, final: rows.at(-1) as string }];
  }),
);

/**
 * A host applying the events to a stored case: REPORT opens it (there is no row yet), then each
 * event parses the stored row, applies the event with transition() and stringifies the new row.
 */
const persisted =
  (lib: Pick<typeof import('../src/index.js'), 'openCase' | 'transition'>, m: typeof machine, via: 'rules' | 'xstate', w: Workload) =>
  () => {
    let row = JSON.stringify(lib.openCase(m, 'bench', report).snapshot);
    for (const e of w.events) {
      const r = lib.transition(m, JSON.parse(row) as CaseSnapshot, e, { via });
      if (r.rejected) throw new Error(r.rejected.message.en);
      row = JSON.stringify(r.snapshot);
    }
    if (row.length !== w.final.length) throw new Error('the persisted run ends in another case');
    return w.events.length + 1;
  };
/** The same JSON work alone: parse each stored row before an event, stringify the row after it. */
const jsonOnly = (w: Workload) => () => {
  let n = w.rows[0] ? 1 : 0;
  for (let i = 1; i < w.rows.length; i++) {
    const before = JSON.parse(w.rows[i - 1] as string) as CaseSnapshot;
    n += before.rework >= 0 && JSON.stringify(JSON.parse(w.rows[i] as string)).length > 0 ? 1 : 0;
  }
  return n;
};
/**
 * XState's own way to keep an actor durable, like for like: for each event, restore the actor from
 * the stored row (`createActor(machine, { snapshot })`), send the event, and store
 * `getPersistedSnapshot()` as JSON.
 */
const xstatePersisted = (w: Workload) => () => {
  const first = createActor(machine, { input: { caseId: 'bench' } }).start();
  first.send({ type: 'REPORT', ...report });
  let row = JSON.stringify(first.getPersistedSnapshot());
  first.stop();
  for (const e of w.events) {
    const a = createActor(machine, { snapshot: JSON.parse(row), input: { caseId: 'bench' } }).start();
    a.send(e);
    row = JSON.stringify(a.getPersistedSnapshot());
    a.stop();
  }
  if ((JSON.parse(row) as { context: CaseSnapshot }).context.state !== 'closed') throw new Error('the restored actor did not close');
  return w.events.length + 1;
};
/** A long-lived actor in memory, nothing stored: not like for like, for reference. */
const actor = (w: Workload) => () => {
  const a = createActor(machine, { input: { caseId: 'bench' } }).start();
  a.send({ type: 'REPORT', ...report });
  for (const e of w.events) a.send(e);
  if (a.getSnapshot().context.state !== 'closed') throw new Error('actor did not close');
  a.stop();
  return w.events.length + 1;
};

interface Variant {
  name: string;
  len: number;
  run: () => number;
  /** Whole cases per timed run. */
  cases: number;
}
/** Cases per timed run: about 30,000 events for each variant and length. */
const cases = (len: number, slow = 1) => Math.max(2, Math.round(30_000 / len / slow));
const variants: (Variant & { rates: number[] })[] = LENGTHS.flatMap((len): Variant[] => {
  const w = workloads.get(len) as Workload;
  return [
    {
      name: 'transition() on persisted rows (JSON parse → transition → stringify)',
      len,
      run: persisted(lib, machine, 'rules', w),
      cases: cases(len),
    },
    {
      name: "transition({ via: 'xstate' }) on persisted rows (XState's pure transition)",
      len,
      run: persisted(lib, machine, 'xstate', w),
      cases: cases(len, 4),
    },
    {
      name: 'XState actor restored from each persisted row (createActor with snapshot → send → getPersistedSnapshot → stringify)',
      len,
      run: xstatePersisted(w),
      cases: cases(len, 4),
    },
    { name: 'baseline: the same JSON parse + stringify alone, no transition', len, run: jsonOnly(w), cases: cases(len) },
    { name: 'reference: a long-lived XState actor in memory, nothing stored', len, run: actor(w), cases: cases(len, 2) },
    {
      name: 'reference: transition() on persisted rows, sources through tsx (not the built package)',
      len,
      run: persisted(src, srcMachine as unknown as typeof machine, 'rules', w),
      cases: cases(len),
    },
  ];
}).map((v) => ({ ...v, rates: [] }));
// Rounds interleave the variants, so that a change in the machine's load hits all of them alike.
const ROUNDS = 6;
for (let round = 0; round < ROUNDS; round++)
  for (const v of variants) {
    const t0 = performance.now();
    let n = 0;
    for (let i = 0; i < v.cases; i++) n += v.run();
    const s = (performance.now() - t0) / 1000;
    if (round > 0) v.rates.push(n / s);
  }
const median = (v: { rates: number[] }) => {
  const r = [...v.rates].sort((x, y) => x - y);
  return ((r[(r.length - 1) >> 1] as number) + (r[r.length >> 1] as number)) / 2;
};
const loadAfter = loadavg();
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(', ');
const of = (prefix: string, len: number) => variants.find((v) => v.len === len && v.name.startsWith(prefix)) as (typeof variants)[number];
const tables = LENGTHS.map((len) => {
  const json = median(of('baseline: the same JSON', len));
  const xs = median(of('XState actor restored', len));
  const size = Buffer.byteLength((workloads.get(len) as Workload).final);
  return [
    `### A case of ${len.toLocaleString('en-US')} events (closed row: ${size.toLocaleString('en-US')} bytes, audit trail included)`,
    '',
    '| variant | events/s (median) | × JSON alone | × restored XState actor |',
    '| --- | ---: | ---: | ---: |',
    ...variants
      .filter((v) => v.len === len)
      .map((v) => `| ${v.name} | ${fmt(median(v))} | ${(median(v) / json).toFixed(2)} | ${(median(v) / xs).toFixed(2)} |`),
  ].join('\n');
});
const ten = median(of('transition() on persisted rows', 10));
const size10 = Buffer.byteLength((workloads.get(10) as Workload).final);
const goal = ten >= 50_000 && size10 < 4096;
const body = `## Hazard case transitions (@gridsafe/escalation)

Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average ${load(loadBefore)} before the run and ${load(loadAfter)} after (1, 5, 15 min; other work was running on the machine). Run with \`npm run bench:escalation\`.

What runs: the **built package** (\`packages/escalation/dist/index.js\`, the ESM bundle tsup builds and npm ships; the bench rebuilds it when a source file is newer), not the TypeScript sources; one reference row runs the sources through tsx. All variants run in one process on the same Xianyou cases: seed 004 case 1 as the text tells it (a 较大 hazard reported with its grid, units, record and item; skip to the street centre, forward to a joint team of two departments, each completes, pass, close; the case keeps where and what it is, its evidence, the team and each completion) with failed checks repeated so that the case has 10, 100 or 1,000 events, its audit trail growing with it. The persisted variants do what a host keeping cases as JSON rows does for each event: \`JSON.parse\` the stored row, apply the event, \`JSON.stringify\` the new row. The like-for-like XState baseline does the same with XState's own persistence: an actor restored from the stored row, the event sent, \`getPersistedSnapshot()\` stored. The JSON baseline does the parses and stringifies alone, the ceiling for any persisted variant. Runs are interleaved (${ROUNDS - 1} timed rounds after a warm-up round) and each variant's median round counts.

${tables.join('\n\n')}

Each event parses and writes the whole row, audit trail included, so the cost of an event grows with the length of the case for every persisted variant, JSON alone too; the tables show by how much.

Goal (issue 3): at least 50,000 events/s on persisted rows and under 4 KB for a ten-event case: **${goal ? 'met' : 'not met'}** (median ${fmt(ten)} events/s; ${size10.toLocaleString('en-US')} bytes).`;
console.log(body);
writeBenchSection('escalation', body);
