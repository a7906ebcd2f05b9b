import { writeFileSync } from 'node:fs';
import type { PackFile } from '@gridsafe/schema';
import type { Command } from 'commander';
import { type CommonOptions, type Ctx, defineCommand } from '../context.js';
import { renderHandbook } from '../handbook/render.js';
import { H } from '../help.js';
import { bilingual, common, pick, say } from '../i18n.js';
import { detectLang, EXIT } from '../io.js';
import { en } from '../locales/en.js';
import { zh } from '../locales/zh.js';
import { type LoadedPack, loadPack } from '../packs.js';

interface Options extends CommonOptions {
  pack: string;
  rules: string;
  out?: string;
}

const text = bilingual(zh.handbook, en.handbook);

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
