import { writeFileSync } from 'node:fs';
import { formatIssue } from '@gridsafe/schema';
import { listRuleFiles } from '@gridsafe/schema/node';
import type { Command } from 'commander';
import { canonical, isRuleFile } from '../canonical.js';
import { type CommonOptions, type Ctx, colors, defineCommand, langOf } from '../context.js';
import { UserError } from '../errors.js';
import { H } from '../help.js';
import { bilingual, colon, common, say } from '../i18n.js';
import { EXIT } from '../io.js';
import { en } from '../locales/en.js';
import { zh } from '../locales/zh.js';

interface Options extends CommonOptions {
  check?: boolean;
}

const text = bilingual(zh.fmt, en.fmt);

/** Format (or check) the rule files under paths; returns the exit code. */
export function runFmt(paths: string[], opts: Options, ctx: Ctx): number {
  const lang = langOf(opts, ctx.io);
  const c = colors(ctx.io);
  const { inputs, issues } = listRuleFiles(paths.length > 0 ? paths : ['rules/']);
  if (issues.length > 0) throw new UserError(issues.map((i) => formatIssue(i, lang)).join('\n'));
  let total = 0;
  let changed = 0;
  for (const input of inputs) {
    let data: unknown;
    try {
      data = JSON.parse(input.text);
    } catch (e) {
      throw new UserError(say(common.badJson, lang, input.name, (e as Error).message));
    }
    if (!isRuleFile(data)) continue;
    total++;
    const out = canonical(data);
    if (out === input.text) continue;
    changed++;
    if (opts.check) ctx.io.out(`${c.yellow('✘')} ${input.name}${colon(lang)}${text.wouldChange[lang]}\n`);
    else {
      writeFileSync(input.name, out);
      ctx.io.out(`${c.green('✔')} ${input.name}${colon(lang)}${text.formatted[lang]}\n`);
    }
  }
  ctx.io.out(
    `${say(text.summary, lang, changed, total, opts.check === true)}${opts.check && changed > 0 ? ` (${text.hint[lang]})` : ''}\n`,
  );
  return opts.check && changed > 0 ? EXIT.findings : EXIT.ok;
}

/** Register `gridsafe fmt`. */
export function fmtCommand(program: Command, ctx: Ctx): void {
  defineCommand(program, ctx, {
    name: 'fmt',
    args: [['[paths...]', H.paths]],
    describe: text.describe,
    examples: ['gridsafe fmt rules/chibi', 'gridsafe fmt --check rules/', 'gridsafe fmt my-rules/chibi/checklist-village.json'],
    exits: H.exits.fmt,
    options: [['--check', H.check]],
  }).action((paths: string[], opts: Options) => ctx.setCode(runFmt(paths, opts, ctx)));
}
