import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolvePack } from '@gridsafe/engine';
import { loadPackSet } from '@gridsafe/engine/node';
import { build } from 'esbuild';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { launchChromium } from '../../../test/chromium.js';
import { seedFiles as filesOnDisk } from '../scripts/gen-seeds.js';
import { loadSeedPacks, SEED_FILES, seedFiles, seedRegistry } from '../src/index.js';

const here = (p: string) => new URL(p, import.meta.url).pathname;

describe('@gridsafe/rules', () => {
  it('publishes exactly the rule files of rules/, as they are on disk', () => {
    const disk = filesOnDisk();
    expect(SEED_FILES.map((f) => f.name)).toEqual(disk.map((f) => f.name));
    for (const f of SEED_FILES) expect(f.text).toBe(readFileSync(here(`../../../${f.name}`), 'utf8'));
    expect(SEED_FILES.some((f) => f.name.startsWith('rules/seeds/'))).toBe(false);
    expect(seedFiles('xianyou').every((f) => f.name.startsWith('rules/xianyou/'))).toBe(true);
    expect(seedFiles('xianyou').length).toBeGreaterThan(3);
    expect(seedFiles('../etc')).toEqual([]);
  });

  it('loads every seed pack without a file system, as loadPackSet does from disk', () => {
    const set = loadSeedPacks();
    expect(E.isRight(set)).toBe(true);
    if (E.isLeft(set)) return;
    expect(loadSeedPacks()).toBe(set);
    const disk = loadPackSet(here('../../../rules/'));
    if (E.isLeft(disk)) throw new Error('rules/ does not load');
    expect([...set.right.keys()].sort()).toEqual([...disk.right.keys()].sort());
    for (const id of set.right.keys()) {
      const a = resolvePack(set.right, id);
      const b = resolvePack(disk.right, id);
      expect(E.isRight(a) && E.isRight(b)).toBe(true);
      if (E.isRight(a) && E.isRight(b)) expect(a.right.checklists).toEqual(b.right.checklists);
    }
  });

  it('gives a registry of the seed packs, built once', () => {
    const r = seedRegistry();
    expect(E.isRight(r) && seedRegistry()).toBe(r);
    if (E.isLeft(r)) return;
    expect(r.right.ids()).toEqual(['base', 'chanba', 'chibi', 'jianguanju', 'mudan', 'xianyou']);
    const chibi = r.right.at('chibi', '2026-03-01');
    expect(E.isRight(chibi) && chibi.right.id).toBe('chibi');
  });

  it('loads and evaluates in a browser page, from a bundle with no Node built-ins', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gridsafe-rules-browser-'));
    const entry = join(dir, 'entry.ts');
    writeFileSync(
      entry,
      `import { seedRegistry } from ${JSON.stringify(here('../src/index.ts'))};
import { evaluatePatrol } from ${JSON.stringify(here('../../engine/src/index.ts'))};
const registry = seedRegistry();
let out;
if (registry._tag === 'Left') out = { error: registry.left.map((i) => i.message.en) };
else {
  const pack = registry.right.at('chibi', '2026-03-01');
  const record = { id: 'r1', gridId: 'g1', gridType: 'village', workerId: 'w1', at: '2026-03-01T09:00:00+08:00', answers: { 'chibi.village.02': false }, photos: [] };
  const r = pack._tag === 'Right' ? evaluatePatrol(pack.right, record) : pack;
  out = { ids: registry.right.ids(), result: r._tag, pack: pack._tag === 'Right' ? pack.right.id : null };
}
document.body.textContent = JSON.stringify(out);
`,
    );
    const bundle = await build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      logLevel: 'silent',
    });
    const js = bundle.outputFiles[0]?.text ?? '';
    expect(js).not.toMatch(/require\(["'](node:)?(fs|path)["']\)/);
    writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><body></body><script src="bundle.js"></script>');
    writeFileSync(join(dir, 'bundle.js'), js);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`file://${join(dir, 'index.html')}`);
      await page.waitForFunction(() => document.body.textContent !== '', undefined, { timeout: 60_000 });
      const out = JSON.parse((await page.textContent('body')) ?? '{}');
      expect(errors).toEqual([]);
      expect(out).toEqual({ ids: ['base', 'chanba', 'chibi', 'jianguanju', 'mudan', 'xianyou'], result: 'Right', pack: 'chibi' });
    } finally {
      await browser.close();
    }
  });
});
