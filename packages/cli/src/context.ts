import type { Lang } from '@gridsafe/schema';
import { type Command, Option } from 'commander';
import pc from 'picocolors';
import { UserError } from './errors.js';
import { common, say } from './i18n.js';
import { type CliIO, detectLang } from './io.js';

/** What a command needs: where to write, and how to report its exit code. */
export interface Ctx {
  io: CliIO;
  setCode: (code: number) => void;
}

/** Options every command has. */
export interface CommonOptions {
  lang?: string;
}

/** Add `--lang`, and the examples and exit codes to a command's help. */
export function describe(cmd: Command, zh: string, en: string, examples: string[], exits: string): Command {
  return cmd
    .description(`${en}\n${zh}`)
    .addOption(new Option('--lang <lang>', `${common.langOption.en} / ${common.langOption.zh}`).choices(['zh', 'en']))
    .addHelpText('after', `\nExamples / 示例:\n${examples.map((e) => `  $ ${e}`).join('\n')}\n\nExit codes / 退出码: ${exits}`);
}

/** Add `--pack` and `--rules`. */
export function packOptions(cmd: Command, required = true): Command {
  const pack = `${common.packOption.en} / ${common.packOption.zh}`;
  (required ? cmd.requiredOption('--pack <pack>', pack) : cmd.option('--pack <pack>', pack)).option(
    '--rules <dir>',
    `${common.rulesOption.en} / ${common.rulesOption.zh}`,
    'rules',
  );
  return cmd;
}

/** The language of a run. */
export const langOf = (opts: CommonOptions, io: CliIO): Lang => detectLang(opts.lang, io.env);

/** Colours on a terminal without NO_COLOR; plain text otherwise. */
export const colors = (io: CliIO) => (io.isTTY && !io.env.NO_COLOR ? pc : pc.createColors(false));

/** Check `--format` against the formats a command knows. */
export function checkFormat<F extends string>(format: string | undefined, allowed: readonly F[], lang: Lang): F {
  if (format && (allowed as readonly string[]).includes(format)) return format as F;
  throw new UserError(say(common.badFormat, lang, String(format), allowed.join(', ')));
}
