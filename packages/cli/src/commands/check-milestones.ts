import { type MilestoneReport, milestonesDue, type ResolvedPack } from '@gridsafe/engine';
import { formatIssue, type Lang } from '@gridsafe/schema';
import type { Ctx } from '../context.js';
import { colors } from '../context.js';
import { pick, say, width } from '../i18n.js';
import { EXIT } from '../io.js';
import { checkText as text } from './messages.js';

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

/** The report as table lines: each phase and milestone with its deadline and state. */
function lines(r: MilestoneReport, lang: Lang): string[] {
  const rows = r.items.map((i) => [
    `${i.kind === 'phase' && i.order !== undefined ? `${i.order}. ` : ''}${pick(i.title, lang)}`,
    i.by ?? '',
    `${text.milestoneState[lang][i.state]}${i.daysLeft !== undefined ? ` ${say(text.daysLeft, lang, i.daysLeft)}` : ''}${
      i.daysOver !== undefined ? ` ${say(text.daysOver, lang, i.daysOver)}` : ''
    }`,
  ]);
  const head = text.milestoneHead[lang];
  const cols = head.map((_, c) => Math.max(...[head, ...rows].map((row) => width(row[c] ?? ''))));
  return [head, ...rows].map((row) => row.map((cell, c) => (c === row.length - 1 ? cell : pad(cell, cols[c] ?? 0))).join('  '));
}

/**
 * `gridsafe check --milestones DATE`: the pack's phases and milestones on a day, which are due and
 * which overdue, as a table or JSON; returns the exit code (1 when one is overdue).
 */
export function runMilestones(pack: ResolvedPack, date: string, format: string, lang: Lang, ctx: Ctx): number {
  const r = milestonesDue(pack, date);
  if (r._tag === 'Left') {
    ctx.io.err(`${r.left.map((i) => formatIssue(i, lang)).join('\n')}\n`);
    return EXIT.usage;
  }
  const c = colors(ctx.io);
  if (format === 'json' || format === 'ndjson') ctx.io.out(`${JSON.stringify(r.right, null, format === 'json' ? 2 : undefined)}\n`);
  else if (r.right.items.length === 0) ctx.io.out(`${say(text.noMilestones, lang)}\n`);
  else {
    ctx.io.out(`${say(text.milestones, lang, date)}\n${lines(r.right, lang).join('\n')}\n\n`);
    const summary = say(text.milestoneSummary, lang, r.right.due.length, r.right.overdue.length);
    ctx.io.out(`${r.right.overdue.length > 0 ? c.red('✘') : c.green('✔')} ${summary}\n`);
  }
  return r.right.overdue.length > 0 ? EXIT.findings : EXIT.ok;
}
