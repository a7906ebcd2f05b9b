// The packages as a user gets them: each built package is packed with `npm pack`, the tarball holds
// its README, LICENSE and typed entry points, and the five tarballs installed into an empty folder
// outside the workspace run the README's embedding example, from ESM (`import`) and from CommonJS
// (`require`).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packages } from './packages.js';

const root = join(import.meta.dirname, '..');
const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** The README's embedding example, as ESM and rewritten to CommonJS. */
function embeddingExample(readme: string): { esm: string; cjs: string } {
  const at = readme.indexOf('<!-- embedding-example -->');
  const block = at < 0 ? null : /```js\n([\s\S]*?)```/.exec(readme.slice(at));
  if (!block?.[1]) throw new Error('README.md has no ```js block after <!-- embedding-example -->');
  const esm = block[1];
  const cjs = esm.replace(/^import (\{[^}]*\}) from ('[^']+');$/gm, 'const $1 = require($2);');
  return { esm, cjs };
}

interface Packed {
  filename: string;
  files: { path: string }[];
}

describe('published packages', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gridsafe-tarballs-'));
  const packed = new Map<string, Packed>();

  beforeAll(() => {
    for (const p of packages) {
      const [info] = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], join(root, 'packages', p.name))) as Packed[];
      if (info) packed.set(p.name, info);
    }
  }, 300_000);

  it.each(packages.map((p) => [p.name, p] as const))('%s: the tarball holds README, LICENSE and typed entry points', (name, p) => {
    const files = new Set(packed.get(name)?.files.map((f) => f.path));
    for (const f of ['README.md', 'LICENSE', 'package.json']) expect(files, f).toContain(f);
    for (const entry of Object.keys(p.entries).filter((e) => e !== p.bin)) {
      for (const ext of ['js', 'cjs', 'd.ts', 'd.cts']) expect(files, `dist/${entry}.${ext}`).toContain(`dist/${entry}.${ext}`);
    }
  });

  it('installs outside the workspace and runs the README embedding example with import and require', () => {
    const app = join(dir, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'embedding-app', private: true, version: '0.0.0' }));
    const tarballs = [...packed.values()].map((p) => join(dir, p.filename));
    npm(['install', '--no-audit', '--no-fund', '--prefer-offline', ...tarballs], app);
    cpSync(join(root, 'rules'), join(app, 'rules'), { recursive: true });
    const { esm, cjs } = embeddingExample(readFileSync(join(root, 'README.md'), 'utf8'));
    writeFileSync(join(app, 'example.mjs'), esm);
    writeFileSync(join(app, 'example.cjs'), cjs);
    const expected = /^valid rules; 1 hazard\(s\) in r1$/m;
    expect(execFileSync(process.execPath, ['example.mjs'], { cwd: app, encoding: 'utf8' })).toMatch(expected);
    expect(execFileSync(process.execPath, ['example.cjs'], { cwd: app, encoding: 'utf8' })).toMatch(expected);
    // The command is installed too, and runs from the tarball's build.
    expect(execFileSync(join(app, 'node_modules', '.bin', 'gridsafe'), ['--help'], { cwd: app, encoding: 'utf8' })).toMatch(/validate/);
  }, 300_000);
});
