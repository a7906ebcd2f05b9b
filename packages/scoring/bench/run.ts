import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type ResolvedPack, resolvePack } from '@gridsafe/engine';
import { loadPackSet } from '@gridsafe/engine/node';
import * as E from 'fp-ts/lib/Either.js';
import { writeBenchSection } from '../../../scripts/bench-section.js';
import { ensureBuilt, ROOT } from '../../engine/bench/harness.js';

// The package as npm ships it (dist/), rebuilt first when a source is newer.
ensureBuilt(['schema', 'engine', 'scoring', 'cli']);
const { score, syntheticRecords } = (await import(join(ROOT, 'packages/scoring/dist/index.js'))) as typeof import('../src/index.js');

const SIZES = (process.env.BENCH_SCORING_RECORDS ?? '1000000,5000000,10000000').split(',').map(Number);
/** Records in the NDJSON file scored from disk. */
const NDJSON_RECORDS = Number(process.env.BENCH_SCORING_NDJSON ?? 1_000_000);
const PERIOD = '2026-Q3';
const TOWNSHIPS = 20;
const VILLAGES = 20;
const FANOUT = [TOWNSHIPS, VILLAGES];
const CHUNK = 1000;

function load(dir: string, id: string): ResolvedPack {
  const set = loadPackSet(dir);
  if (E.isLeft(set)) throw new Error(`${dir} does not load`);
  const packed = resolvePack(set.right, id);
  if (E.isLeft(packed)) throw new Error(`${id} does not resolve`);
  return packed.right;
}

/**
 * The packs measured: Xianyou's flat list of metrics, and the made-up county's 扣分制 standard
 * with blocks two levels deep, per-count deductions, accident counts computed from records, an
 * assessor range, a block veto, a card veto and two gates.
 */
const VARIANTS: { name: string; pack: ResolvedPack }[] = [
  { name: 'xianyou (metrics)', pack: load('rules', 'xianyou') },
  { name: 'hexi (blocks, gates, counts)', pack: load('packages/scoring/test/fixtures/hexi', 'hexi') },
];

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const mb = (n: number) => n / 2 ** 20;

/** Stream records in chunks (as a file reader or database cursor hands them over), sampling RSS. */
async function* stream(pack: ResolvedPack, n: number, peak: { rss: number }): AsyncGenerator<unknown[]> {
  let buf: unknown[] = [];
  let i = 0;
  for (const r of syntheticRecords(pack, { period: PERIOD, records: n, fanout: FANOUT, seed: 42 })) {
    buf.push(r);
    if (buf.length === CHUNK) {
      yield buf;
      buf = [];
      if (++i % 200 === 0) peak.rss = Math.max(peak.rss, process.memoryUsage.rss());
    }
  }
  if (buf.length) yield buf;
}

interface Row {
  pack: string;
  n: number;
  baseline: number;
  scoring: number;
  peakBaseline: number;
  peakScoring: number;
  score: number | null;
}

async function run(name: string, pack: ResolvedPack, n: number): Promise<Row> {
  gc();
  const pb = { rss: process.memoryUsage.rss() };
  let t = performance.now();
  let touched = 0;
  for await (const chunk of stream(pack, n, pb)) for (const r of chunk) touched += (r as { type: string }).type.length;
  const baseline = performance.now() - t;
  if (touched === 0) throw new Error('nothing generated');
  gc();
  const ps = { rss: process.memoryUsage.rss() };
  t = performance.now();
  const report = await score(pack, stream(pack, n, ps), { period: PERIOD });
  const scoring = performance.now() - t;
  if (E.isLeft(report)) throw new Error(report.left.map((i) => i.message.en).join('\n'));
  return { pack: name, n, baseline, scoring, peakBaseline: pb.rss, peakScoring: ps.rss, score: report.right.card.score };
}

/** Lines of an NDJSON file, parsed, in chunks (as `gridsafe score` reads them), sampling RSS. */
async function* fromFile(file: string, peak: { rss: number }): AsyncGenerator<unknown[]> {
  let buf: unknown[] = [];
  let i = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY })) {
    if (line.trim() === '') continue;
    buf.push(JSON.parse(line));
    if (buf.length === CHUNK) {
      yield buf;
      buf = [];
      if (++i % 200 === 0) peak.rss = Math.max(peak.rss, process.memoryUsage.rss());
    }
  }
  if (buf.length) yield buf;
}

/** Scoring from an NDJSON file: the read-and-parse floor, `score` on the parsed lines, and the CLI, interleaved. */
async function fromNdjson(): Promise<string> {
  const pack = (VARIANTS[0] as { pack: ResolvedPack }).pack;
  const dir = mkdtempSync(join(tmpdir(), 'gridsafe-score-'));
  const file = join(dir, 'records.ndjson');
  const out = createWriteStream(file);
  // The generator gives the units' own records (units, duties) beside the tasks and hazards asked for: count what is written.
  let written = 0;
  for (const r of syntheticRecords(pack, { period: PERIOD, records: NDJSON_RECORDS, fanout: FANOUT, seed: 42 })) {
    written++;
    if (!out.write(`${JSON.stringify(r)}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  const bytes = statSync(file).size;
  const times = { floor: [] as number[], score: [] as number[], cli: [] as number[] };
  const peaks = { floor: 0, score: 0 };
  let county: number | null = 0;
  for (let round = 0; round < 4; round++) {
    gc();
    const pf = { rss: process.memoryUsage.rss() };
    let t = performance.now();
    let n = 0;
    for await (const chunk of fromFile(file, pf)) n += chunk.length;
    if (round > 0) times.floor.push(performance.now() - t);
    peaks.floor = Math.max(peaks.floor, pf.rss);
    gc();
    const ps = { rss: process.memoryUsage.rss() };
    t = performance.now();
    const report = await score(pack, fromFile(file, ps), { period: PERIOD });
    if (round > 0) times.score.push(performance.now() - t);
    peaks.score = Math.max(peaks.score, ps.rss);
    if (E.isLeft(report)) throw new Error(report.left.map((i) => i.message.en).join('\n'));
    county = report.right.card.score;
    t = performance.now();
    const cli = spawnSync(
      process.execPath,
      [join(ROOT, 'packages/cli/dist/bin.js'), 'score', '--pack', 'xianyou', '--period', PERIOD, file],
      {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'ignore'],
      },
    );
    if (cli.status !== 0 && cli.status !== 1) throw new Error(`gridsafe score exited ${cli.status}`);
    if (round > 0) times.cli.push(performance.now() - t);
    if (n !== written) throw new Error(`read ${n} of ${written} records`);
  }
  rmSync(dir, { recursive: true, force: true });
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;
  const rate = (ms: number) => Math.round(written / (ms / 1000)).toLocaleString('en');
  const [f, s, c] = [med(times.floor), med(times.score), med(times.cli)];
  return [
    '### From NDJSON',
    '',
    `The same generator's first ${NDJSON_RECORDS.toLocaleString('en')} tasks and hazards, with the units' own records ${written.toLocaleString('en')} records in all, written to an NDJSON file (${(bytes / 2 ** 20).toFixed(0)} MiB), then read back line by line with readline and \`JSON.parse\`, in chunks of ${CHUNK}, as \`gridsafe score\` reads a file. The floor reads and parses only; \`score\` gets the parsed chunks; the CLI row runs the built \`gridsafe score\` on the file (a process of its own, start-up included). Interleaved, medians of 3 rounds after a warm-up round; county score ${county}.`,
    '',
    '| run | seconds | records/s | × floor | peak RSS |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| floor: read and parse every line | ${(f / 1000).toFixed(2)} | ${rate(f)} | 1.00 | ${mb(peaks.floor).toFixed(0)} MB |`,
    `| read, parse and \`score\` | ${(s / 1000).toFixed(2)} | ${rate(s)} | ${(s / f).toFixed(2)} | ${mb(peaks.score).toFixed(0)} MB |`,
    `| \`gridsafe score --pack xianyou --period ${PERIOD} records.ndjson\` | ${(c / 1000).toFixed(2)} | ${rate(c)} | ${(c / f).toFixed(2)} | |`,
  ].join('\n');
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  for (const v of VARIANTS) {
    await run(v.name, v.pack, 200_000); // warm-up
    for (const n of SIZES) {
      const r = await run(v.name, v.pack, n);
      rows.push(r);
      console.log(
        `${v.name}, ${n.toLocaleString('en')} records: scoring ${Math.round(n / (r.scoring / 1000)).toLocaleString('en')}/s, peak RSS ${mb(r.peakScoring).toFixed(0)} MB`,
      );
    }
  }
  const fmt = (x: number) => Math.round(x).toLocaleString('en');
  const body = [
    '## Scoring (@gridsafe/scoring)',
    '',
    `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadavg()[0]?.toFixed(1)} when the run ended (the cores are shared). Run with \`npm run bench:scoring\`.`,
    '',
    `Quarter ${PERIOD}. Xianyou's pack (a flat list of metrics): ${1 + TOWNSHIPS + TOWNSHIPS * VILLAGES} units (county → ${TOWNSHIPS} townships → ${TOWNSHIPS * VILLAGES} villages).`,
    `The made-up county's 扣分制 standard (packages/scoring/test/fixtures/hexi: blocks two levels deep, per-count deductions, accident counts`,
    `computed from accident records, a block veto, a card veto, two gates): county → ${TOWNSHIPS} townships, the scored level.`,
    `Records (60% patrol tasks, 40% hazards, plus the units' duty records) are generated on the fly by the seeded`,
    `generator and streamed to \`score\` as an async iterable in chunks of ${CHUNK}; none is held. The baseline is the`,
    'same stream consumed by a bare loop that only touches each record, in the same process. Peak RSS is sampled',
    'every 200,000 records during each run (after a GC), so it includes the generator, tsx and the loaded packs.',
    'The scoring package is the built one (`packages/scoring/dist/index.js`), as npm ships it.',
    '',
    '| pack | records | baseline records/s | scoring records/s | scoring ÷ baseline time | peak RSS baseline | peak RSS scoring | county score | goal |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows.map(
      (r) =>
        `| ${r.pack} | ${fmt(r.n)} | ${fmt(r.n / (r.baseline / 1000))} | ${fmt(r.n / (r.scoring / 1000))} | ${(r.scoring / r.baseline).toFixed(2)}× | ${mb(r.peakBaseline).toFixed(0)} MB | ${mb(r.peakScoring).toFixed(0)} MB | ${r.score ?? 'not scored (gate)'} | ${r.n / (r.scoring / 1000) >= 1_000_000 && r.peakScoring < 300 * 2 ** 20 ? 'met' : 'not met'} |`,
    ),
    '',
    'Goals: at least 1,000,000 records/s; peak RSS under 300 MB and flat as the count grows.',
    '',
    await fromNdjson(),
  ].join('\n');
  writeBenchSection('scoring', body);
  console.log(body);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
