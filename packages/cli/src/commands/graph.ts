import { writeFileSync } from 'node:fs';
import { createEscalationMachine, escalationGraph, graphToMermaid } from '@gridsafe/escalation';
import type { Command } from 'commander';
import { type CommonOptions, type Ctx, checkFormat, defineCommand, langOf } from '../context.js';
import { UserError } from '../errors.js';
import { graphMermaid, graphSvg, policyGraph } from '../handbook/chart.js';
import { machineSvg } from '../handbook/machine-svg.js';
import { titleIndex } from '../handbook/render.js';
import { H } from '../help.js';
import { bilingual, common, pick, say } from '../i18n.js';
import { EXIT } from '../io.js';
import { en } from '../locales/en.js';
import { zh } from '../locales/zh.js';
import { loadPack } from '../packs.js';

interface Options extends CommonOptions {
  pack: string;
  rules: string;
  format: string;
  escalation?: string;
  view: string;
  out?: string;
}

const text = bilingual(zh.graph, en.graph);

function checkView(view: string, lang: 'zh' | 'en'): 'machine' | 'chain' {
  if (view === 'machine' || view === 'chain') return view;
  throw new UserError(say(text.badView, lang, view));
}

/** Print or write the graph; returns the exit code. */
export function runGraph(opts: Options, ctx: Ctx): number {
  const lang = langOf(opts, ctx.io);
  const format = checkFormat(opts.format, ['mermaid', 'svg'] as const, lang);
  const { pack } = loadPack(opts.pack, opts.rules, lang);
  if (pack.escalations.length === 0) throw new UserError(say(text.none, lang, pack.id));
  const esc = opts.escalation ? pack.escalations.find((e) => e.id === opts.escalation) : pack.escalations[0];
  if (!esc) throw new UserError(say(text.unknown, lang, String(opts.escalation), pack.escalations.map((e) => e.id).join(', ')));
  const view = checkView(opts.view, lang);
  let out: string;
  if (view === 'chain') {
    const graph = policyGraph(esc, lang, titleIndex(pack, lang));
    out = format === 'svg' ? `${graphSvg(graph, pick(esc.title, lang))}\n` : graphMermaid(graph);
  } else {
    const machine = createEscalationMachine(pack, { policy: esc.id });
    if (machine._tag === 'Left') throw new UserError(machine.left.map((i) => i.message[lang]).join('\n'));
    const graph = escalationGraph(machine.right);
    out = format === 'svg' ? `${machineSvg(graph, pick(esc.title, lang))}\n` : graphToMermaid(graph);
  }
  if (opts.out) {
    writeFileSync(opts.out, out);
    ctx.io.err(`${say(common.wrote, lang, opts.out)}\n`);
  } else ctx.io.out(out);
  return EXIT.ok;
}

/** Register `gridsafe graph`. */
export function graphCommand(program: Command, ctx: Ctx): void {
  defineCommand(program, ctx, {
    name: 'graph',
    packs: 'pack',
    describe: text.describe,
    examples: [
      'gridsafe graph --pack xianyou',
      'gridsafe graph --pack chibi --format svg --out chibi-escalation.svg',
      'gridsafe graph --pack rules/xianyou --lang en',
    ],
    exits: H.exits.graph,
    options: [
      ['--format <format>', H.formatGraph, 'mermaid'],
      ['--view <view>', H.view, 'machine'],
      ['--escalation <id>', H.escalation],
      ['--out <file>', H.out],
    ],
  }).action((opts: Options) => ctx.setCode(runGraph(opts, ctx)));
}
