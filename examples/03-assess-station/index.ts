// Example 3: assess a community grid station against Chibi's 十有 (seed 002 四): each of the ten
// requirements met or unmet, what is missing, and the weighted result against the pass mark.
//
//   npx tsx examples/03-assess-station/index.ts [--lang en] [station.json]
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { assessStation, formatTrace, resolvePack, type StationResult } from '@gridsafe/engine';
import { loadPackSet } from '@gridsafe/engine/node';
import { formatIssue, type Lang } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** Assess a station (by default `station.json`); `lines` is what is printed. */
export function run(lang: Lang = 'zh', stationFile = here('./station.json')): { result?: StationResult; lines: string[] } {
  const set = loadPackSet(here('../../rules'));
  if (E.isLeft(set)) return { lines: set.left.map((i) => formatIssue(i, lang)) };
  const pack = resolvePack(set.right, 'chibi', { asOf: '2026-03-02' });
  if (E.isLeft(pack)) return { lines: pack.left.map((i) => formatIssue(i, lang)) };
  const assessed = assessStation(pack.right, JSON.parse(readFileSync(stationFile, 'utf8')));
  if (E.isLeft(assessed)) return { lines: assessed.left.map((i) => formatIssue(i, lang)) };
  const r = assessed.right;
  const zh = lang === 'zh';
  const lines = [zh ? `站点 ${r.station}，标准 ${r.standard}` : `Station ${r.station}, standard ${r.standard}`];
  for (const req of r.requirements) {
    lines.push(`${req.met ? '✔' : '✘'} ${String(req.number).padStart(2)}. ${req.text[lang]}  (${zh ? '权重' : 'weight'} ${req.weight})`);
    if (!req.met) {
      if (req.gap) lines.push(`      ${zh ? '差距' : 'Gap'}: ${req.gap[lang]}`);
      lines.push(...formatTrace(pack.right, req.explanation, lang, 3));
    }
  }
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
  lines.push(
    zh
      ? `得分 ${r.metWeight}/${r.totalWeight} = ${pct(r.score)}，达标线 ${pct(r.passMark)}：${r.passed ? '达标' : '未达标'}`
      : `Score ${r.metWeight}/${r.totalWeight} = ${pct(r.score)}, pass mark ${pct(r.passMark)}: ${r.passed ? 'passes' : 'fails'}`,
  );
  return { result: r, lines };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const { result, lines } = run(
    args.includes('en') ? 'en' : 'zh',
    args.find((a) => a.endsWith('.json')),
  );
  console.log(lines.join('\n'));
  process.exitCode = result ? 0 : 2;
}
