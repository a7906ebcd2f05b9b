// Benchmark of the store, with its baselines in the same run, written to docs/benchmarks.md between
// the store markers (`npm run bench:store`):
// - choosing the pack by date for every record through the pack registry, against a pack resolved
//   beforehand (and against resolving per record, what a host without the registry does);
// - events per second through store.apply on PGlite and on PostgreSQL, against transition() in
//   memory on the same events;
// - deadlines fired per second by the deadline worker, one worker and four at once.
// PostgreSQL is DATABASE_URL, or a server scripts/ci-postgres.sh starts on 127.0.0.1.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createRegistry, evaluatePatrol, type PackSet, type PackSource, type ResolvedPack, resolvePack } from '@gridsafe/engine';
import { type CaseSnapshot, type EscalationEvent, machineRegistry, openCase, transition } from '@gridsafe/escalation';
import { loadSeedPacks } from '@gridsafe/rules';
import type { OverlayOp, PatrolRecord } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';
import { writeBenchSection } from '../../../scripts/bench-section.js';
import { createStore, type Db, pgliteDb, postgresDb } from '../src/index.js';
import { postgresUrl } from '../test/backends.js';

const ok = <T>(r: E.Either<unknown, T>): T => {
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left).slice(0, 500));
  return r.right;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const out: string[] = [];
const loadBefore = loadavg()[0] ?? 0;

// ---------------------------------------------------------------- registry
const seeds = ok(loadSeedPacks());
/** Chibi with a county pack on top of it that makes 400 overlay operations. */
function withCounty(set: PackSet): PackSet {
  const chibi = set.get('chibi')?.[0] as PackSource;
  const items = ok(resolvePack(set, 'chibi')).checklists.flatMap((c) => c.items.map((i) => i.id));
  const overlays: OverlayOp[] = Array.from({ length: 400 }, (_, i) => ({
    op: 'modify',
    target: items[i % items.length] as string,
    set: { lookFor: { zh: `第${i}次`, en: `pass ${i}` } },
    source: [{ seed: '002', clause: '附件1' }],
  }));
  const m = chibi.manifest.data;
  const county: PackSource = {
    manifest: {
      name: 'county/pack.json',
      data: { ...m, id: 'county', version: '1.0.0', extends: ['chibi'], files: [], overlays, region: { ...m.region, code: 'cn.county' } },
    },
    files: [],
  };
  return new Map([...set, ['county', [county]]]);
}
const set = withCounty(seeds);
function patrols(pack: ResolvedPack, n: number): PatrolRecord[] {
  const checklist = pack.checklists.find((c) => c.gridType === 'community') ?? pack.checklists[0];
  if (!checklist) throw new Error('no checklist');
  let seed = 7;
  const r = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  return Array.from({ length: n }, (_, i) => {
    const day = 1 + (i % 28);
    return {
      id: `r${i}`,
      gridId: `g${i % 50}`,
      gridType: checklist.gridType,
      workerId: `w${i % 50}`,
      at: `2026-02-${String(day).padStart(2, '0')}T09:${String(i % 60).padStart(2, '0')}:00+08:00`,
      answers: Object.fromEntries(checklist.items.map((it) => [it.id, it.answer === 'boolean' ? r() < 0.1 : null])),
      photos: [],
    } as unknown as PatrolRecord;
  });
}
out.push('## Store and pack registry (@gridsafe/store, @gridsafe/engine)', '');
out.push(
  `Machine: ${cpus()[0]?.model.trim() ?? 'unknown'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average ${loadBefore.toFixed(1)} at the start (the machine is shared: absolute rates vary, the ratios are measured in the same run). Sources run through tsx.`,
  '',
);
out.push('### Choosing the pack by date for every record', '');
out.push('| pack | records | pre-resolved records/s | registry.at per record, records/s | ratio | resolvePack per record, records/s |');
out.push('| --- | ---: | ---: | ---: | ---: | ---: |');
const goals: string[] = [];
for (const id of ['chibi', 'county']) {
  const registry = createRegistry(set);
  const fixed = ok(registry.at(id, '2026-02-01'));
  const records = patrols(fixed, 20_000);
  const run = (pick: (r: PatrolRecord) => ResolvedPack) => {
    const t = performance.now();
    let hazards = 0;
    for (const rec of records) {
      const r = evaluatePatrol(pick(rec), rec, { explain: false });
      if (E.isRight(r)) hazards += r.right.hazards;
    }
    return { ms: performance.now() - t, hazards };
  };
  const byDate = (rec: PatrolRecord) => ok(registry.at(id, rec.at));
  run(() => fixed);
  run(byDate);
  const a: number[] = [];
  const b: number[] = [];
  for (let round = 0; round < 7; round++) {
    const x = run(() => fixed);
    const y = run(byDate);
    if (x.hazards !== y.hazards) throw new Error('the two variants disagree');
    a.push(x.ms);
    b.push(y.ms);
  }
  // Without the registry: resolve for every record (on a sample, it is slow).
  const sample = records.slice(0, id === 'county' ? 30 : 300);
  const t = performance.now();
  for (const rec of sample) evaluatePatrol(ok(resolvePack(set, id, { asOf: rec.at.slice(0, 10) })), rec, { explain: false });
  const perRecord = sample.length / ((performance.now() - t) / 1000);
  const ratio = median(b) / median(a);
  out.push(
    `| ${id === 'county' ? 'a county pack over Chibi, 400 overlay operations' : 'Chibi'} | ${fmt(records.length)} | ${fmt(records.length / (median(a) / 1000))} | ${fmt(records.length / (median(b) / 1000))} | ${ratio.toFixed(3)}× | ${fmt(perRecord)} |`,
  );
  goals.push(`${id}: choosing by date costs ${ratio.toFixed(3)}× a pre-resolved pack (goal ≤ 1.1×: ${ratio <= 1.1 ? 'met' : 'not met'})`);
}
out.push('', `Goals: ${goals.join('; ')}. Medians of 7 interleaved rounds of \`evaluatePatrol\` (no explanations).`, '');

// ---------------------------------------------------------------- events
const machines = machineRegistry(createRegistry(seeds));
const machine = ok(machines.at('xianyou', '2026-03-02'));
const T = 'xianyou.tier.';
/** Seed 004 case 1, ten events from report to close, for case `id`. */
function lifecycle(id: string): EscalationEvent[] {
  const at = (h: number) => new Date(Date.parse('2026-03-02T09:00:00+08:00') + h * 3_600_000).toISOString();
  const plan = { target: 't', method: 'm', funds: 'f', responsible: 'r', deadline: 'd', safetyMeasures: 's' };
  const e = (type: string, h: number, role: string, extra: object = {}) => ({
    type,
    id: `${id}-${h}`,
    at: at(h),
    actor: 'a',
    role,
    ...extra,
  });
  return [
    e('REPORT', 0, `${T}grid-worker`, { grade: 'major', photos: ['p.jpg'] }),
    e('ESCALATE', 1, `${T}grid-worker`, { reason: 'xianyou.reason.report', note: 'major', to: `${T}township` }),
    e('ACCEPT', 2, `${T}township`),
    e('FORWARD', 3, `${T}township`, { to: 'base.dept.market-supervision' }),
    e('SUBMIT_PLAN', 4, 'base.dept.market-supervision', { plan }),
    e('RESOLVE', 5, 'base.dept.market-supervision', { evidence: ['e.jpg'] }),
    e('VERIFY_FAIL', 6, `${T}grid-worker`, { reason: 'no' }),
    e('RESOLVE', 7, 'base.dept.market-supervision', { evidence: ['e2.jpg'] }),
    e('VERIFY_PASS', 8, `${T}grid-worker`),
    e('CLOSE', 9, `${T}township`),
  ] as EscalationEvent[];
}
function inMemory(cases: number): number {
  const t = performance.now();
  let n = 0;
  for (let i = 0; i < cases; i++) {
    const [report, ...rest] = lifecycle(`m${i}`);
    let c = openCase(machine, `m${i}`, report as never).snapshot as CaseSnapshot;
    for (const e of rest) {
      const r = transition(machine, JSON.parse(JSON.stringify(c)), e);
      if (r.rejected) throw new Error(r.rejected.message.en);
      c = r.snapshot;
      n++;
    }
    JSON.stringify(c);
    n++;
  }
  return n / ((performance.now() - t) / 1000);
}
async function throughStore(db: Db, schema: string, cases: number, clients: number): Promise<number> {
  const store = await createStore({ machines, db, schema });
  const t = performance.now();
  let n = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, k) => {
      for (let i = k; i < cases; i += clients) {
        const id = `s${i}`;
        const [report, ...rest] = lifecycle(id);
        const o = await store.open(id, report as never, { pack: 'xianyou', unit: 'v1' });
        if (o.outcome !== 'applied') throw new Error(JSON.stringify(o));
        n++;
        for (const e of rest) {
          const r = await store.apply(id, e);
          if (r.outcome !== 'applied') throw new Error(JSON.stringify(r).slice(0, 300));
          n++;
        }
      }
    }),
  );
  return n / ((performance.now() - t) / 1000);
}
async function deadlines(db: Db, schema: string, cases: number, workers: number): Promise<number> {
  const store = await createStore({ machines, db, schema });
  for (let i = 0; i < cases; i++) {
    const [report, escalate] = lifecycle(`d${i}`);
    await store.open(`d${i}`, report as never, { pack: 'xianyou', unit: 'v1' });
    await store.apply(`d${i}`, { ...(escalate as object), to: undefined, type: 'ESCALATE', reason: 'xianyou.reason.report' });
  }
  const now = () => new Date('2026-04-01T00:00:00Z');
  const t = performance.now();
  let fired = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      const w = store.deadlineWorker({ now, batch: 20 });
      for (;;) {
        const f = await w.runOnce();
        fired += f.filter((x) => x.result.outcome === 'applied').length;
        if (f.length === 0) break;
      }
    }),
  );
  return fired / ((performance.now() - t) / 1000);
}

const CASES = 150;
const memory = inMemory(CASES * 4);
const dir = mkdtempSync(join(tmpdir(), 'gridsafe-bench-'));
const pglite = await pgliteDb(join(dir, 'pglite'));
const url = postgresUrl();
const pg = await postgresDb(url, { max: 10 });
const schema = (s: string) => `bench_${s}_${Date.now().toString(36)}`;
const rows: [string, number][] = [['transition() in memory (JSON round trip per event)', memory]];
rows.push(['store.apply, PGlite (data directory), 1 client', await throughStore(pglite, 'public', CASES, 1)]);
rows.push(['store.apply, PostgreSQL, 1 client', await throughStore(pg, schema('e1'), CASES, 1)]);
rows.push(['store.apply, PostgreSQL, 8 clients', await throughStore(pg, schema('e8'), CASES, 8)]);
const memoryAfter = inMemory(CASES * 4);
out.push('### Events', '');
out.push(
  `Seed 004's case 1 (ten events from report to close), ${CASES} cases per row; each event one transaction (lock, transition, case + event + due time + outbox).`,
  '',
);
out.push('| variant | events/s | × transition() in memory |', '| --- | ---: | ---: |');
for (const [name, rate] of rows) out.push(`| ${name} | ${fmt(rate)} | ${(rate / memory).toFixed(4)} |`);
out.push('', `transition() in memory measured again after the store rows: ${fmt(memoryAfter)} events/s.`, '');

const D = 200;
const drows: [string, number][] = [];
drows.push(['PGlite, 1 worker', await deadlines(pglite, 'public', D, 1)]);
drows.push(['PostgreSQL, 1 worker', await deadlines(pg, schema('d1'), D, 1)]);
drows.push(['PostgreSQL, 4 workers at once', await deadlines(pg, schema('d4'), D, 4)]);
out.push('### Deadlines', '');
out.push(
  `${D} cases due at once; the workers fire DEADLINE in batches of 20 (FOR UPDATE SKIP LOCKED), each with the case's change, in one transaction per batch.`,
  '',
);
out.push('| variant | deadlines/s | × transition() in memory |', '| --- | ---: | ---: |');
for (const [name, rate] of drows) out.push(`| ${name} | ${fmt(rate)} | ${(rate / memory).toFixed(4)} |`);
await pglite.close();
await pg.close();
rmSync(dir, { recursive: true, force: true });

console.log(out.join('\n'));
writeBenchSection('store', out.join('\n'));
