import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';

/** A variant: `run` does `units` units of work (records, say) and may be async. */
export interface Variant {
  name: string;
  units: number;
  run: () => unknown;
}

/** Per variant: the median and the best rate of its timed rounds, in units per second. */
export interface Measured {
  name: string;
  median: number;
  best: number;
  rounds: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return ((s[(s.length - 1) >> 1] as number) + (s[s.length >> 1] as number)) / 2;
};

/** CPU time this process has used, user and system, in seconds. */
export const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/**
 * Throughput of several variants, their runs interleaved round by round (a warm-up round, then
 * `rounds` timed ones) so that a change in the machine's load falls on all of them alike. Time is
 * the process's CPU time (user and system), which other work on a shared machine inflates far less
 * than wall time. Each variant's median round counts; the best is kept for reference.
 */
export async function measure(variants: readonly Variant[], rounds = 7): Promise<Measured[]> {
  const rates = variants.map(() => [] as number[]);
  for (let round = 0; round <= rounds; round++)
    for (const [i, v] of variants.entries()) {
      const t0 = cpuSeconds();
      await v.run();
      const s = cpuSeconds() - t0;
      if (round > 0) (rates[i] as number[]).push(v.units / s);
    }
  return variants.map((v, i) => ({
    name: v.name,
    median: median(rates[i] as number[]),
    best: Math.max(...(rates[i] as number[])),
    rounds,
  }));
}

/**
 * {@link measure} for synchronous variants over the same `n` units, as throughput and time of each
 * variant's best round (CPU time).
 */
export async function measureInterleaved(
  n: number,
  variants: readonly { name: string; fn: () => void }[],
  rounds = 7,
): Promise<{ name: string; perSecond: number; ms: number }[]> {
  const measured = await measure(
    variants.map((v) => ({ name: v.name, units: n, run: v.fn })),
    rounds,
  );
  return measured.map((m) => ({ name: m.name, perSecond: m.best, ms: (n / m.best) * 1000 }));
}

/** Repeat `fn` over the same input `times` times: fast variants do enough work per round to time. */
export const repeat = (times: number, fn: () => unknown) => () => {
  for (let k = 0; k < times; k++) fn();
};

/** The machine the numbers come from, and its load. */
export function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const load = loadavg()
    .map((x) => x.toFixed(1))
    .join(', ');
  return `${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${load} (1, 5, 15 min) at the start`;
}

const root = join(import.meta.dirname, '..', '..', '..');
const newest = (dir: string): number =>
  Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true }).map((d) =>
      d.isDirectory() ? newest(join(dir, d.name)) : statSync(join(dir, d.name)).mtimeMs,
    ),
  );

/**
 * Make sure the built packages are newer than their sources (the benchmarks run what npm ships):
 * `npm run build` when any is older.
 */
export function ensureBuilt(packages: readonly string[]): void {
  const stale = packages.filter((p) => {
    try {
      return statSync(join(root, 'packages', p, 'dist', 'index.js')).mtimeMs < newest(join(root, 'packages', p, 'src'));
    } catch {
      return true;
    }
  });
  if (stale.length === 0) return;
  console.log(`dist/ is older than src/ in ${stale.join(', ')}: npm run build`);
  execFileSync('npm', ['run', 'build', '--silent', '--', ...stale], { cwd: root, stdio: 'inherit' });
}

/** The repository root. */
export const ROOT = root;

/** `met` or `**not met**`. */
export const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');

/** A rate for a table. */
export const fmt = (n: number) => Math.round(n).toLocaleString('en');

export { rng } from '../src/random.js';
