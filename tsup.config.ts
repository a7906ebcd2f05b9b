import { readFileSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

/** A package's runtime dependencies (and their subpaths) stay imports, never bundled. */
function externals(name: string): (string | RegExp)[] {
  const manifest = JSON.parse(readFileSync(`packages/${name}/package.json`, 'utf8')) as { dependencies?: Record<string, string> };
  return Object.keys(manifest.dependencies ?? {}).map((d) => new RegExp(`^${d.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(/.*)?$`));
}

/** One build per package: ESM + CJS + .d.ts with source maps, dependencies left external. */
function pkg(name: string, entry: Record<string, string>, extra: Partial<Options> = {}): Options {
  return {
    name,
    entry: Object.fromEntries(Object.entries(entry).map(([k, v]) => [k, `packages/${name}/${v}`])),
    outDir: `packages/${name}/dist`,
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'neutral',
    splitting: false,
    treeshake: true,
    // Types of sibling packages resolve to their sources (tsconfig paths) so packages build in parallel.
    tsconfig: 'tsconfig.json',
    external: externals(name),
    ...extra,
  };
}

export default defineConfig([
  pkg('schema', { index: 'src/index.ts', node: 'src/node.ts' }, { platform: 'node' }),
  pkg('engine', { index: 'src/index.ts', node: 'src/node.ts' }, { platform: 'node' }),
  pkg('escalation', { index: 'src/index.ts' }),
  pkg('scoring', { index: 'src/index.ts' }),
  pkg('rules', { index: 'src/index.ts' }),
  pkg('store', { index: 'src/index.ts' }, { platform: 'node' }),
  pkg('cli', { index: 'src/index.ts', bin: 'src/bin.ts' }, { platform: 'node' }),
]);
