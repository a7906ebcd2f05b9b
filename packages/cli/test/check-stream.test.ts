import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CliIO, run } from '../src/index.js';
import { bin, ensureBuilt, noStack, recordsFromCases, root } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'gridsafe-stream-'));
const records = recordsFromCases('chibi').map(({ expectHazards, ...r }) => ({ r, hazards: expectHazards as number }));
const firing = records.filter((x) => x.hazards > 0).map((x) => x.r);
const clear = records.filter((x) => x.hazards === 0).map((x) => x.r);
/** More rows than the table holds back to set its column widths. */
const WIDTH_ROWS_SEEN = 499;
const line = (r: object, id: string) => JSON.stringify({ ...r, id });

// A hazard on line 1, a clear record on line 2, a line that is not JSON on line 3, a hazard on line 4.
const broken = join(dir, 'broken.ndjson');
writeFileSync(
  broken,
  [line(firing[0] as object, 'first'), line(clear[0] as object, 'ok'), '{"id": "x", ', line(firing[1] as object, 'last')].join('\n'),
);
const many = join(dir, 'many.ndjson');
writeFileSync(many, `${Array.from({ length: 3000 }, (_, i) => line(firing[i % firing.length] as object, `r${i}`)).join('\n')}\n`);

async function check(args: string[], io: Partial<CliIO> = {}) {
  let out = '';
  let err = '';
  const code = await run(['check', '--pack', 'chibi', ...args], {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    env: { LANG: 'en_US.UTF-8' },
    cwd: root,
    isTTY: false,
    ...io,
  });
  return { code, out, err };
}

describe('gridsafe check: a line that is not JSON', () => {
  it('is reported with its line, counted invalid, and the hazards before and after it are kept in every format', async () => {
    const table = await check([broken]);
    expect(table.code).toBe(2);
    expect(table.err).toMatch(/broken\.ndjson:3: not valid JSON/);
    expect(table.out).toMatch(/^first\s+1\s/m);
    expect(table.out).toMatch(/^last\s+4\s/m);
    expect(table.out).toMatch(/4 records, [1-9]\d* hazards, \d+ reports, 1 invalid records/);
    const json = JSON.parse((await check([broken, '--format', 'json'])).out);
    expect(json.results.map((r: { record: string; line: number }) => [r.record, r.line])).toEqual([
      ['first', 1],
      ['ok', 2],
      ['last', 4],
    ]);
    expect(json).toMatchObject({ pack: { id: 'chibi' }, records: 4, invalid: 1 });
    const ndjson = (await check([broken, '--format', 'ndjson'])).out.trim().split('\n');
    expect(ndjson.map((l) => JSON.parse(l).line)).toEqual([1, 2, 4]);
  });
});

describe('gridsafe check: json and ndjson output', () => {
  it('gives each record’s counts and hazard findings by default, every finding with --findings all', async () => {
    const compact = JSON.parse((await check([many, '--format', 'json'])).out);
    const full = JSON.parse((await check([many, '--format', 'json', '--findings', 'all'])).out);
    expect(compact.results).toHaveLength(3000);
    expect(full.results).toHaveLength(3000);
    expect([compact.hazards, compact.reports]).toEqual([full.hazards, full.reports]);
    for (let i = 0; i < 3000; i += 97) {
      const a = compact.results[i];
      const b = full.results[i];
      expect(a.findings).toEqual(b.findings.filter((f: { status: string }) => f.status === 'hazard'));
      const count = (s: string) => b.findings.filter((f: { status: string }) => f.status === s).length;
      expect(a.items).toEqual({
        ok: count('ok'),
        hazard: count('hazard'),
        notAnswered: count('notAnswered'),
        notApplicable: count('notApplicable'),
      });
    }
    const bad = await check([many, '--findings', 'some']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--findings must be hazards or all, not "some"/);
  });

  it('streams JSON: one result a line between the pack and the totals, valid JSON with no results too', async () => {
    const r = await check([many, '--format', 'json']);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe('{"pack":{"id":"chibi","version":"' + JSON.parse(r.out).pack.version + '"},"results":[');
    expect(lines).toHaveLength(3002);
    expect(lines.at(-1)).toMatch(/^\],"records":3000,"hazards":\d+,"reports":\d+,"invalid":0\}$/);
    const empty = join(dir, 'empty.ndjson');
    writeFileSync(empty, '\n');
    expect(JSON.parse((await check([empty, '--format', 'json'])).out)).toMatchObject({ results: [], records: 0 });
  });

  it('waits for a slow reader: nothing is written while it is behind, and each write is one bounded chunk', async () => {
    let behind = false;
    let writes = 0;
    let largest = 0;
    let wroteWhileBehind = false;
    let text = '';
    const r = await check([many, '--format', 'ndjson', '--findings', 'all'], {
      out: (t) => {
        if (behind) wroteWhileBehind = true;
        writes++;
        largest = Math.max(largest, t.length);
        text += t;
        behind = true;
        return false;
      },
      drain: () =>
        new Promise<void>((resolve) =>
          setTimeout(() => {
            behind = false;
            resolve();
          }, 1),
        ),
    });
    expect(r.code).toBe(1);
    expect(wroteWhileBehind).toBe(false);
    expect(writes).toBeGreaterThan(10);
    // A chunk is 64 KiB plus at most the one record that filled it.
    expect(largest).toBeLessThan(64 * 1024 + 64 * 1024);
    expect(text.trim().split('\n')).toHaveLength(3000);
  });
});

describe('gridsafe check: a table of any length', () => {
  it('keeps the columns the first 499 rows set, for every later row', async () => {
    const r = await check([many]);
    const lines = r.out.split('\n');
    const head = lines[0] as string;
    // The second column starts where the head's does on every row, the 3000th as the first.
    const column = head.indexOf('line');
    const rows = lines.slice(1, -3);
    const [, h, p] = /(\d+) hazards, (\d+) reports/.exec(r.out) ?? [];
    expect(rows.length).toBe(Number(h) + Number(p));
    expect(rows.length).toBeGreaterThan(WIDTH_ROWS_SEEN);
    for (const l of rows) expect([l[column - 1], /^\d/.test(l.slice(column))]).toEqual([' ', true]);
    expect(lines.at(-3)).toBe('');
    expect(lines.at(-2)).toMatch(/^✘ 3000 records/);
  });
});

describe('gridsafe check | head', () => {
  beforeAll(ensureBuilt, 600_000);

  it('ends quietly when the reader closes the pipe: no stack trace, nothing on stderr', async () => {
    const child = spawn(process.execPath, [bin, 'check', '--pack', 'chibi', many, '--format', 'ndjson', '--findings', 'all'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    const first = await new Promise<string>((resolve) => child.stdout.once('data', (d) => resolve(String(d))));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(first).toMatch(/^\{"line":1,/);
    expect(err).toBe('');
    expect(noStack(err)).toBe(true);
    expect([0, 1]).toContain(code);
  }, 120_000);
});
