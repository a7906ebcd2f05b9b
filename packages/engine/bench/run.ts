// Benchmark of patrol evaluation: json-rules-engine, hand-written code, the kernel and every public
// call, on the same records in one process, then the cost per rule as packs grow, then `gridsafe
// check` against a bare read-and-parse loop. Results go to docs/benchmarks.md. Run with
// `npm run bench:engine`. The public calls come from the built package (dist/), as npm ships it.
import { join } from 'node:path';
import type { ChecklistFile, FactDecl } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';
import { writeBenchSection } from '../../../scripts/bench-section.js';
import type { ChecklistKernel } from '../src/compile/kernel.js';
import { closureChecklist, generateChecklist, instantiateChecklist } from '../src/compile/kernel.js';
import { itemConditions } from '../src/evaluate/compiled.js';
import { checkBench } from './check.js';
import { growthBench } from './growth.js';
import { handArranged, handHost } from './handwritten.js';
import { ensureBuilt, fmt, machine, measure, ROOT, repeat, verdict } from './harness.js';
import { arranged, HAZARD_RATE, hostRecords, jreCodes, jreEngine } from './workload.js';

ensureBuilt(['schema', 'engine', 'escalation', 'scoring', 'cli']);
const lib = (await import(join(ROOT, 'packages/engine/dist/index.js'))) as typeof import('../src/index.js');
const node = (await import(join(ROOT, 'packages/engine/dist/node.js'))) as typeof import('../src/node.js');

const N = Number(process.env.BENCH_RECORDS ?? 10_000);
/** Passes over the records per timed round for the fast variants, so that each round takes long enough to time. */
const PASSES = Number(process.env.BENCH_PASSES ?? 20);
const started = machine();

const set = node.loadPackSet(join(ROOT, 'rules'));
if (E.isLeft(set)) throw new Error('rules/ does not load');
const resolved = lib.resolvePack(set.right, 'chibi');
if (E.isLeft(resolved)) throw new Error('chibi does not resolve');
const pack = resolved.right;
const checklist = pack.checklists.find((c) => c.gridType === 'community') as ChecklistFile;
const named = lib.namedConditions(pack);
const catalog = new Map<string, FactDecl>(pack.catalogs.flatMap((c) => c.facts.map((f) => [f.id, f] as const)));

const recs = hostRecords(checklist, catalog, named, N);
const n = checklist.items.length;
const spec = itemConditions(checklist.items);
const src = generateChecklist(spec, named);
const kernels: Record<string, ChecklistKernel> = {
  codegen: instantiateChecklist(src),
  closure: closureChecklist(spec, named, src.slots),
};
const arr = arranged(checklist, recs, src.slots);
const facts = recs.map((r) => r.facts);
const runKernel = (k: ChecklistKernel, out: Uint8Array) => () => {
  for (let r = 0; r < arr.length; r++) {
    const a = arr[r] as (typeof arr)[number];
    k(a.fv, a.answers, a.photos, out, r * n);
  }
};

// Every variant's verdict on every record, compared with json-rules-engine's before anything is timed.
const engine = jreEngine(checklist, named);
const expected: number[][] = [];
for (const rec of recs) expected.push(await jreCodes(engine, checklist, rec));
const flat = Uint8Array.from(expected.flat());
const hazardsIn = flat.reduce((k, c) => k + (c > 0 ? 1 : 0), 0);
const recordsWithHazards = expected.filter((c) => c.some((x) => x > 0)).length;
const same = (name: string, got: ArrayLike<number>) => {
  for (let i = 0; i < flat.length; i++)
    if (got[i] !== flat[i]) throw new Error(`${name} disagrees with json-rules-engine at record ${Math.floor(i / n)}`);
};
for (const [name, k] of Object.entries(kernels)) {
  const out = new Uint8Array(N * n);
  runKernel(k, out)();
  same(`kernel (${name})`, out);
}
const handOut = new Uint8Array(N * n);
handArranged(arr, facts, handOut);
same('hand-written (arrays)', handOut);
const codesOf = (findings: { item: string; status?: string; severity?: string }[]) => {
  const codes = new Array<number>(n).fill(0);
  for (const f of findings)
    if (f.status === undefined || f.status === 'hazard')
      codes[checklist.items.findIndex((i) => i.id === f.item)] = f.severity === 'major' ? 2 : 1;
  return codes;
};
const patrol = lib.compilePatrol(pack);
const csp = lib.compilePatrol(pack, { mode: 'closure' });
const resolver = lib.createResolver(set.right);
const check = (name: string, each: (rec: (typeof recs)[number]) => { findings: { item: string; status?: string; severity?: string }[] }) =>
  same(
    name,
    recs.flatMap((rec) => codesOf(each(rec).findings)),
  );
const right = <T>(r: E.Either<unknown, T>): T => {
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left).slice(0, 300));
  return r.right;
};
check('hand-written (host records)', handHost);
check('compilePatrol().summarize', (r) => right(patrol.summarize(r)));
check('compilePatrol().evaluate', (r) => right(patrol.evaluate(r)));
check('compilePatrol({ mode: closure }).summarize', (r) => right(csp.summarize(r)));
check('evaluatePatrol', (r) => right(lib.evaluatePatrol(pack, r)));
check('by-date resolver', (r) => right(lib.evaluatePatrol(right(resolver.at('chibi', r.at.slice(0, 10))), r)));
same(
  'evaluateBatch',
  patrol.evaluateBatch(recs, { explain: false }).results.flatMap((r) => codesOf(right(r).findings)),
);

const out = new Uint8Array(N * n);
const units = N * PASSES;
const rows = await measure([
  {
    name: 'json-rules-engine, one engine reused (async, as it runs)',
    units: N,
    run: async () => {
      for (const rec of recs) await jreCodes(engine, checklist, rec);
    },
  },
  { name: 'hand-written TypeScript on host records (counts and hazards, no checks)', units, run: repeat(PASSES, () => recs.map(handHost)) },
  { name: 'hand-written TypeScript on pre-arranged arrays', units, run: repeat(PASSES, () => handArranged(arr, facts, out)) },
  {
    name: 'kernel, generated code, on pre-arranged arrays',
    units,
    run: repeat(PASSES, runKernel(kernels.codegen as ChecklistKernel, out)),
  },
  {
    name: 'kernel, closures (CSP-safe), on pre-arranged arrays',
    units,
    run: repeat(PASSES, runKernel(kernels.closure as ChecklistKernel, out)),
  },
  {
    name: '`compilePatrol(pack).summarize(record, { explain: false })` (counts and hazards)',
    units,
    run: repeat(PASSES, () => recs.map((r) => patrol.summarize(r, { explain: false }))),
  },
  {
    name: '`compilePatrol(pack).summarize(record)` (counts and hazards, hazards explained)',
    units,
    run: repeat(PASSES, () => recs.map((r) => patrol.summarize(r))),
  },
  {
    name: '`compilePatrol(pack).evaluate(record, { explain: false })` (every finding)',
    units,
    run: repeat(PASSES, () => recs.map((r) => patrol.evaluate(r, { explain: false }))),
  },
  {
    name: '`compilePatrol(pack).evaluate(record)` (every finding, hazards explained)',
    units,
    run: repeat(PASSES, () => recs.map((r) => patrol.evaluate(r))),
  },
  {
    name: '`compilePatrol(pack).evaluateBatch(records, { explain: false })`',
    units,
    run: repeat(PASSES, () => patrol.evaluateBatch(recs, { explain: false })),
  },
  {
    name: "`compilePatrol(pack, { mode: 'closure' }).summarize(record)` (CSP-safe)",
    units,
    run: repeat(PASSES, () => recs.map((r) => csp.summarize(r))),
  },
  {
    name: '`evaluatePatrol(pack, record, { explain: false })`',
    units,
    run: repeat(PASSES, () => recs.map((r) => lib.evaluatePatrol(pack, r, { explain: false }))),
  },
  {
    name: '`evaluatePatrol(pack, record)` (hazards explained, the default)',
    units,
    run: repeat(PASSES, () => recs.map((r) => lib.evaluatePatrol(pack, r))),
  },
  {
    name: '`evaluatePatrol(resolver.at(pack, day), record)`: the by-date resolver for each record',
    units,
    run: repeat(PASSES, () => recs.map((r) => lib.evaluatePatrol(right(resolver.at('chibi', r.at.slice(0, 10))), r))),
  },
]);

const rate = (prefix: string) => (rows.find((r) => r.name.startsWith(prefix)) as (typeof rows)[number]).median;
const jre = rate('json-rules-engine');
const hand = rate('hand-written TypeScript on host records');
const table = [
  '| call | records/s (median) | records/s (best) | × json-rules-engine | hand-written ÷ it |',
  '| --- | ---: | ---: | ---: | ---: |',
  ...rows.map(
    (r) => `| ${r.name} | ${fmt(r.median)} | ${fmt(r.best)} | ${(r.median / jre).toFixed(1)} | ${(hand / r.median).toFixed(2)} |`,
  ),
].join('\n');
const summarize = rate('`compilePatrol(pack).summarize(record, { explain: false })');
const evaluateFull = rate('`compilePatrol(pack).evaluate(record, { explain: false })');
const patrolDefault = rate('`evaluatePatrol(pack, record)`');
const patrolPlain = rate('`evaluatePatrol(pack, record, { explain: false })');
const byDate = rate('`evaluatePatrol(resolver.at');
const goals = [
  `- \`compilePatrol(pack).summarize\`, counts and hazards as the hand-written function gives them: ${(summarize / jre).toFixed(0)}× json-rules-engine (goal ≥ 50×: ${verdict(summarize / jre >= 50)}); hand-written ÷ it ${(hand / summarize).toFixed(2)} (goal ≤ 3: ${verdict(hand / summarize <= 3)}).`,
  `- \`compilePatrol(pack).evaluate\`, every finding: ${(evaluateFull / jre).toFixed(0)}× json-rules-engine (goal ≥ 50×: ${verdict(evaluateFull / jre >= 50)}); hand-written ÷ it ${(hand / evaluateFull).toFixed(2)} (goal ≤ 3: ${verdict(hand / evaluateFull <= 3)}).`,
  `- \`evaluatePatrol\`: ${(patrolDefault / jre).toFixed(0)}× json-rules-engine with hazards explained, ${(patrolPlain / jre).toFixed(0)}× without (goal ≥ 30×: ${verdict(Math.min(patrolDefault, patrolPlain) / jre >= 30)}).`,
  `- The by-date resolver costs ${(patrolDefault / byDate).toFixed(2)}× a pre-resolved pack (goal ≤ 1.1×: ${verdict(patrolDefault / byDate <= 1.1)}). This is \`createResolver\`, which resolves on each call; the pack registry (\`createRegistry\`), which resolves each version once, is measured in the store section below.`,
].join('\n');

const growth = await growthBench(lib);
const body = [
  '## Patrol evaluation (@gridsafe/engine)',
  '',
  `Machine: ${started}. Run with \`npm run bench:engine\`.`,
  '',
  `What runs: the public calls come from the **built package** (\`packages/engine/dist/index.js\`, the bundle npm ships; the bench runs \`npm run build\` first when a source is newer than it). The kernel rows use the kernel's generator from the sources (it is not a public export); its code is generated at run time either way. json-rules-engine is the npm package.`,
  '',
  `The records: ${N.toLocaleString('en')} Chibi community patrol records (13 items) as a host receives them (parsed JSON, answers by item id, photos, the four facts the conditions read), the same records for every row. ${(HAZARD_RATE * 100).toFixed(0)}% of answers are hazards (a local assumption from the demo's month of about 20 hazards a grid; 3% of items are left unanswered): ${hazardsIn.toLocaleString('en')} hazards in ${recordsWithHazards.toLocaleString('en')} of the records. Before timing, every row's verdict on every record (hazard, major or not, per item) is compared with json-rules-engine's, and all agree.`,
  '',
  `How: the rows run interleaved, round by round (a warm-up round, then ${rows[0]?.rounds ?? 7} timed rounds), each timed by the process's CPU time, and each row's **median** round counts; ratios are of medians. json-rules-engine does one pass over the records per round, the other rows ${PASSES} passes.`,
  '',
  table,
  '',
  'Goals (issue 17), on records as a host receives them:',
  '',
  goals,
  '',
  growth,
].join('\n');
writeBenchSection('engine-patrol', body);
console.log(body);

const cli = await checkBench();
writeBenchSection('engine-check', cli);
console.log(cli);
