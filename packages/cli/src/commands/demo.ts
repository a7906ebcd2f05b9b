import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PackFile } from '@gridsafe/schema';
import { parsePeriod, renderHtml, score } from '@gridsafe/scoring';
import type { Command } from 'commander';
import { type CommonOptions, type Ctx, defineCommand, langOf } from '../context.js';
import { type DemoCase, runCases } from '../demo/cases.js';
import { simulateDuties } from '../demo/duties.js';
import { dutyRecords } from '../demo/duty-records.js';
import { simulateReports } from '../demo/freeform.js';
import { simulatePatrols } from '../demo/patrols.js';
import { periodRecords } from '../demo/records.js';
import { rng } from '../demo/rng.js';
import { type MonthBody, summary } from '../demo/summary.js';
import { buildWorld } from '../demo/world.js';
import { UserError } from '../errors.js';
import { titleIndex } from '../handbook/render.js';
import { H } from '../help.js';
import { bilingual, pick, say } from '../i18n.js';
import { EXIT } from '../io.js';
import { en } from '../locales/en.js';
import { zh } from '../locales/zh.js';
import { loadPack } from '../packs.js';
import { handbookHtml } from './handbook.js';

interface Options extends CommonOptions {
  region: string;
  rules: string;
  month: string;
  seed: string;
  out: string;
}

const text = bilingual(zh.demo, en.demo);

/** Simulate the month and write the outputs; returns the exit code. */
export async function runDemo(opts: Options, ctx: Ctx): Promise<number> {
  const lang = langOf(opts, ctx.io);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(opts.month)) throw new UserError(say(text.badMonth, lang, opts.month));
  const seed = Number(opts.seed);
  if (!Number.isInteger(seed)) throw new UserError(say(text.badSeed, lang, opts.seed));
  const period = parsePeriod(opts.month, '--month');
  if (period._tag === 'Left') throw new UserError(say(text.badMonth, lang, opts.month));
  const loaded = loadPack(opts.region, opts.rules, lang, `${opts.month}-01`);
  const { pack, set } = loaded;
  const manifest = set.get(pack.id)?.find((s) => s.manifest.data.version === pack.version)?.manifest.data as PackFile;
  const region = pick(manifest.region.name, lang);
  const random = rng(seed);
  const world = buildWorld(pack, pick(manifest.region.name, 'zh'), random);
  const end = `${period.right.end}T23:59:59+08:00`;
  const ndjson = (xs: unknown[]) => `${xs.map((x) => JSON.stringify(x)).join('\n')}\n`;
  let body: MonthBody;
  let cases: DemoCase[];
  let records: Record<string, unknown>[];
  let sent: ['patrols' | 'reports', unknown[]];
  if (world.freeForm) {
    // No checklist: the cadences' duties, and hazards reported free-form.
    const duties = simulateDuties(pack, world, opts.month, random, lang);
    const reported = simulateReports(pack, world, opts.month, random);
    cases = runCases(pack, reported.found, end, random, lang);
    records = dutyRecords(pack, world, opts.month, duties, cases, random);
    const immediate = records.filter((r) => r.type === 'hazard' && r.reportedImmediately === true).length;
    body = { freeForm: { pack, duties, reported, immediate } };
    sent = ['reports', reported.reports];
  } else {
    const patrols = simulatePatrols(pack, world, opts.month, random, lang);
    cases = runCases(pack, patrols.found, end, random, lang);
    records = periodRecords(pack, world, opts.month, period.right, patrols, cases, random);
    body = { patrols };
    sent = ['patrols', patrols.recordList];
  }
  const scored = await score(pack, records, { period: period.right, unit: world.focus.id, name: 'demo' });
  if (scored._tag === 'Left') throw new UserError(`${text.noScore[lang]} ${scored.left.map((i) => i.message[lang]).join('; ')}`);
  mkdirSync(opts.out, { recursive: true });
  const files: ['report' | 'handbook' | 'patrols' | 'reports' | 'records', string][] = [
    ['report', join(opts.out, 'report.html')],
    ['handbook', join(opts.out, 'handbook.html')],
    [sent[0], join(opts.out, `${sent[0]}.ndjson`)],
    ['records', join(opts.out, 'records.ndjson')],
  ];
  const bodies = {
    report: renderHtml(scored.right, { lang }),
    handbook: handbookHtml(loaded, lang),
    [sent[0]]: ndjson(sent[1]),
    records: ndjson(records),
  } as Record<(typeof files)[number][0], string>;
  for (const [k, f] of files) writeFileSync(f, bodies[k]);
  const chain = pack.chain.map((c) => `${c.id}@${c.version}`).join(' ← ');
  ctx.io.out(
    summary(
      lang,
      { region, month: opts.month, seed, pack: { id: pack.id, version: pack.version }, chain },
      world,
      body,
      cases,
      scored.right,
      titleIndex(pack, lang),
      files,
    ),
  );
  return EXIT.ok;
}

/** Register `gridsafe demo`. */
export function demoCommand(program: Command, ctx: Ctx): void {
  defineCommand(program, ctx, {
    name: 'demo',
    packs: 'rules',
    describe: text.describe,
    examples: [
      'gridsafe demo',
      'gridsafe demo --region chibi --seed 7',
      'gridsafe demo --region mudan',
      'gridsafe demo --month 2026-08 --out demo-out --lang en',
    ],
    exits: H.exits.demo,
    options: [
      ['--region <pack>', H.region, 'xianyou'],
      ['--month <month>', H.month, '2026-07'],
      ['--seed <seed>', H.seed, '2026'],
      ['--out <dir>', H.outDir, 'out'],
    ],
  }).action(async (opts: Options) => ctx.setCode(await runDemo(opts, ctx)));
}
