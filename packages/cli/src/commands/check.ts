import { compilePatrol, type PatrolResult, type Trace } from '@gridsafe/engine';
import { formatIssue, type Lang } from '@gridsafe/schema';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { type CommonOptions, type Ctx, checkFormat, colors, defineCommand, langOf } from '../context.js';
import { UserError } from '../errors.js';
import { H } from '../help.js';
import { colon, pick, say, width } from '../i18n.js';
import { EXIT, Output } from '../io.js';
import { loadPack } from '../packs.js';
import { openRecords } from '../records.js';
import { runMilestones } from './check-milestones.js';
import { checkText as text } from './messages.js';

interface Options extends CommonOptions {
  pack: string;
  rules: string;
  format: string;
  findings: string;
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

/** The table rows of a record's hazard findings. */
function hazardRows(r: PatrolResult, line: number, lang: Lang, explain: boolean, grid: string, tiers: Map<string, string>): string[][] {
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

/** Rows that set the table's column widths: the head and the rows after it, up to this many lines. */
const WIDTH_ROWS = 500;

/**
 * The hazard table, streamed: the first rows are held until they fix the column widths (at most
 * 40 characters, from the head and the first 499 rows), then every row is written as it comes.
 */
class Table {
  private held: string[][] | undefined = [];
  private cols: number[] = [];
  constructor(
    private readonly out: Output,
    private readonly head: string[],
  ) {}

  private fmt(r: string[]): string {
    return r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(Math.max(0, (this.cols[i] ?? 0) - width(c))))).join('  ');
  }

  private release(): boolean {
    const rows = [this.head, ...(this.held ?? [])];
    this.cols = this.head.map((_, i) => Math.min(40, Math.max(...rows.map((r) => width(r[i] ?? '')))));
    this.held = undefined;
    return this.out.write(rows.map((r) => `${this.fmt(r)}\n`).join(''));
  }

  /** Add a row; true when the output should be flushed. */
  add(row: string[]): boolean {
    if (this.held) {
      this.held.push(row);
      return this.held.length + 1 >= WIDTH_ROWS ? this.release() : false;
    }
    return this.out.write(`${this.fmt(row)}\n`);
  }

  /** Write the rows still held, and the blank line that ends a table with rows. */
  end(): void {
    if (this.held?.length === 0) return;
    if (this.held) this.release();
    this.out.write('\n');
  }
}

/** Evaluate the records; returns the exit code. */
export async function runCheck(path: string | undefined, opts: Options, ctx: Ctx, stdin: NodeJS.ReadableStream): Promise<number> {
  const lang = langOf(opts, ctx.io);
  const format = checkFormat(opts.format, ['table', 'json', 'ndjson'] as const, lang);
  const all = opts.findings === 'all';
  if (!all && opts.findings !== 'hazards') throw new UserError(say(text.badFindings, lang, String(opts.findings)));
  const { pack } = loadPack(opts.pack, opts.rules, lang);
  if (opts.milestones !== undefined) {
    const code = runMilestones(pack, opts.milestones, format, lang, ctx);
    if (path === undefined || code === EXIT.usage) return code;
  } else if (path === undefined) throw new UserError(say(text.needRecords, lang));
  const patrol = compilePatrol(pack);
  const tiers = new Map(pack.escalations.flatMap((e) => e.tiers.map((t) => [t.id, pick(t.title, lang)] as const)));
  const source = openRecords(path, stdin as never, lang, 'yield');
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
  const out = new Output(ctx.io);
  const rows = format === 'table' ? new Table(out, text.head[lang]) : undefined;
  let records = 0;
  let hazards = 0;
  let reports = 0;
  let bad = 0;
  const explain = opts.explain ? 'hazards' : false;
  const call = { explain, name: '' } as { explain: 'hazards' | false; name: string };
  if (format === 'json') out.write(`{"pack":${JSON.stringify({ id: pack.id, version: pack.version })},"results":[`);
  try {
    for await (const { line, value, error } of source.records) {
      records++;
      if (error !== undefined) {
        bad++;
        ctx.io.err(`${c.red(error)}\n`);
        continue;
      }
      call.name = `${source.name}:${line}`;
      const r = all ? patrol.evaluate(value, call) : patrol.summarize(value, call);
      if (r._tag === 'Left') {
        bad++;
        ctx.io.err(
          `${c.red(say(text.badRecord, lang, source.name, line))}\n${r.left.map((i) => `  ${formatIssue(i, lang)}`).join('\n')}\n`,
        );
        continue;
      }
      hazards += r.right.hazards;
      reports += r.right.reports;
      let full: boolean;
      // `{"line":n,` and the result's own fields: one string, without copying the result.
      if (format === 'ndjson') full = out.write(`{"line":${line},${JSON.stringify(r.right).slice(1)}\n`);
      else if (format === 'json') full = out.write(`${records - bad > 1 ? ',' : ''}\n{"line":${line},${JSON.stringify(r.right).slice(1)}`);
      else {
        full = false;
        for (const row of hazardRows(r.right, line, lang, explain !== false, String((value as { gridId?: unknown }).gridId ?? ''), tiers))
          full = (rows as Table).add(row) || full;
      }
      if (full) {
        await out.flush();
        if (out.failed) break;
      }
      if (bar && records % 200 === 0) bar.update(Math.ceil(source.read() / 1024), { records });
    }
  } finally {
    bar?.stop();
  }
  const summary = { records, hazards, reports, invalid: bad };
  if (format === 'json') out.write(`\n],${JSON.stringify(summary).slice(1)}\n`);
  else if (format === 'table') {
    rows?.end();
    out.write(`${hazards + reports > 0 ? c.red('✘') : c.green('✔')} ${say(text.summary, lang, records, hazards, reports, bad)}\n`);
  }
  await out.flush();
  const failed = out.failed;
  // A reader that stops reading (`| head`) ends the output; any other write error is said.
  if (failed && failed.code !== 'EPIPE') {
    ctx.io.err(`gridsafe: ${say(text.writeFailed, lang, failed.code ?? failed.message)}\n`);
    return EXIT.usage;
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
      'gridsafe check --pack chibi records.ndjson --format ndjson --findings all',
      'gridsafe check --pack rules/chibi records.json --explain',
      'gridsafe check --pack chibi --milestones 2017-11-15',
    ],
    exits: H.exits.check,
    options: [
      ['--format <format>', H.formatCheck, 'table'],
      ['--findings <which>', H.findings, 'hazards'],
      ['--explain', H.explain],
      ['--no-progress', H.noProgress],
      ['--milestones <date>', H.milestones],
    ],
  }).action(async (path: string | undefined, opts: Options) => ctx.setCode(await runCheck(path, opts, ctx, stdin)));
}
