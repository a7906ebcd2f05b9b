import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChecklistFile, FactDecl } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';
import { namedConditions } from '../src/evaluate/compiled.js';
import { resolvePack } from '../src/index.js';
import { loadPackSet } from '../src/node.js';
import { fmt, ROOT, verdict } from './harness.js';
import { HAZARD_RATE, hostRecords } from './workload.js';

const M = Number(process.env.BENCH_CHECK_RECORDS ?? 50_000);

/** The floor: read the NDJSON file line by line with readline and parse each line, as `check` reads it. */
const FLOOR = `
const { createReadStream } = require('node:fs');
const { createInterface } = require('node:readline');
(async () => {
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(process.argv[1]), crlfDelay: Infinity })) {
    if (line.trim() !== '') { JSON.parse(line); n++; }
  }
  if (n === 0) process.exitCode = 3;
})();
`;

/** `gridsafe check` in every format against the read-and-parse floor, each a process of its own. */
export async function checkBench(): Promise<string> {
  const set = loadPackSet(join(ROOT, 'rules'));
  if (E.isLeft(set)) throw new Error('rules/ does not load');
  const pack = resolvePack(set.right, 'chibi');
  if (E.isLeft(pack)) throw new Error('chibi does not resolve');
  const checklist = pack.right.checklists.find((c) => c.gridType === 'community') as ChecklistFile;
  const catalog = new Map<string, FactDecl>(pack.right.catalogs.flatMap((c) => c.facts.map((f) => [f.id, f] as const)));
  const dir = mkdtempSync(join(tmpdir(), 'gridsafe-bench-'));
  const file = join(dir, 'patrols.ndjson');
  writeFileSync(
    file,
    `${hostRecords(checklist, catalog, namedConditions(pack.right), M, 5)
      .map((r) => JSON.stringify(r))
      .join('\n')}\n`,
  );
  const empty = join(dir, 'empty.ndjson');
  writeFileSync(empty, '\n');
  const bin = join(ROOT, 'packages/cli/dist/bin.js');
  const sink = join(dir, 'out');
  // Each child writes the CPU time it used (user and system) when it exits: the figure timed.
  const preload = join(dir, 'cpu.cjs');
  const cpuFile = join(dir, 'cpu');
  writeFileSync(
    preload,
    "process.on('exit', () => { const u = process.cpuUsage(); require('node:fs').writeFileSync(process.env.GRIDSAFE_BENCH_CPU, String((u.user + u.system) / 1e6)); });\n",
  );
  let spent = 0;
  const proc = (args: string[], expect: number[]) => () => {
    const fd = openSync(sink, 'w');
    try {
      const r = spawnSync(process.execPath, ['--require', preload, ...args], {
        cwd: ROOT,
        stdio: ['ignore', fd, 'ignore'],
        env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8', GRIDSAFE_BENCH_CPU: cpuFile },
      });
      if (!expect.includes(r.status ?? -1)) throw new Error(`${args.slice(1).join(' ')} exited ${r.status}`);
      spent = Number(readFileSync(cpuFile, 'utf8'));
    } finally {
      closeSync(fd);
    }
  };
  const check = (format: string, extra: string[] = [], input = file) =>
    proc([bin, 'check', '--pack', 'chibi', input, '--format', format, '--no-progress', ...extra], [0, 1]);
  const variants = [
    { name: 'floor: read and JSON.parse every line (readline), nothing else', run: proc(['-e', FLOOR, file], [0]) },
    { name: '`check`, table', run: check('table') },
    { name: '`check --format ndjson`', run: check('ndjson') },
    { name: '`check --format json`', run: check('json') },
    { name: '`check --format ndjson --findings all`', run: check('ndjson', ['--findings', 'all']) },
    { name: '`check --format json --findings all`', run: check('json', ['--findings', 'all']) },
    { name: '`check` on an empty file (start-up: node, loading and resolving the pack)', run: check('table', [], empty) },
  ].map((v) => ({ ...v, units: M }));
  const sizes = new Map<string, number>();
  for (const v of variants.slice(1, 6)) {
    v.run();
    sizes.set(v.name, statSync(sink).size);
  }
  // Timed by the children's own CPU time, interleaved, medians of 5 rounds after a warm-up round.
  const times = variants.map(() => [] as number[]);
  for (let round = 0; round <= 5; round++)
    for (const [i, v] of variants.entries()) {
      v.run();
      if (round > 0) (times[i] as number[]).push(spent);
    }
  const rows = variants.map((v, i) => {
    const t = [...(times[i] as number[])].sort((a, b) => a - b);
    return { name: v.name, median: M / (t[t.length >> 1] as number) };
  });
  const secs = (name: string) => M / ((rows.find((r) => r.name === name) as (typeof rows)[number]).median as number);
  const floor = secs(variants[0]?.name as string);
  const table = secs('`check`, table');
  const lines = rows.map((r) => {
    const s = M / r.median;
    const size = sizes.get(r.name);
    return `| ${r.name} | ${s.toFixed(2)} | ${fmt(r.median)} | ${(s / floor).toFixed(2)} | ${(s / table).toFixed(2)} | ${size === undefined ? '' : `${(size / 2 ** 20).toFixed(1)} MiB`} |`;
  });
  const ratio = (name: string) => secs(name) / table;
  const input = statSync(file).size;
  return [
    '## `gridsafe check` (@gridsafe/cli)',
    '',
    `The built CLI (\`packages/cli/dist/bin.js\`), one process a run, on an NDJSON file of ${M.toLocaleString('en')} Chibi community records (${(input / 2 ** 20).toFixed(1)} MiB; ${(HAZARD_RATE * 100).toFixed(0)}% of answers hazards), output to a file. Each run is timed by the CPU time (user and system) the process used, which other work on a shared machine inflates far less than wall time; runs interleaved, medians of 5 rounds after a warm-up round. Each run includes starting node and loading the pack (last row). The floor is a bare loop that reads the same file with readline and parses every line.`,
    '',
    '| run | CPU seconds (median) | records/s | × floor | × table | output |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...lines,
    '',
    `Goal (issue 17): \`--format ndjson\` and \`--format json\` within 1.5× of the table: ndjson ${ratio('`check --format ndjson`').toFixed(2)}× (${verdict(ratio('`check --format ndjson`') <= 1.5)}), json ${ratio('`check --format json`').toFixed(2)}× (${verdict(ratio('`check --format json`') <= 1.5)}). With \`--findings all\` every record writes all 13 findings (many times the output of the default, which gives each record's counts and its hazard findings): ndjson ${ratio('`check --format ndjson --findings all`').toFixed(2)}×, json ${ratio('`check --format json --findings all`').toFixed(2)}× the table, not a goal. Memory: every format streams (see docs/cli.md), so none holds the records or results.`,
  ].join('\n');
}
