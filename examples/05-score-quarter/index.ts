// Example 5: score a quarter streamed from an NDJSON file and write the HTML report.
//
// A platform exports a quarter of grid records (one JSON object per line: unit declarations,
// patrol tasks, hazards, inspections, meetings, information items…) to a file. This writes such a
// file from the seeded synthetic-data generator into a temporary directory, streams it back line by
// line with node:readline — no record is held in memory — scores it under the Xianyou pack, and
// writes the HTML report (with its charts), the Markdown report and the JSON scorecard.
//
//   npx tsx examples/05-score-quarter/index.ts [--lang en] [--period 2026-Q3] [--records 50000] [--out DIR]

import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolvePack } from '@gridsafe/engine';
import { loadPackSet } from '@gridsafe/engine/node';
import { renderHtml, renderJson, renderMarkdown, type ScoreReport, score, syntheticRecords } from '@gridsafe/scoring';
import * as E from 'fp-ts/lib/Either.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** What the example did: the files it wrote and the report. */
export interface QuarterRun {
  ndjson: string;
  lines: number;
  html: string;
  markdown: string;
  json: string;
  report: ScoreReport;
}

/** Write a quarter of synthetic records as NDJSON, one line at a time. */
async function writeNdjson(path: string, records: Iterable<unknown>): Promise<number> {
  const out = createWriteStream(path);
  let n = 0;
  for (const r of records) {
    if (!out.write(`${JSON.stringify(r)}\n`)) await once(out, 'drain');
    n++;
  }
  out.end();
  await once(out, 'finish');
  return n;
}

/** Stream an NDJSON file as records, one line at a time (blank lines skipped). */
async function* readNdjson(path: string): AsyncGenerator<unknown> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) if (line.trim() !== '') yield JSON.parse(line);
}

/** Generate, stream and score a quarter; write the reports into `outDir`. */
export async function run(options: { period?: string; records?: number; lang?: 'zh' | 'en'; outDir?: string } = {}): Promise<QuarterRun> {
  const period = options.period ?? '2026-Q3';
  const lang = options.lang ?? 'zh';
  const set = loadPackSet(here('../../rules'));
  if (E.isLeft(set)) throw new Error(set.left.map((i) => `${i.file}:${i.line}:${i.column} ${i.message[lang]}`).join('\n'));
  const pack = resolvePack(set.right, 'xianyou');
  if (E.isLeft(pack)) throw new Error(pack.left.map((i) => i.message[lang]).join('\n'));

  const dir = options.outDir ?? mkdtempSync(join(tmpdir(), 'gridsafe-quarter-'));
  mkdirSync(dir, { recursive: true });
  const ndjson = join(dir, `xianyou-${period}.ndjson`);
  const lines = await writeNdjson(
    ndjson,
    syntheticRecords(pack.right, { period, seed: 2026, records: options.records ?? 50_000, fanout: [4, 5] }),
  );

  const result = await score(pack.right, readNdjson(ndjson), { period, name: ndjson });
  if (E.isLeft(result)) throw new Error(result.left.map((i) => `${i.file}${i.pointer}: ${i.message[lang]}`).join('\n'));
  const report = result.right;
  const html = join(dir, 'report.html');
  const markdown = join(dir, 'report.md');
  const json = join(dir, 'report.json');
  writeFileSync(html, renderHtml(report, { lang }));
  writeFileSync(markdown, renderMarkdown(report, { lang }));
  writeFileSync(json, renderJson(report));
  return { ndjson, lines, html, markdown, json, report };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const lang = arg('lang') === 'en' ? 'en' : 'zh';
  const r = await run({ lang, period: arg('period'), records: arg('records') ? Number(arg('records')) : undefined, outDir: arg('out') });
  const c = r.report.card;
  console.log(`${r.lines} records streamed from ${r.ndjson}`);
  console.log(
    `${r.report.unit.name ?? r.report.unit.id} ${r.report.period.id}: ${c.score} / ${c.maxScore}, ${c.grade?.title[lang] ?? '-'}${c.veto ? ` (${c.veto.title[lang]})` : ''}`,
  );
  for (const m of c.metrics)
    console.log(
      `  ${m.title[lang]}: ${m.value ?? '—'} (${String(m.numerator)}${m.denominator !== undefined ? `/${String(m.denominator)}` : ''}) → ${m.points}/${m.max}`,
    );
  console.log(`HTML report: ${r.html}\nMarkdown: ${r.markdown}\nJSON: ${r.json}`);
}
