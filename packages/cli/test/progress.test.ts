import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CliIO, run } from '../src/index.js';
import { recordsFromCases, root } from './helpers.js';

// A large NDJSON file (over the 256 KB at which `check` shows a bar on a terminal).
let large = '';
let small = '';
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'gridsafe-progress-'));
  const records = recordsFromCases('chibi');
  const lines: string[] = [];
  for (let i = 0; lines.join('\n').length < 400 * 1024; i++) {
    const r = records[i % records.length] as Record<string, unknown>;
    lines.push(JSON.stringify({ ...r, id: `r${i}` }));
  }
  large = join(dir, 'large.ndjson');
  small = join(dir, 'small.ndjson');
  writeFileSync(large, `${lines.join('\n')}\n`);
  writeFileSync(small, `${lines.slice(0, 5).join('\n')}\n`);
});

async function check(file: string, errTTY: boolean, extra: string[] = []) {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => (out += t), err: (t) => (err += t), env: { LANG: 'en_US.UTF-8' }, cwd: root, isTTY: false, errTTY };
  const code = await run(['check', '--pack', 'chibi', '--format', 'json', ...extra, file], io);
  return { code, out, err };
}

describe('gridsafe check: the progress bar', () => {
  it('shows on a terminal for a large input, on standard error, and leaves standard output clean JSON', async () => {
    const r = await check(large, true);
    expect(r.err).toMatch(/\d+% \| \d+\/\d+ KB/);
    expect(r.err).toContain('100%');
    const json = JSON.parse(r.out);
    expect(json.records).toBeGreaterThan(100);
    expect(json.invalid).toBe(0);
  });

  it('does not show when standard error is not a terminal, for a small input, or with --no-progress', async () => {
    for (const r of [await check(large, false), await check(small, true), await check(large, true, ['--no-progress'])]) {
      expect(r.err).not.toMatch(/% \|/);
      expect(JSON.parse(r.out).invalid).toBe(0);
    }
  });
});
