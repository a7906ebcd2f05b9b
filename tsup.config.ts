import { readFileSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';
import { packages } from './scripts/packages.js';

/** A package's runtime dependencies (and their subpaths) stay imports, never bundled. */
function externals(name: string): (string | RegExp)[] {
  const manifest = JSON.parse(readFileSync(`packages/${name}/package.json`, 'utf8')) as { dependencies?: Record<string, string> };
  return Object.keys(manifest.dependencies ?? {}).map((d) => new RegExp(`^${d.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(/.*)?$`));
}

/**
 * One JavaScript build per package: ESM + CJS with source maps, dependencies left external. Type
 * declarations come from `tsc -b` over the project references and are bundled per entry by
 * scripts/build.mjs, so each package is type-checked once; `GRIDSAFE_TSUP_DTS=1` makes tsup emit them
 * itself instead (the slower way, kept for the build benchmark's comparison).
 */
export function pkg(name: string, entry: Record<string, string>, extra: Partial<Options> = {}): Options {
  return {
    name,
    entry: Object.fromEntries(Object.entries(entry).map(([k, v]) => [k, `packages/${name}/${v}`])),
    outDir: `packages/${name}/dist`,
    format: ['esm', 'cjs'],
    dts: process.env.GRIDSAFE_TSUP_DTS === '1',
    sourcemap: true,
    clean: false,
    target: 'node20',
    splitting: false,
    treeshake: true,
    tsconfig: 'tsconfig.json',
    external: externals(name),
    ...extra,
  };
}

/** The options of every package's build, from the one package list. */
export const options: Options[] = packages.map((p) => pkg(p.name, p.entries, { platform: p.platform }));

export default defineConfig(options);
