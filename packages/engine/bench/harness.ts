import { cpus, totalmem } from 'node:os';

/** Throughput of `fn` over `n` units, best of `rounds` timed runs after a warm-up. */
export function measure(name: string, n: number, fn: () => void, rounds = 5): { name: string; perSecond: number; ms: number } {
  fn();
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < rounds; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { name, perSecond: (n / best) * 1000, ms: best };
}

/** Async variant for json-rules-engine. */
export async function measureAsync(name: string, n: number, fn: () => Promise<void>, rounds = 2) {
  await fn();
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < rounds; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { name, perSecond: (n / best) * 1000, ms: best };
}

/** The machine the numbers come from. */
export function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

export { rng } from '../src/random.js';
