import type { ChecklistFile, FactDecl } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';
import { writeBenchSection } from '../../../scripts/bench-section.js';
import { compileClosure } from '../src/compile/closure.js';
import { type ChecklistKernel, type Explainer, generateChecklist, instantiateChecklist } from '../src/compile/codegen.js';
import type { Facts, NamedConditions } from '../src/compile/types.js';
import { closureKernel, compileAll, explainersFor } from '../src/evaluate/compiled.js';
import { evaluatePatrol, resolvePack } from '../src/index.js';
import { loadPackSet } from '../src/node.js';
import { handwritten } from './handwritten.js';
import { machine, measureAsync, measureInterleaved } from './harness.js';
import { syntheticPack } from './synthetic.js';
import { jreEngine, jreVerdict, records, type SyntheticRecord, verdict } from './workload.js';

const N = Number(process.env.BENCH_RECORDS ?? 100_000);
const N_JRE = Math.min(N, Number(process.env.BENCH_JRE_RECORDS ?? 5_000));

interface Compiled {
  kernel: ChecklistKernel;
  explainHazard: Explainer[];
  explainMajor: (Explainer | undefined)[];
}

function compile(checklist: ChecklistFile, named: NamedConditions, mode: 'codegen' | 'closure'): Compiled {
  const spec = checklist.items.map((i) => ({ hazard: i.hazardWhen, ...(i.severity.majorWhen ? { major: i.severity.majorWhen } : {}) }));
  const explainHazard = explainersFor(
    spec.map((x) => x.hazard),
    named,
    mode,
  );
  const majors = explainersFor(
    spec.map((x) => x.major ?? x.hazard),
    named,
    mode,
  );
  const explainMajor = spec.map((x, i) => (x.major ? majors[i] : undefined));
  if (mode === 'codegen') return { kernel: instantiateChecklist(generateChecklist(spec, named)), explainHazard, explainMajor };
  const hazard = compileAll(
    spec.map((x) => x.hazard),
    named,
    'closure',
  );
  const major = spec.map((x) => (x.major ? compileClosure(x.major, named) : undefined));
  return {
    explainHazard,
    explainMajor,
    kernel: closureKernel(hazard, major),
  };
}

/** Evaluate every record; codes[r * items + i] = 0 ok/unanswered, 1 hazard, 2 hazard + major. */
function run(c: Compiled, recs: SyntheticRecord[], n: number, out: Uint8Array, explainMode?: { all: boolean }): void {
  const photos = new Array<number>(n).fill(0);
  for (let r = 0; r < recs.length; r++) {
    const rec = recs[r] as SyntheticRecord;
    c.kernel(rec.facts as Facts, rec.answers, photos, out, r * n);
    if (!explainMode) continue;
    for (let i = 0; i < n; i++) {
      const code = out[r * n + i] as number;
      const a = rec.answers[i];
      if (a === null || a === undefined || (code === 0 && !explainMode.all)) continue;
      (c.explainHazard[i] as Explainer)(rec.facts as Facts, a, 0);
      if (code > 0) c.explainMajor[i]?.(rec.facts as Facts, a, 0);
    }
  }
}

const equal = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

async function workload(label: string, checklist: ChecklistFile, catalog: Map<string, FactDecl>, named: NamedConditions) {
  const recs = records(checklist, catalog, N);
  const n = checklist.items.length;
  const codegen = compile(checklist, named, 'codegen');
  const closure = compile(checklist, named, 'closure');
  const buf = () => new Uint8Array(recs.length * n);
  const [a, b, c] = [buf(), buf(), buf()];
  run(codegen, recs, n, a);
  run(closure, recs, n, b);
  run(codegen, recs, n, c, { all: true });
  if (!equal(a, b) || !equal(a, c)) throw new Error(`${label}: compiled variants disagree`);
  const hand = handwritten[checklist.id];
  if (hand) {
    const d = buf();
    hand(recs, d);
    if (!equal(a, d)) throw new Error(`${label}: hand-written function disagrees`);
  }
  const engine = jreEngine(checklist, named);
  const jreRecs = recs.slice(0, N_JRE);
  for (let r = 0; r < jreRecs.length; r++) {
    const expected = verdict(Array.from(a.subarray(r * n, (r + 1) * n)));
    const got = await jreVerdict(engine, jreRecs[r] as SyntheticRecord);
    if (got !== expected) throw new Error(`${label}: json-rules-engine disagrees on record ${r}: ${got} vs ${expected}`);
  }
  const out = buf();
  const rows = [
    ...measureInterleaved(recs.length, [
      { name: 'compiled (generated code)', fn: () => run(codegen, recs, n, out) },
      { name: 'compiled (closures, CSP-safe)', fn: () => run(closure, recs, n, out) },
      { name: 'compiled + explanations of hazards (default)', fn: () => run(codegen, recs, n, out, { all: false }) },
      { name: 'compiled + explanations of every answer', fn: () => run(codegen, recs, n, out, { all: true }) },
      ...(hand ? [{ name: 'hand-written TypeScript', fn: () => hand(recs, out) }] : []),
    ]),
    await measureAsync('json-rules-engine (one engine reused)', jreRecs.length, async () => {
      for (const rec of jreRecs) await jreVerdict(engine, rec);
    }),
  ];
  return { label, items: n, records: recs.length, rows };
}

function table(w: Awaited<ReturnType<typeof workload>>): string {
  const jre = w.rows.find((r) => r.name.startsWith('json-rules-engine'))?.perSecond ?? 1;
  const compiled = w.rows[0]?.perSecond ?? 1;
  const lines = [
    `### ${w.label}: ${w.items} rules, ${w.records.toLocaleString('en')} records`,
    '',
    '| variant | records/s | × json-rules-engine | × compiled |',
    '| --- | ---: | ---: | ---: |',
    ...w.rows.map(
      (r) =>
        `| ${r.name} | ${Math.round(r.perSecond).toLocaleString('en')} | ${(r.perSecond / jre).toFixed(1)} | ${(r.perSecond / compiled).toFixed(2)} |`,
    ),
  ];
  const rate = (prefix: string) => w.rows.find((r) => r.name.startsWith(prefix))?.perSecond;
  const hand = rate('hand-written');
  const explained = rate('compiled + explanations of hazards') ?? 0;
  const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
  const goals = [
    `compiled ${(compiled / jre).toFixed(0)}× json-rules-engine (goal ≥ 50×: ${verdict(compiled / jre >= 50)})`,
    ...(hand ? [`hand-written ${(hand / compiled).toFixed(2)}× compiled (goal ≤ 3×: ${verdict(hand / compiled <= 3)})`] : []),
    `explaining hazards costs ${(compiled / explained).toFixed(2)}× plain evaluation (goal ≤ 3×: ${verdict(compiled / explained <= 3)})`,
  ];
  lines.push('', `Goals: ${goals.join('; ')}.`);
  return lines.join('\n');
}

async function main() {
  const set = loadPackSet('rules/');
  if (E.isLeft(set)) throw new Error(`rules/ does not validate: ${set.left.length} errors`);
  const pack = resolvePack(set.right, 'chibi');
  if (E.isLeft(pack)) throw new Error('chibi does not resolve');
  const catalog = new Map(pack.right.catalogs.flatMap((c) => c.facts.map((f) => [f.id, f] as const)));
  const named = new Map(pack.right.catalogs.flatMap((c) => (c.conditions ?? []).map((x) => [x.id, x.condition] as const)));
  const seed = pack.right.checklists.find((c) => c.gridType === 'community') ?? pack.right.checklists[0];
  if (!seed) throw new Error('chibi has no checklist');
  const syn = syntheticPack(300);
  const synCatalog = new Map(syn.catalog.facts.map((f) => [f.id, f] as const));
  const results = [
    await workload(`Chibi ${seed.id}`, seed, catalog, named),
    await workload('Synthetic pack', syn.checklist, synCatalog, new Map()),
  ];

  // The public API end to end: decode, check facts, evaluate, route and explain every finding.
  const apiRecs = records(seed, catalog, 20_000).map((r, k) => ({
    id: `r${k}`,
    gridId: 'g',
    gridType: seed.gridType,
    workerId: 'w',
    at: '2026-03-01T09:00:00+08:00',
    answers: Object.fromEntries(seed.items.map((it, i) => [it.id, r.answers[i]])),
    photos: [],
    facts: r.facts,
  }));
  const api = measureInterleaved(apiRecs.length, [
    {
      name: 'evaluatePatrol, no explanations',
      fn: () => {
        for (const rec of apiRecs) evaluatePatrol(pack.right, rec, { explain: false });
      },
    },
    {
      name: 'evaluatePatrol, explaining hazards (default)',
      fn: () => {
        for (const rec of apiRecs) evaluatePatrol(pack.right, rec);
      },
    },
    {
      name: "evaluatePatrol, explain: 'all'",
      fn: () => {
        for (const rec of apiRecs) evaluatePatrol(pack.right, rec, { explain: 'all' });
      },
    },
  ]);

  const body = [
    `Machine: ${machine()}. Run with \`npm run bench\`; all variants run in one process on the same records, and their outputs are compared before timing. The variants' runs are interleaved round by round (a warm-up round, then 7 timed ones) and each variant's best round counts; json-rules-engine is timed on the first ${N_JRE.toLocaleString('en')} records.`,
    '',
    ...results.map(table).flatMap((t) => [t, '']),
    '### Public API (decode + evaluate + route), Chibi community checklist',
    '',
    '| call | records/s | explanation cost |',
    '| --- | ---: | ---: |',
    ...api.map(
      (r) => `| ${r.name} | ${Math.round(r.perSecond).toLocaleString('en')} | ${((api[0]?.perSecond ?? 1) / r.perSecond).toFixed(2)}× |`,
    ),
  ].join('\n');
  writeBenchSection('engine-patrol', `## Patrol evaluation (@gridsafe/engine)\n\n${body}`);
  console.log(body);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
