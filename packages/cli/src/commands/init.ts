import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runCases } from '@gridsafe/engine';
import { type CasesFile, formatIssue, type PackFile, type TestCase } from '@gridsafe/schema';
import { validatePack } from '@gridsafe/schema/node';
import type { Command } from 'commander';
import { canonical } from '../canonical.js';
import { type CommonOptions, type Ctx, colors, defineCommand, langOf } from '../context.js';
import { UserError } from '../errors.js';
import { H } from '../help.js';
import { say } from '../i18n.js';
import { EXIT } from '../io.js';
import { loadPack, RUNNERS } from '../packs.js';
import { scaffoldReadme } from './init.readme.js';
import { initText as text } from './messages.js';

interface Options extends CommonOptions {
  extends: string;
  rules: string;
  dir?: string;
  from?: string;
}

/** Create the scaffold; returns the exit code. */
export function runInit(name: string, opts: Options, ctx: Ctx): number {
  const lang = langOf(opts, ctx.io);
  if (!/^[a-z0-9][a-z0-9_-]{0,39}$/.test(name)) throw new UserError(say(text.badName, lang, name));
  const { pack: parent, dir: parentDir, set } = loadPack(opts.extends, opts.rules, lang);
  const dir = opts.dir ?? join(parentDir ? dirname(parentDir) : opts.rules, name);
  if (existsSync(dir)) throw new UserError(say(text.exists, lang, dir));
  const manifest = set.get(parent.id)?.find((s) => s.manifest.data.version === parent.version)?.manifest.data as PackFile;

  // Starter cases: the parent's passing cases, one of each type (an all-clear patrol first).
  const results = runCases(parent, { runners: RUNNERS });
  const passing = new Set(results.filter((r) => r.pass).map((r) => r.id));
  const own = parent.cases.filter((f) => f.pack === parent.id).flatMap((f) => f.cases);
  const ranked = [...own].sort(
    (a, b) => Number(b.type === 'patrol' && b.expect.hazards.length === 0) - Number(a.type === 'patrol' && a.expect.hazards.length === 0),
  );
  const chosen = new Map<string, TestCase>();
  for (const c of ranked) if (passing.has(c.id) && !chosen.has(c.type)) chosen.set(c.type, c);
  if (chosen.size === 0) throw new UserError(say(text.noCases, lang, parent.id));
  const prefix = `${parent.id}.`;
  const starter = [...chosen.values()].map((c0) => {
    const c = structuredClone(c0);
    // Patrol cases run on the new pack's first day (records outside its dates are refused).
    if (c.type === 'patrol') delete c.input.date;
    return { ...c, id: `${name}.${c.id.startsWith(prefix) ? c.id.slice(prefix.length) : c.id}` };
  });

  const from = opts.from ?? new Date().toISOString().slice(0, 10);
  const schemaRef = (kind: string) => `../../packages/schema/schemas/${kind}.schema.json`;
  const pack = {
    $schema: schemaRef('pack'),
    kind: 'pack' as const,
    id: name,
    version: '0.1.0',
    title: { zh: `${name} 安全生产网格化规则包`, en: `${name} safety-production grid rule pack` },
    source: manifest.source,
    region: { code: `local.${name}`, name: { zh: say(text.regionName, 'zh', name), en: say(text.regionName, 'en', name) } },
    extends: [parent.id],
    files: [`${name}.cases.json`],
    effective: { from: [from, parent.effective.from].sort()[1] as string },
    issuer: { zh: text.issuer.zh, en: text.issuer.en },
    overlays: [],
  };
  const cases = {
    $schema: schemaRef('cases'),
    kind: 'cases' as const,
    id: `${name}.cases`,
    version: '0.1.0',
    title: { zh: say(text.casesTitle, 'zh', name), en: say(text.casesTitle, 'en', name) },
    source: manifest.source,
    pack: name,
    cases: starter,
  };
  const item = parent.checklists[0]?.items[0]?.id;
  const tier = parent.escalations[0]?.tiers.find((t) => t.due.some((d) => d.severity === 'general'))?.id;
  mkdirSync(dir, { recursive: true });
  const files: [string, string][] = [
    ['pack.json', canonical(pack as unknown as PackFile)],
    [`${name}.cases.json`, canonical(cases as unknown as CasesFile)],
    ['README.md', scaffoldReadme(name, parent.id, dir, { ...(item ? { item } : {}), ...(tier ? { due: tier } : {}) })],
  ];
  for (const [f, body] of files) writeFileSync(join(dir, f), body);
  const c = colors(ctx.io);
  ctx.io.out(`${say(text.created, lang, dir)}\n${files.map(([f]) => `  ${join(dir, f)}`).join('\n')}\n`);
  const report = validatePack([dir]);
  if (!report.ok) {
    ctx.io.out(`${c.red(`✘ ${text.invalid[lang]}`)}\n${report.issues.map((i) => `  ${formatIssue(i, lang)}`).join('\n')}\n`);
    return EXIT.findings;
  }
  ctx.io.out(`${c.green(`✔ ${text.valid[lang]}`)}\n${say(text.next, lang, dir)}\n`);
  return EXIT.ok;
}

/** Register `gridsafe init`. */
export function initCommand(program: Command, ctx: Ctx): void {
  defineCommand(program, ctx, {
    name: 'init',
    args: [['<name>', H.initName]],
    packs: 'rules',
    describe: text.describe,
    examples: [
      'gridsafe init jiayu --extends chibi',
      'gridsafe init jiayu --extends rules/chibi --dir my-rules/jiayu',
      'gridsafe init licheng --extends xianyou --lang zh',
    ],
    exits: H.exits.init,
    required: [['--extends <pack>', H.extends]],
    options: [
      ['--dir <dir>', H.dir],
      ['--from <date>', H.from],
    ],
  }).action((name: string, opts: Options) => ctx.setCode(runInit(name, opts, ctx)));
}
