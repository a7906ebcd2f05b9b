/**
 * `@gridsafe/cli`: the `gridsafe` command for policy staff and CI.
 *
 * @packageDocumentation
 */
import { Command, CommanderError } from 'commander';
import { checkCommand } from './commands/check.js';
import { demoCommand } from './commands/demo.js';
import { diffCommand } from './commands/diff.js';
import { fmtCommand } from './commands/fmt.js';
import { graphCommand } from './commands/graph.js';
import { handbookCommand } from './commands/handbook.js';
import { initCommand } from './commands/init.js';
import { scoreCommand } from './commands/score.js';
import { testCommand } from './commands/test.js';
import { validateCommand } from './commands/validate.js';
import type { Ctx } from './context.js';
import { UserError } from './errors.js';
import { H } from './help.js';
import { bilingual, say } from './i18n.js';
import { type CliIO, detectLang, EXIT, processIO } from './io.js';
import { en } from './locales/en.js';
import { zh } from './locales/zh.js';

const cli = bilingual(zh.cli, en.cli);

export { canonical, isRuleFile } from './canonical.js';
export { type Coverage, coverageOf, type RuleCoverage } from './coverage.js';
export { diffPacks, type Element, elements, type FieldChange, type Origin, origin, type PackDiff } from './diffcore.js';
export { UserError } from './errors.js';
export { renderHandbook } from './handbook/render.js';
export { type CliIO, detectLang, EXIT } from './io.js';

/**
 * Run the `gridsafe` command line with `argv` (without the node and script entries) and return
 * its exit code: 0 ok, 1 findings or failures, 2 usage or input error. Never prints a stack
 * trace for a user error.
 *
 * @example
 * ```ts
 * import { run } from '@gridsafe/cli';
 * const code = await run(['validate', 'rules/', '--format', 'json']);
 * console.log(code); // 0 when every rule file is valid
 * ```
 */
export async function run(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  let code: number = EXIT.ok;
  const flag = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const lang = detectLang(flag < 0 ? undefined : argv[flag]?.includes('=') ? argv[flag]?.slice(7) : argv[flag + 1], io.env);
  const program = new Command('gridsafe')
    .description(say(cli.about, lang))
    .helpOption('-h, --help', say(H.help, lang))
    .helpCommand('help [command]', say(H.help, lang))
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError();
  const ctx: Ctx = {
    io,
    lang,
    setCode: (c) => {
      code = c;
    },
  };
  for (const register of [
    validateCommand,
    testCommand,
    checkCommand,
    scoreCommand,
    diffCommand,
    handbookCommand,
    initCommand,
    graphCommand,
    fmtCommand,
    demoCommand,
  ])
    register(program, ctx);
  for (const c of program.commands) c.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
  if (argv.length === 0) {
    program.outputHelp({ error: true });
    return EXIT.usage;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof UserError) {
      io.err(`gridsafe: ${e.message}\n`);
      return e.code;
    }
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    // A bug, not a user error: the message only, unless GRIDSAFE_DEBUG asks for the stack.
    const detail = io.env.GRIDSAFE_DEBUG && e instanceof Error ? (e.stack ?? e.message) : e instanceof Error ? e.message : String(e);
    io.err(`gridsafe: ${say(cli.internal, lang)}${detail}\n`);
    return EXIT.usage;
  }
  return code;
}
