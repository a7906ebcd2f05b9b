import { writeFileSync } from 'node:fs';
import { formatIssue } from '@gridsafe/schema';
import { parsePeriod, renderHtml, renderJson, renderMarkdown, type ScoreReport, score, syntheticRecords } from '@gridsafe/scoring';
import type { Command } from 'commander';
import { type CommonOptions, type Ctx, checkFormat, defineCommand, langOf } from '../context.js';
import { UserError } from '../errors.js';
import { H } from '../help.js';
import { bilingual, common, say } from '../i18n.js';
import { EXIT } from '../io.js';
import { en } from '../locales/en.js';
import { zh } from '../locales/zh.js';
import { loadPack } from '../packs.js';
import { openRecords } from '../records.js';

interface Options extends CommonOptions {
  pack: string;
  rules: string;
  period: string;
  unit?: string;
  format: string;
  out?: string;
  synthetic?: string;
}

const text = bilingual(zh.score, en.score);

/** Render a score report in a format. */
export function renderReport(report: ScoreReport, format: 'json' | 'md' | 'html', lang: 'zh' | 'en'): string {
  return format === 'json' ? renderJson(report) : format === 'md' ? renderMarkdown(report, { lang }) : renderHtml(report, { lang });
}

/** Exit code when the unit the report is about failed a gate and was not scored. */
export const EXIT_INELIGIBLE = 3;

/** The exit code of a report: 0 scored, 1 vetoed (一票否决), 3 not scored for a failed gate. */
export function exitOf(report: ScoreReport): number {
  return report.card.status === 'ineligible' ? EXIT_INELIGIBLE : report.card.veto ? EXIT.findings : EXIT.ok;
}

/** Score the data; returns the exit code. */
export async function runScore(data: string | undefined, opts: Options, ctx: Ctx, stdin: NodeJS.ReadableStream): Promise<number> {
  const lang = langOf(opts, ctx.io);
  const format = checkFormat(opts.format, ['json', 'md', 'html'] as const, lang);
  const period = parsePeriod(opts.period, '--period');
  if (period._tag === 'Left') throw new UserError(`${text.badPeriod[lang]} ${period.left.map((i) => i.message[lang]).join('; ')}`);
  const { pack } = loadPack(opts.pack, opts.rules, lang);
  let records: Iterable<unknown> | AsyncIterable<unknown>;
  let name: string;
  let numbered = false;
  if (opts.synthetic !== undefined) {
    const seed = Number(opts.synthetic);
    records = syntheticRecords(pack, { period: period.right, seed: Number.isFinite(seed) ? seed : 1 });
    name = 'synthetic';
  } else {
    if (!data) throw new UserError(text.needData[lang]);
    const source = openRecords(data, stdin as never, lang);
    // Each record with the line it starts on, so a data error is reported at file:line.
    records = source.records;
    name = source.name;
    numbered = true;
  }
  const r = await score(pack, records, { period: period.right, name, numbered, ...(opts.unit ? { unit: opts.unit } : {}) });
  if (r._tag === 'Left')
    throw new UserError([say(text.badData, lang, name), ...r.left.slice(0, 20).map((i) => `  ${formatIssue(i, lang)}`)].join('\n'));
  const out = renderReport(r.right, format, lang);
  if (opts.out) {
    writeFileSync(opts.out, out);
    ctx.io.err(`${say(common.wrote, lang, opts.out)}\n`);
  } else ctx.io.out(out);
  return exitOf(r.right);
}

/** Register `gridsafe score`. */
export function scoreCommand(program: Command, ctx: Ctx, stdin: NodeJS.ReadableStream = process.stdin): void {
  defineCommand(program, ctx, {
    name: 'score',
    args: [['[data]', H.scoreData]],
    packs: 'pack',
    describe: text.describe,
    examples: [
      'gridsafe score --pack xianyou --period 2026-Q3 records.ndjson',
      'gridsafe score --pack xianyou --period 2026-07 records.ndjson --format html --out report.html',
      'gridsafe score --pack chibi --period 2026 --synthetic 7 --format md',
    ],
    exits: H.exits.score,
    required: [['--period <period>', H.period]],
    options: [
      ['--unit <id>', H.unit],
      ['--format <format>', H.formatScore, 'json'],
      ['--synthetic <seed>', H.synthetic],
      ['--out <file>', H.out],
    ],
  }).action(async (data: string | undefined, opts: Options) => ctx.setCode(await runScore(data, opts, ctx, stdin)));
}
