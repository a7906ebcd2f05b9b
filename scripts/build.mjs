// Builds the packages: JSON Schemas first, then the JavaScript (tsup: ESM + CJS) and the type
// declarations (`tsc -b` over the project references, each package type-checked once) side by side,
// then each entry's declarations bundled into one .d.ts and one .d.cts (rollup-plugin-dts).
//
//   npm run build                  build what changed since the last build
//   npm run build -- --clean       remove every output first and build everything
//   npm run build -- cli engine    only these packages' JavaScript (declarations: all, incrementally)
//
// A package's JavaScript is rebuilt when a file of its src/ or its package.json is newer than its
// dist/index.js; its dependencies stay external imports, so a change in one package rebuilds that
// package only. Declarations are rebuilt when tsc rewrote any of the package's emitted files.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packages } from './packages.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const clean = args.includes('--clean');
const only = args.filter((a) => !a.startsWith('--'));
const unknown = only.filter((n) => !packages.some((p) => p.name === n));
if (unknown.length > 0) {
  console.error(`build: unknown package ${unknown.join(', ')} (packages: ${packages.map((p) => p.name).join(', ')})`);
  process.exit(2);
}

/** The newest modification time under `path` (a file or a folder), 0 when it does not exist. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let t = 0;
  for (const e of readdirSync(path)) t = Math.max(t, newest(join(path, e)));
  return t;
}

const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : 0);

/** Run a command from the repository root; resolves when it exits 0, rejects otherwise. */
function run(cmd, argv, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${argv.join(' ')} exited with ${code}`))));
  });
}

const bin = (name) => join(root, 'node_modules', '.bin', name);

async function javascript(names) {
  if (names.length === 0) return;
  const { build } = await import('tsup');
  const { options } = await import('../tsup.config.js');
  await Promise.all(options.filter((o) => names.includes(o.name)).map((o) => build({ ...o, silent: true })));
}

async function declarations() {
  await run(bin('tsc'), ['-b', ...packages.map((p) => `packages/${p.name}`)]);
  const { rollup } = await import('rollup');
  const { dts } = await import('rollup-plugin-dts');
  const external = (id) => !id.startsWith('.') && !isAbsolute(id);
  await Promise.all(
    packages.flatMap((p) => {
      const types = join(root, '.build', 'types', p.name);
      const dist = join(root, 'packages', p.name, 'dist');
      return Object.entries(p.entries)
        .filter(([name]) => name !== p.bin)
        .filter(([name]) => clean || newest(types) > mtime(join(dist, `${name}.d.ts`)))
        .map(async ([name, src]) => {
          const input = join(types, src.replace(/^src\//, '').replace(/\.ts$/, '.d.ts'));
          const bundle = await rollup({ input, plugins: [dts()], external });
          const { output } = await bundle.generate({ format: 'es' });
          await bundle.close();
          const code = output[0].code;
          mkdirSync(dist, { recursive: true });
          writeFileSync(join(dist, `${name}.d.ts`), code);
          writeFileSync(join(dist, `${name}.d.cts`), code);
        });
    }),
  );
}

const started = performance.now();
if (clean) {
  rmSync(join(root, '.build'), { recursive: true, force: true });
  for (const p of packages) rmSync(join(root, 'packages', p.name, 'dist'), { recursive: true, force: true });
}
await import('../packages/schema/scripts/gen-schemas.ts');
const stale = packages
  .filter((p) => only.length === 0 || only.includes(p.name))
  .filter((p) => {
    const dir = join(root, 'packages', p.name);
    const out = mtime(join(dir, 'dist', 'index.js'));
    return out === 0 || Math.max(newest(join(dir, 'src')), mtime(join(dir, 'package.json')), mtime(join(root, 'tsup.config.ts'))) > out;
  })
  .map((p) => p.name);
for (const p of stale) {
  const dist = join(root, 'packages', p, 'dist');
  if (!existsSync(dist)) continue;
  for (const f of readdirSync(dist)) if (/\.(c?js|map)$/.test(f)) rmSync(join(dist, f));
}
try {
  await Promise.all([javascript(stale), declarations()]);
} catch (e) {
  console.error(`build failed: ${e.message}`);
  process.exit(1);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`built ${stale.length > 0 ? stale.join(', ') : 'nothing new'} (JavaScript) and the declarations in ${seconds} s`);
