import { writeFileSync } from 'node:fs';
import type { PackFile } from '@gridsafe/schema';
import type { Command } from 'commander';
import { type CommonOptions, type Ctx, defineCommand } from '../context.js';
import { renderHandbook } from '../handbook/render.js';
import { H } from '../help.js';
import { common, pick, say } from '../i18n.js';
import { detectLang, EXIT } from '../io.js';
import { type LoadedPack, loadPack } from '../packs.js';

interface Options extends CommonOptions {
  pack: string;
  rules: string;
  out?: string;
}

const text = {
  describe: {
    zh: '生成网格员巡查工作手册(可打印的 HTML)：各类网格的巡查清单、检查要点、重大隐患判定、报送对象与流程图、工作频次；没有巡查清单的规则包则注明没有清单，列出层级与职责、报送流程图和工作频次；默认中文',
    en: "the grid worker's patrol handbook as print-ready HTML: checklists, what to look for, what counts as major, how and to whom to report with the escalation chart, cadences; for a pack without checklists, a handbook that says so, with its levels and duties, the escalation chart and the cadences; zh by default",
  },
};

/** The handbook HTML of a loaded pack, in a language. */
export function handbookHtml(loaded: LoadedPack, lang: 'zh' | 'en'): string {
  const { pack, set } = loaded;
  const manifest = set.get(pack.id)?.find((s) => s.manifest.data.version === pack.version)?.manifest.data as PackFile | undefined;
  return renderHandbook(pack, lang, {
    ...(manifest ? { name: pick(manifest.region.name, lang), issuer: pick(manifest.issuer, lang) } : {}),
    ...(manifest?.docNumber ? { docNumber: manifest.docNumber } : {}),
  });
}

/** Print or write the handbook; returns the exit code. */
export function runHandbook(opts: Options, ctx: Ctx): number {
  // The handbook is for grid workers: zh unless --lang says otherwise.
  const lang = opts.lang ? detectLang(opts.lang, ctx.io.env) : 'zh';
  // Messages follow the locale; the handbook itself is zh unless --lang says otherwise.
  const said = detectLang(opts.lang, ctx.io.env);
  const loaded = loadPack(opts.pack, opts.rules, said);
  const html = handbookHtml(loaded, lang);
  if (opts.out) {
    writeFileSync(opts.out, html);
    ctx.io.err(`${say(common.wrote, said, opts.out)}\n`);
  } else ctx.io.out(html);
  return EXIT.ok;
}

/** Register `gridsafe handbook`. */
export function handbookCommand(program: Command, ctx: Ctx): void {
  defineCommand(program, ctx, {
    name: 'handbook',
    packs: 'pack',
    describe: text.describe,
    examples: [
      'gridsafe handbook --pack chibi > chibi-handbook.html',
      'gridsafe handbook --pack rules/xianyou --out xianyou.html',
      'gridsafe handbook --pack chibi --lang en --out chibi-en.html',
      'gridsafe handbook --pack mudan --out mudan.html',
    ],
    exits: H.exits.handbook,
    options: [['--out <file>', H.out]],
  }).action((opts: Options) => ctx.setCode(runHandbook(opts, ctx)));
}
