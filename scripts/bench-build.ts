// Build times, before and after in one run: the old build (tsup emitting every package's type
// declarations itself, each package type-checking the sources of what it depends on again) against
// the build of scripts/build.mjs (tsup for JavaScript only, `tsc -b` over project references
// type-checking each package once, declarations bundled by rollup-plugin-dts), from clean and after a
// one-line change. Rounds are interleaved; the table gives each one and their median.
//
//   npm run bench:build [-- --rounds 3]
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { writeBenchSection } from './bench-section.js';
import { packages } from './packages.js';

const root = join(import.meta.dirname, '..');
const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 2;

function clean(): void {
  rmSync(join(root, '.build'), { recursive: true, force: true });
  for (const p of packages) rmSync(join(root, 'packages', p.name, 'dist'), { recursive: true, force: true });
}

function timed(cmd: string, args: string[], env: Record<string, string> = {}): number {
  const t = performance.now();
  execFileSync(cmd, args, { cwd: root, stdio: 'ignore', env: { ...process.env, ...env } });
  return (performance.now() - t) / 1000;
}

const oldBuild = () => timed('npx', ['tsup', '--silent'], { GRIDSAFE_TSUP_DTS: '1' });
const newBuild = () => timed('npm', ['run', 'build', '--silent']);

/** A one-line change inside a function body of the engine, which the CLI depends on; undone after. */
function withOneLineChange<T>(run: () => T): T {
  const file = join(root, 'packages', 'engine', 'src', 'random.ts');
  const before = readFileSync(file, 'utf8');
  writeFileSync(file, `${before}\n// a one-line change\n`);
  try {
    return run();
  } finally {
    writeFileSync(file, before);
  }
}

const results = { oldClean: [] as number[], newClean: [] as number[], oldChange: [] as number[], newChange: [] as number[] };
const load = loadavg().map((l) => l.toFixed(1));
for (let r = 0; r < rounds; r++) {
  clean();
  results.oldClean.push(oldBuild());
  results.oldChange.push(withOneLineChange(oldBuild));
  clean();
  results.newClean.push(newBuild());
  results.newChange.push(withOneLineChange(newBuild));
  console.log(
    `round ${r + 1}: old ${results.oldClean[r]?.toFixed(1)} s / ${results.oldChange[r]?.toFixed(1)} s, new ${results.newClean[r]?.toFixed(1)} s / ${results.newChange[r]?.toFixed(1)} s`,
  );
}
newBuild(); // leave the tree built from the restored sources
const loadAfter = loadavg().map((l) => l.toFixed(1));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};
const fmt = (xs: number[]) => `${xs.map((x) => x.toFixed(1)).join(', ')} | ${median(xs).toFixed(1)}`;
const cleanRatio = median(results.newClean) / median(results.oldClean);
const changeSeconds = median(results.newChange);

writeBenchSection(
  'build',
  `## Build (\`npm run build\`)

Machine: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores, Node ${process.version}; load average ${load.join(', ')} before the run and ${loadAfter.join(', ')} after (1, 5, 15 min). Run with \`npm run bench:build\`; ${rounds} rounds, old and new interleaved in each.

- **old**: \`tsup\` emitting the type declarations of every package itself (\`GRIDSAFE_TSUP_DTS=1 npx tsup\`): each package type-checks again the sources of the packages it depends on, and every build is a full one.
- **new**: \`npm run build\` (scripts/build.mjs): tsup for the JavaScript of the packages whose sources changed, beside \`tsc -b\` over the packages' project references (each package type-checked once, incrementally), then each entry's declarations bundled into \`.d.ts\` and \`.d.cts\` by rollup-plugin-dts.
- **one-line change**: a comment line appended to \`packages/engine/src/random.ts\` after a full build, then the build again.

| build | seconds per round | median |
| --- | ---: | ---: |
| old, from clean | ${fmt(results.oldClean)} |
| new, from clean | ${fmt(results.newClean)} |
| old, after a one-line change | ${fmt(results.oldChange)} |
| new, after a one-line change | ${fmt(results.newChange)} |

Goals: from clean, the new build takes ${cleanRatio.toFixed(2)}× the old one's time (goal ≤ 0.5×: ${cleanRatio <= 0.5 ? 'met' : 'not met'}); after a one-line change it takes ${changeSeconds.toFixed(1)} s (goal ≤ 5 s: ${changeSeconds <= 5 ? 'met' : 'not met'}).`,
);
console.log(`from clean: new/old ${cleanRatio.toFixed(2)}; one-line change: ${changeSeconds.toFixed(1)} s`);
