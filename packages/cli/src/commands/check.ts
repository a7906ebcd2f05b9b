import { evaluatePatrol, type PatrolResult, type Trace } from '@gridsafe/engine';
import { formatIssue, type Lang } from '@gridsafe/schema';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { type CommonOptions, type Ctx, checkFormat, colors, defineCommand, langOf } from '../context.js';
import { UserError } from '../errors.js';
import { H } from '../help.js';
import { colon, pick, say, width } from '../i18n.js';
import { EXIT } from '../io.js';
import { loadPack } from '../packs.js';
import { openRecords } from '../records.js';
import { runMilestones } from './check-milestones.js';
import { checkText as text } from './messages.js';

interface Options extends CommonOptions {
  pack: string;
  rules: string;
  format: string;
  explain?: boolean;
  progress?: boolean;
  milestones?: string;
}

/** Inputs above this size get a progress bar on a terminal. */
const LARGE = 256 * 1024;

/**
 * Standard error as the progress bar sees it: a terminal whose text goes through `ctx.io.err`, so a
 * host or a test that passes its own streams gets the bar too. The cursor moves are ANSI escapes
 * that readline writes through `write`.
 */
const terminal = (ctx: Ctx) =>
  ({
    isTTY: true,
    columns: 80,
    write: (text: string) => {
      ctx.io.err(text);
      return true;
    },
  }) as unknown as NodeJS.WritableStream;

/** The leaves of a trace that held: why a condition fired. */
function because(t: Trace): string[] {
  if (t.kind === 'leaf')
    return t.result ? [`${t.fact}${t.path ?? ''} ${t.operator} ${JSON.stringify(t.value)} (${JSON.stringify(t.factValue)})`] : [];
  return t.kind === 'not' ? [] : t.children.flatMap(because);
}

function row(r: PatrolResult, line: number, lang: Lang, explain: boolean, grid: string, tiers: Map<string, string>): string[][] {
  return r.findings
    .filter((f) => f.status === 'hazard')
    .map((f) => [
      r.record,
      String(line),
      grid,
      f.item,
      f.severity ? text.severity[lang][f.severity] : '',
      f.route ? `${tiers.get(f.route.tier) ?? f.route.tier}${f.route.direct ? text.direct[lang] : ''}` : '',
      pick(f.text, lang) +
        (explain && f.explanation ? ` — ${text.why[lang]}${colon(lang)}${because(f.explanation.hazard).join('; ')}` : ''),
    ]);
}

function table(rows: string[][], head: string[]): string {
  const cols = head.map((_, i) => Math.min(40, Math.max(...[head, ...rows].slice(0, 500).map((r) => width(r[i] ?? '')))));
  const fmt = (r: string[]) =>
    r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(Math.max(0, (cols[i] ?? 0) - width(c))))).join('  ');
  return [fmt(head), ...rows.map(fmt)].join('\n');
}

/** Evaluate the records; returns the exit code. */
export async function runCheck(path: string | undefined, opts: Options, ctx: Ctx, stdin: NodeJS.ReadableStream): Promise<number> {
  const lang = langOf(opts, ctx.io);
  const format = checkFormat(opts.format, ['table', 'json', 'ndjson'] as const, lang);
  const { pack } = loadPack(opts.pack, opts.rules, lang);
  if (opts.milestones !== undefined) {
    const code = runMilestones(pack, opts.milestones, format, lang, ctx);
    if (path === undefined || code === EXIT.usage) return code;
  } else if (path === undefined) throw new UserError(say(text.needRecords, lang));
  const tiers = new Map(pack.escalations.flatMap((e) => e.tiers.map((t) => [t.id, pick(t.title, lang)] as const)));
  const source = openRecords(path, stdin as never, lang);
  const c = colors(ctx.io);
  const bar =
    opts.progress !== false && ctx.io.errTTY === true && source.size !== undefined && source.size > LARGE
      ? new SingleBar({
          stream: terminal(ctx),
          format: ' {bar} {percentage}% | {value}/{total} KB | {records}',
          hideCursor: true,
          clearOnComplete: true,
        })
      : undefined;
  bar?.start(Math.ceil((source.size ?? 0) / 1024), 0, { records: 0 });
  const rows: string[][] = [];
  const all: PatrolResult[] = [];
  let records = 0;
  let hazards = 0;
  let reports = 0;
  let bad = 0;
  const explain = opts.explain ? 'hazards' : false;
  try {
    for await (const { line, value } of source.records) {
      records++;
      const r = evaluatePatrol(pack, value, { explain, name: `${source.name}:${line}` });
      if (r._tag === 'Left') {
        bad++;
        ctx.io.err(
          `${c.red(say(text.badRecord, lang, source.name, line))}\n${r.left.map((i) => `  ${formatIssue(i, lang)}`).join('\n')}\n`,
        );
        continue;
      }
      hazards += r.right.hazards;
      reports += r.right.reports;
      if (format === 'ndjson') ctx.io.out(`${JSON.stringify({ line, ...r.right })}\n`);
      else if (format === 'json') all.push(r.right);
      else rows.push(...row(r.right, line, lang, explain !== false, String((value as { gridId?: unknown }).gridId ?? ''), tiers));
      if (bar && records % 200 === 0) bar.update(Math.ceil(source.read() / 1024), { records });
    }
  } finally {
    bar?.stop();
  }
  const summary = { pack: { id: pack.id, version: pack.version }, records, hazards, reports, invalid: bad };
  if (format === 'json') ctx.io.out(`${JSON.stringify({ ...summary, results: all }, null, 2)}\n`);
  else if (format === 'table') {
    if (rows.length > 0) ctx.io.out(`${table(rows, text.head[lang])}\n\n`);
    ctx.io.out(`${hazards + reports > 0 ? c.red('✘') : c.green('✔')} ${say(text.summary, lang, records, hazards, reports, bad)}\n`);
  }
  if (bad > 0) return EXIT.usage;
  return hazards + reports > 0 ? EXIT.findings : EXIT.ok;
}

/** Register `gridsafe check`. */
export function checkCommand(program: Command, ctx: Ctx, stdin: NodeJS.ReadableStream = process.stdin): void {
  defineCommand(program, ctx, {
    name: 'check',
    args: [['[records]', H.records]],
    packs: 'pack',
    describe: text.describe,
    examples: [
      'gridsafe check --pack chibi records.json',
      'gridsafe check --pack xianyou patrols.ndjson --format ndjson > findings.ndjson',
      'cat patrols.ndjson | gridsafe check --pack chibi - --format json',
      'gridsafe check --pack rules/chibi records.json --explain',
      'gridsafe check --pack chibi --milestones 2017-11-15',
    ],
    exits: H.exits.check,
    options: [
      ['--format <format>', H.formatCheck, 'table'],
      ['--explain', H.explain],
      ['--no-progress', H.noProgress],
      ['--milestones <date>', H.milestones],
    ],
  }).action(async (path: string | undefined, opts: Options) => ctx.setCode(await runCheck(path, opts, ctx, stdin)));
}
