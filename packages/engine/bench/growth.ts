import { generateChecklist, instantiateChecklist } from '../src/compile/kernel.js';
import { itemConditions } from '../src/evaluate/compiled.js';
import type { ResolvedPack } from '../src/index.js';
import { fmt, measure, repeat, verdict } from './harness.js';
import { syntheticPack } from './synthetic.js';
import { arranged, hostRecords } from './workload.js';

const SIZES = [13, 100, 300, 1000, 3000];
/** Rule evaluations per pass at every size, so that each size does about the same work. */
const WORK = Number(process.env.BENCH_GROWTH_WORK ?? 300_000);

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

/** Cost per rule from 13 to 3,000 rules: the kernel and the public compiled evaluator. */
export async function growthBench(lib: typeof import('../src/index.js')): Promise<string> {
  const sizes = SIZES.map((size) => {
    const { catalog, checklist } = syntheticPack(size);
    const pack: ResolvedPack = {
      id: 'syn',
      version: '1.0.0',
      chain: [{ id: 'syn', version: '1.0.0', from: '2000-01-01' }],
      effective: { from: '2000-01-01' },
      catalogs: [catalog],
      hierarchies: [],
      checklists: [checklist],
      standards: [],
      requirements: [],
      escalations: [],
      scorings: [],
      cases: [],
      provenance: new Map(),
    };
    const records = Math.max(50, Math.round(WORK / size));
    const recs = hostRecords(checklist, new Map(catalog.facts.map((f) => [f.id, f])), new Map(), records, 11);
    let t0 = process.hrtime.bigint();
    const src = generateChecklist(itemConditions(checklist.items), new Map());
    const kernel = instantiateChecklist(src);
    const kernelCompile = ms(t0);
    t0 = process.hrtime.bigint();
    const patrol = lib.compilePatrol(pack);
    const first = patrol.summarize(recs[0]);
    const firstMs = ms(t0);
    if (first._tag === 'Left') throw new Error(`synthetic ${size}: ${JSON.stringify(first.left).slice(0, 200)}`);
    const arr = arranged(checklist, recs, src.slots);
    const out = new Uint8Array(records * size);
    return { size, records, recs, arr, kernel, patrol, chunks: src.chunks, kernelCompile, firstMs, out };
  });
  const rows = await measure(
    sizes.flatMap((s) => [
      {
        name: `kernel ${s.size}`,
        units: s.records * s.size * 4,
        run: repeat(4, () => {
          for (let r = 0; r < s.arr.length; r++) {
            const a = s.arr[r] as (typeof s.arr)[number];
            s.kernel(a.fv, a.answers, a.photos, s.out, r * s.size);
          }
        }),
      },
      { name: `summarize ${s.size}`, units: s.records * s.size * 2, run: repeat(2, () => s.recs.map((r) => s.patrol.summarize(r))) },
    ]),
    5,
  );
  const perRule = (name: string) => 1e9 / (rows.find((r) => r.name === name)?.median ?? Number.NaN);
  const base = { kernel: perRule('kernel 13'), summarize: perRule('summarize 13') };
  const lines = sizes.map((s) => {
    const k = perRule(`kernel ${s.size}`);
    const p = perRule(`summarize ${s.size}`);
    return `| ${fmt(s.size)} | ${s.chunks} | ${k.toFixed(2)} | ${(k / base.kernel).toFixed(2)} | ${p.toFixed(2)} | ${(p / base.summarize).toFixed(2)} | ${s.kernelCompile.toFixed(0)} | ${s.firstMs.toFixed(0)} |`;
  });
  const last = sizes.at(-1)?.size ?? 3000;
  const kRatio = perRule(`kernel ${last}`) / base.kernel;
  const pRatio = perRule(`summarize ${last}`) / base.summarize;
  return [
    '### Cost per rule as the pack grows',
    '',
    `Synthetic checklists of 13 to 3,000 rules over 20 facts of mixed types (\`bench/synthetic.ts\`), each size on records of its own that hold about ${fmt(WORK)} rule evaluations a pass; rows interleaved, medians of 5 rounds. The kernel is generated in chunks of a few items each (chunks column), so that V8 optimises every chunk. Per-record work (checking the record, building its result) is spread over the rules, so the compiled evaluator's cost per rule falls as packs grow.`,
    '',
    '| rules | kernel chunks | kernel ns/rule | × at 13 | `summarize` ns/rule | × at 13 | kernel compile ms | `compilePatrol` + first record ms |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...lines,
    '',
    `Goal (issue 17): the kernel's cost per rule at 3,000 rules within 1.5× of its cost at 13: ${verdict(kRatio <= 1.5)} (${kRatio.toFixed(2)}×; the public evaluator ${pRatio.toFixed(2)}×).`,
  ].join('\n');
}
