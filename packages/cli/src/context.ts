import type { Lang } from '@gridsafe/schema';
import { type Command, Option } from 'commander';
import pc from 'picocolors';
import { UserError } from './errors.js';
import { H } from './help.js';
import { common, type Msg, say } from './i18n.js';
import { type CliIO, detectLang } from './io.js';

/** What a command needs: where to write, how to report its exit code, and the language of its help. */
export interface Ctx {
  io: CliIO;
  setCode: (code: number) => void;
  /** The language of help texts (from `--lang` anywhere on the command line, else the locale). */
  lang: Lang;
}

/** Options every command has. */
export interface CommonOptions {
  lang?: string;
}

/** Add `--lang`, and the examples and exit codes to a command's help, in the help language. */
export function describe(cmd: Command, what: Msg, examples: string[], exits: Msg, lang: Lang): Command {
  return cmd
    .description(say(what, lang))
    .helpOption('-h, --help', say(H.help, lang))
    .addOption(new Option('--lang <lang>', say(H.lang, lang)).choices(['zh', 'en']))
    .addHelpText(
      'after',
      `\n${say(H.examples, lang)}\n${examples.map((e) => `  $ ${e}`).join('\n')}\n\n${say(H.exitCodes, lang)}${say(exits, lang)}`,
    );
}

/** A command as data: its name, arguments, pack options, help, examples, exit codes and options. */
export interface CommandSpec {
  name: string;
  /** Positional arguments, in order: commander's spec (`<a>`, `[paths...]`) and help. */
  args?: readonly (readonly [spec: string, help: Msg])[];
  /** `pack`: `--pack` (required) and `--rules`; `rules`: `--rules` only. */
  packs?: 'pack' | 'rules';
  describe: Msg;
  examples: readonly string[];
  exits: Msg;
  /** Options after the common ones: flags, help and an optional default. */
  options?: readonly (readonly [flags: string, help: Msg, defaultValue?: string])[];
  /** Options the command cannot run without. */
  required?: readonly (readonly [flags: string, help: Msg])[];
}

/** Register a command from its spec, every text in the help language; the caller adds the action. */
export function defineCommand(program: Command, ctx: Ctx, spec: CommandSpec): Command {
  const l = ctx.lang;
  let cmd = program.command(spec.name);
  for (const [arg, help] of spec.args ?? []) cmd = cmd.argument(arg, say(help, l));
  if (spec.packs === 'pack') cmd = packOptions(cmd, l);
  else if (spec.packs === 'rules') cmd = rulesOption(cmd, l);
  cmd = describe(cmd, spec.describe, [...spec.examples], spec.exits, l);
  for (const [flags, help] of spec.required ?? []) cmd = cmd.requiredOption(flags, say(help, l));
  for (const [flags, help, value] of spec.options ?? [])
    cmd = value === undefined ? cmd.option(flags, say(help, l)) : cmd.option(flags, say(help, l), value);
  return cmd;
}

/** Add `--pack` (required unless a default is given) and `--rules`. */
export function packOptions(cmd: Command, lang: Lang, defaultPack?: string): Command {
  const withPack = defaultPack
    ? cmd.option('--pack <pack>', say(H.pack, lang), defaultPack)
    : cmd.requiredOption('--pack <pack>', say(H.pack, lang));
  return rulesOption(withPack, lang);
}

/** Add `--rules`. */
export const rulesOption = (cmd: Command, lang: Lang): Command => cmd.option('--rules <dir>', say(H.rules, lang), 'rules');

/** The language of a run. */
export const langOf = (opts: CommonOptions, io: CliIO): Lang => detectLang(opts.lang, io.env);

/** Colours on a terminal without NO_COLOR; plain text otherwise. */
export const colors = (io: CliIO) => (io.isTTY && !io.env.NO_COLOR ? pc : pc.createColors(false));

/** Check `--format` against the formats a command knows. */
export function checkFormat<F extends string>(format: string | undefined, allowed: readonly F[], lang: Lang): F {
  if (format && (allowed as readonly string[]).includes(format)) return format as F;
  throw new UserError(say(common.badFormat, lang, String(format), allowed.join(', ')));
}
