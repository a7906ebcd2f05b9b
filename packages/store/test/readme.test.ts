// The README's ten-line embedding of the store runs as it is: copied into a module in a scratch
// folder of the workspace (so @gridsafe/* resolve to the built packages) and run with node, on PGlite.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');

describe('README: durable cases in ten lines', () => {
  it('runs, applies the event and stops its worker', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const at = readme.indexOf('<!-- store-example -->');
    const block = /```js\n([\s\S]*?)```/.exec(readme.slice(at))?.[1];
    expect(at).toBeGreaterThan(0);
    const code = block as string;
    expect(code.split('\n').filter((l) => l.trim() && !l.startsWith('import ')).length).toBeLessThanOrEqual(10);
    const dir = join(root, '.build', `readme-store-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    try {
      writeFileSync(join(dir, 'example.mjs'), code);
      const env = { ...process.env };
      delete env.DATABASE_URL;
      const out = execFileSync(process.execPath, ['example.mjs'], { cwd: dir, encoding: 'utf8', env, timeout: 240_000 });
      expect(out.trim()).toBe('applied xianyou.tier.village');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
