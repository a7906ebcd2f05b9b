import { formatIssue, type Lang, type ValidationReport } from '@gridsafe/schema';
import { listRuleFiles, validatePack } from '@gridsafe/schema/node';
import type { Command } from 'commander';
import pc from 'picocolors';
import { type Ctx, checkFormat, defineCommand } from '../context.js';
import { codeFrame } from '../frame.js';
import { H } from '../help.js';
import { bilingual } from '../i18n.js';
import { type CliIO, detectLang, EXIT } from '../io.js';
import { en } from '../locales/en.js';
import { zh } from '../locales/zh.js';

const text = bilingual(zh.validate, en.validate);

function human(report: ValidationReport, fileCount: number, lang: Lang, texts: Map<string, string>, color: boolean): string {
  const t = lang === 'zh' ? zh.validate : en.validate;
  const c = color ? pc : pc.createColors(false);
  const lines: string[] = [];
  for (const issue of report.issues) {
    const line = formatIssue(issue, lang);
    lines.push(issue.severity === 'error' ? c.red(line) : c.yellow(line));
    const frame = codeFrame(issue, texts);
    if (frame) lines.push(c.dim(frame.trimEnd()));
  }
  if (report.packs.length > 0) {
    lines.push('', c.bold(`${t.packs}${lang === 'zh' ? '：' : ':'}`));
    for (const p of report.packs) {
      const counts = Object.entries(p.elements)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ');
      const ext = p.extends.length > 0 ? ` ${t.extends} ${p.extends.join(', ')}` : '';
      lines.push(`  ${p.id}@${p.version} (${p.dir}, ${p.files} ${t.files}${ext}): ${counts}`);
    }
  }
  const status = report.ok ? c.green(`✔ ${t.ok}`) : c.red(`✘ ${t.failed}`);
  lines.push('', `${status}${lang === 'zh' ? '：' : ': '}${t.summary(report.errors, report.warnings, fileCount)}`);
  return `${lines.join('\n')}\n`;
}

/** Run `validate` on paths; returns the exit code. */
export function runValidate(paths: string[], opts: { format?: string; lang?: string }, io: CliIO): number {
  const lang = detectLang(opts.lang, io.env);
  const report = validatePack(paths.length > 0 ? paths : ['rules/']);
  if (opts.format === 'json') {
    const { files, ...rest } = report;
    io.out(`${JSON.stringify({ ...rest, files: [...files.keys()] }, null, 2)}\n`);
  } else {
    const { inputs } = listRuleFiles(paths.length > 0 ? paths : ['rules/']);
    const texts = new Map(inputs.map((i) => [i.name, i.text]));
    io.out(human(report, inputs.length, lang, texts, io.isTTY && !io.env.NO_COLOR));
  }
  const unreadable = report.issues.some((i) => i.code === 'file.unreadable');
  if (unreadable) return EXIT.usage;
  return report.ok ? EXIT.ok : EXIT.findings;
}

/** Register `gridsafe validate`. */
export function validateCommand(program: Command, ctx: Ctx): void {
  defineCommand(program, ctx, {
    name: 'validate',
    args: [['[paths...]', H.paths]],
    describe: text.describe,
    examples: [
      'gridsafe validate rules/',
      'gridsafe validate rules/chibi --lang zh',
      'gridsafe validate rules/ --format json > report.json',
    ],
    exits: H.exits.validate,
    options: [['--format <format>', H.formatText, 'text']],
  }).action((paths: string[], opts: { format?: string; lang?: string }) => {
    const lang = detectLang(opts.lang, ctx.io.env);
    checkFormat(opts.format, ['text', 'json'] as const, lang);
    ctx.setCode(runValidate(paths, opts, ctx.io));
  });
}
