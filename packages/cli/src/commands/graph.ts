import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { type CommonOptions, type Ctx, checkFormat, describe, langOf, packOptions } from '../context.js';
import { UserError } from '../errors.js';
import { graphMermaid, graphSvg, policyGraph } from '../handbook/chart.js';
import { titleIndex } from '../handbook/render.js';
import { H } from '../help.js';
import { common, pick, say } from '../i18n.js';
import { EXIT } from '../io.js';
import { loadPack } from '../packs.js';

interface Options extends CommonOptions {
  pack: string;
  rules: string;
  format: string;
  escalation?: string;
  out?: string;
}

const text = {
  describe: {
    zh: '输出规则包的隐患报送与处置流程图：Mermaid 文本或 SVG 图',
    en: "the pack's hazard escalation chain as a Mermaid flowchart or an SVG drawing",
  },
  none: { zh: (p: string) => `${p} 没有报送处置流程(escalation)`, en: (p: string) => `${p} has no escalation policy` },
  unknown: {
    zh: (id: string, ids: string) => `没有报送处置流程 "${id}"；可选：${ids}`,
    en: (id: string, ids: string) => `no escalation policy "${id}"; there is: ${ids}`,
  },
};

/** Print or write the graph; returns the exit code. */
export function runGraph(opts: Options, ctx: Ctx): number {
  const lang = langOf(opts, ctx.io);
  const format = checkFormat(opts.format, ['mermaid', 'svg'] as const, lang);
  const { pack } = loadPack(opts.pack, opts.rules, lang);
  if (pack.escalations.length === 0) throw new UserError(say(text.none, lang, pack.id));
  const esc = opts.escalation ? pack.escalations.find((e) => e.id === opts.escalation) : pack.escalations[0];
  if (!esc) throw new UserError(say(text.unknown, lang, String(opts.escalation), pack.escalations.map((e) => e.id).join(', ')));
  const graph = policyGraph(esc, lang, titleIndex(pack, lang));
  const out = format === 'svg' ? `${graphSvg(graph, pick(esc.title, lang))}\n` : graphMermaid(graph);
  if (opts.out) {
    writeFileSync(opts.out, out);
    ctx.io.err(`${say(common.wrote, lang, opts.out)}\n`);
  } else ctx.io.out(out);
  return EXIT.ok;
}

/** Register `gridsafe graph`. */
export function graphCommand(program: Command, ctx: Ctx): void {
  const l = ctx.lang;
  describe(
    packOptions(program.command('graph'), l),
    text.describe,
    [
      'gridsafe graph --pack xianyou',
      'gridsafe graph --pack chibi --format svg --out chibi-escalation.svg',
      'gridsafe graph --pack rules/xianyou --lang en',
    ],
    H.exits.graph,
    l,
  )
    .option('--format <format>', say(H.formatGraph, l), 'mermaid')
    .option('--escalation <id>', say(H.escalation, l))
    .option('--out <file>', say(H.out, l))
    .action((opts: Options) => ctx.setCode(runGraph(opts, ctx)));
}
