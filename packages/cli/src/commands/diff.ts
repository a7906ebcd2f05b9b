import { readFileSync } from 'node:fs';
import { type CaseResult, type ResolvedPack, runCases } from '@gridsafe/engine';
import type { CasesFile, Lang } from '@gridsafe/schema';
import type { Command } from 'commander';
import { type CommonOptions, type Ctx, checkFormat, colors, defineCommand, langOf } from '../context.js';
import { diffPacks, type Origin, type PackDiff } from '../diffcore.js';
import { UserError } from '../errors.js';
import { H } from '../help.js';
import { colon, common, pick, say } from '../i18n.js';
import { EXIT } from '../io.js';
import { loadPack, RUNNERS } from '../packs.js';
import { diffText as text } from './messages.js';

interface Options extends CommonOptions {
  rules: string;
  format: string;
  replay?: string | boolean;
}

/** A case whose outcome differs between the two packs. */
export interface Flip {
  id: string;
  title: CaseResult['title'];
  a: { pass: boolean; actual: unknown };
  b: { pass: boolean; actual: unknown };
}

function casesToReplay(a: ResolvedPack, b: ResolvedPack, file: string | undefined, lang: Lang): CasesFile[] {
  if (file) {
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as CasesFile;
      if (!Array.isArray(data.cases)) throw new Error('no "cases" array');
      return [data];
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UserError(code ? say(common.unreadable, lang, file, code) : say(common.badJson, lang, file, (e as Error).message));
    }
  }
  const byId = new Map<string, CasesFile['cases'][number]>();
  const own = (p: ResolvedPack) => p.cases.filter((f) => f.pack === p.id);
  for (const f of [...own(a), ...own(b)]) for (const c of f.cases) byId.set(c.id, c);
  const first = own(b)[0] ?? own(a)[0];
  if (!first) throw new UserError(say(text.noCases, lang, `${a.id}, ${b.id}`));
  return [{ ...first, cases: [...byId.values()] }];
}

/** Run the cases against both packs and keep those whose outcome differs. */
export function replay(a: ResolvedPack, b: ResolvedPack, files: CasesFile[]): { total: number; flips: Flip[] } {
  const runners = RUNNERS;
  const ra = files.flatMap((only) => runCases(a, { only, runners }));
  const rb = new Map(files.flatMap((only) => runCases(b, { only, runners })).map((r) => [r.id, r]));
  const flips: Flip[] = [];
  for (const x of ra) {
    const y = rb.get(x.id);
    if (!y) continue;
    const actualA = x.actual ?? { issues: x.issues?.map((i) => i.message.en) };
    const actualB = y.actual ?? { issues: y.issues?.map((i) => i.message.en) };
    if (JSON.stringify(actualA) !== JSON.stringify(actualB) || x.pass !== y.pass)
      flips.push({ id: x.id, title: x.title, a: { pass: x.pass, actual: actualA }, b: { pass: y.pass, actual: actualB } });
  }
  return { total: ra.length, flips };
}

const where = (o: Origin | undefined, lang: Lang) =>
  o
    ? `${o.pack}@${o.version} ${o.file} (${o.op}${o.cites ? `; ${o.cites}` : ''}${o.localDefault ? `; ${text.localDefault[lang]}` : ''})`
    : '';

/** A field change: the members added and removed for lists, old → new otherwise. */
function change(a: unknown, b: unknown, c: ReturnType<typeof colors>): string {
  if (Array.isArray(a) && Array.isArray(b)) {
    const sa = new Set(a.map((x) => JSON.stringify(x)));
    const sb = new Set(b.map((x) => JSON.stringify(x)));
    const gone = [...sa].filter((x) => !sb.has(x));
    const come = [...sb].filter((x) => !sa.has(x));
    if (gone.length + come.length > 0) return [...come.map((x) => c.green(`+${x}`)), ...gone.map((x) => c.red(`-${x}`))].join(' ');
  }
  return `${c.red(JSON.stringify(a) ?? '∅')} → ${c.green(JSON.stringify(b) ?? '∅')}`;
}

function human(d: PackDiff, r: { total: number; flips: Flip[] } | undefined, lang: Lang, c: ReturnType<typeof colors>): string {
  const lines: string[] = [c.bold(`${d.a.id}@${d.a.version} → ${d.b.id}@${d.b.version}`), ''];
  for (const e of d.added)
    lines.push(
      c.green(`+ ${text.added[lang]} ${e.kind} ${e.id} ${pick(e.label, lang)}`),
      c.dim(`    ${text.from[lang]}${colon(lang)}${where(e.provenance, lang)}`),
    );
  for (const e of d.removed)
    lines.push(
      c.red(`- ${text.removed[lang]} ${e.kind} ${e.id} ${pick(e.label, lang)}`),
      c.dim(`    ${text.from[lang]}${colon(lang)}${where(e.provenance, lang)}`),
    );
  for (const e of d.changed) {
    lines.push(c.yellow(`~ ${text.changed[lang]} ${e.kind} ${e.id} ${pick(e.label, lang)}`));
    for (const f of e.fields) lines.push(`    ${f.field}${colon(lang)}${change(f.a, f.b, c)}`);
    lines.push(c.dim(`    ${text.from[lang]}${colon(lang)}${where(e.provenance.a, lang)} → ${where(e.provenance.b, lang)}`));
  }
  const n = d.added.length + d.removed.length + d.changed.length;
  lines.push('', n === 0 ? text.same[lang] : say(text.summary, lang, d.added.length, d.removed.length, d.changed.length));
  if (r) {
    lines.push('', c.bold(`${text.replay[lang]}${colon(lang)}${say(text.flips, lang, r.flips.length, r.total)}`));
    const ok = (p: boolean) => (p ? text.pass[lang] : text.fail[lang]);
    for (const f of r.flips) {
      lines.push(`  ⇄ ${f.id} ${c.dim(pick(f.title, lang))}`);
      lines.push(
        `      A (${ok(f.a.pass)})${colon(lang)}${JSON.stringify(f.a.actual)}`,
        `      B (${ok(f.b.pass)})${colon(lang)}${JSON.stringify(f.b.actual)}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Compare two packs; returns the exit code (1 when they differ or a case flips). */
export function runDiff(specA: string, specB: string, opts: Options, ctx: Ctx): number {
  const lang = langOf(opts, ctx.io);
  const format = checkFormat(opts.format, ['text', 'json'] as const, lang);
  const a = loadPack(specA, opts.rules, lang).pack;
  const b = loadPack(specB, opts.rules, lang).pack;
  const d = diffPacks(a, b);
  const r = opts.replay ? replay(a, b, casesToReplay(a, b, typeof opts.replay === 'string' ? opts.replay : undefined, lang)) : undefined;
  if (format === 'json') ctx.io.out(`${JSON.stringify({ ...d, ...(r ? { replay: r } : {}) }, null, 2)}\n`);
  else ctx.io.out(human(d, r, lang, colors(ctx.io)));
  const differs = d.added.length + d.removed.length + d.changed.length > 0 || (r?.flips.length ?? 0) > 0;
  return differs ? EXIT.findings : EXIT.ok;
}

/** Register `gridsafe diff`. */
export function diffCommand(program: Command, ctx: Ctx): void {
  defineCommand(program, ctx, {
    name: 'diff',
    args: [
      ['<a>', H.diffA],
      ['<b>', H.diffB],
    ],
    packs: 'rules',
    describe: text.describe,
    examples: [
      'gridsafe diff rules/chibi my-rules/chibi',
      'gridsafe diff chibi xianyou --format json',
      'gridsafe diff rules/chibi my-rules/chibi --replay',
      'gridsafe diff rules/chibi my-rules/chibi --replay my-rules/chibi/chibi.cases.json',
    ],
    exits: H.exits.diff,
    options: [
      ['--format <format>', H.formatText, 'text'],
      ['--replay [cases]', H.replay],
    ],
  }).action((a: string, b: string, opts: Options) => ctx.setCode(runDiff(a, b, opts, ctx)));
}
