import { type CaseResult, runCases } from '@gridsafe/engine';
import { formatIssue, type Lang } from '@gridsafe/schema';
import type { Command } from 'commander';
import { type CommonOptions, type Ctx, checkFormat, colors, defineCommand, langOf } from '../context.js';
import { type Coverage, coverageOf } from '../coverage.js';
import { UserError } from '../errors.js';
import { H } from '../help.js';
import { colon, pick, say } from '../i18n.js';
import { EXIT } from '../io.js';
import { loadPack, packIds, RUNNERS } from '../packs.js';
import { testText as text } from './messages.js';

interface Options extends CommonOptions {
  rules: string;
  format: string;
  coverage?: boolean;
  coverageThreshold?: string;
}

/** What `gridsafe test` reports for one pack. */
export interface PackTestReport {
  pack: string;
  version: string;
  passed: number;
  failed: number;
  results: CaseResult[];
  coverage?: Coverage;
}

const show = (v: unknown) => JSON.stringify(v);

/** The keys where expected and actual differ, as `- expected` / `+ actual` lines. */
function diffLines(r: CaseResult): string[] {
  const exp = (r.expected ?? {}) as Record<string, unknown>;
  const act = (r.actual && typeof r.actual === 'object' ? r.actual : { result: r.actual }) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(exp), ...Object.keys(act)])];
  return keys
    .filter((k) => show(exp[k]) !== show(act[k]))
    .flatMap((k) => [`      ${k}:`, `        - ${show(exp[k])}`, `        + ${show(act[k])}`]);
}

function human(reports: PackTestReport[], lang: Lang, c: ReturnType<typeof colors>, threshold: number | undefined): string {
  const lines: string[] = [];
  for (const rep of reports) {
    lines.push(c.bold(`${rep.pack}@${rep.version}`));
    for (const r of rep.results) {
      lines.push(`  ${r.pass ? c.green('✔') : c.red('✘')} ${r.id} ${c.dim(pick(r.title, lang))}`);
      if (!r.pass) {
        lines.push(c.dim(`      ${say(text.expectedActual, lang)}`));
        for (const i of r.issues ?? []) lines.push(c.red(`      ${formatIssue(i, lang)}`));
        if (r.actual !== null)
          lines.push(
            ...diffLines(r).map((l) => (l.trimStart().startsWith('-') ? c.green(l) : l.trimStart().startsWith('+') ? c.red(l) : l)),
          );
      }
    }
    lines.push(`  ${say(text.summary, lang, rep.passed, rep.failed)}`);
    if (rep.coverage) {
      const cov = rep.coverage;
      lines.push(
        `  ${say(text.coverage, lang)}${colon(lang)}${say(text.covLine, lang, cov.rules.percent, cov.rules.covered, cov.rules.total, cov.branches.percent, cov.branches.covered, cov.branches.total)}`,
      );
      const uncovered = cov.byRule.filter((r) => !r.covered).map((r) => r.id);
      if (uncovered.length > 0) lines.push(c.yellow(`  ${say(text.uncovered, lang)}${colon(lang)}${uncovered.join(', ')}`));
      for (const r of cov.byRule.filter((x) => x.covered && x.missing.length > 0).slice(0, 30))
        lines.push(c.dim(`    ${r.id}: ${say(text.missingBranches, lang)} ${r.missing.join(', ')}`));
      if (threshold !== undefined && cov.branches.percent < threshold)
        lines.push(c.red(`  ✘ ${say(text.below, lang, cov.branches.percent, threshold)}`));
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

/** Run the cases of one or every pack; returns the exit code. */
export function runTest(spec: string | undefined, opts: Options, ctx: Ctx): number {
  const lang = langOf(opts, ctx.io);
  const format = checkFormat(opts.format, ['text', 'json'] as const, lang);
  const threshold = opts.coverageThreshold === undefined ? undefined : Number(opts.coverageThreshold);
  if (threshold !== undefined && !(threshold >= 0 && threshold <= 100))
    throw new UserError(say(text.badThreshold, lang, String(opts.coverageThreshold)));
  const wantCoverage = opts.coverage === true || threshold !== undefined;
  const ids = spec ? [spec] : packIds(opts.rules, lang);
  const reports: PackTestReport[] = ids.map((id) => {
    const { pack } = loadPack(id, opts.rules, lang);
    const results = runCases(pack, { runners: RUNNERS });
    const passed = results.filter((r) => r.pass).length;
    const own = pack.cases.filter((f) => f.pack === pack.id).flatMap((f) => f.cases);
    return {
      pack: pack.id,
      version: pack.version,
      passed,
      failed: results.length - passed,
      results,
      ...(wantCoverage ? { coverage: coverageOf(pack, own) } : {}),
    };
  });
  if (format === 'json') ctx.io.out(`${JSON.stringify(spec ? reports[0] : reports, null, 2)}\n`);
  else ctx.io.out(human(reports, lang, colors(ctx.io), threshold));
  const failed = reports.some((r) => r.failed > 0 || r.results.length === 0);
  const below = threshold !== undefined && reports.some((r) => (r.coverage?.branches.percent ?? 100) < threshold);
  return failed || below ? EXIT.findings : EXIT.ok;
}

/** Register `gridsafe test`. */
export function testCommand(program: Command, ctx: Ctx): void {
  defineCommand(program, ctx, {
    name: 'test',
    args: [['[pack]', H.testPack]],
    packs: 'rules',
    describe: text.describe,
    examples: [
      'gridsafe test chibi',
      'gridsafe test rules/chibi --coverage',
      'gridsafe test xianyou --coverage-threshold 80',
      'gridsafe test --format json',
    ],
    exits: H.exits.test,
    options: [
      ['--format <format>', H.formatText, 'text'],
      ['--coverage', H.coverage],
      ['--coverage-threshold <percent>', H.threshold],
    ],
  }).action((spec: string | undefined, opts: Options) => ctx.setCode(runTest(spec, opts, ctx)));
}
