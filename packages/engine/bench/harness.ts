import { cpus, totalmem } from 'node:os';

/**
 * Throughput of several variants over the same `n` units, their runs interleaved round by round
 * (a warm-up round, then `rounds` timed ones), so that a change in the machine's load falls on all
 * of them alike; each variant's best round counts.
 */
export function measureInterleaved(
  n: number,
  variants: readonly { name: string; fn: () => void }[],
  rounds = 7,
): { name: string; perSecond: number; ms: number }[] {
  const best = variants.map(() => Number.POSITIVE_INFINITY);
  for (let round = 0; round <= rounds; round++)
    variants.forEach((v, i) => {
      const t0 = process.hrtime.bigint();
      v.fn();
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (round > 0) best[i] = Math.min(best[i] as number, ms);
    });
  return variants.map((v, i) => ({ name: v.name, perSecond: (n / (best[i] as number)) * 1000, ms: best[i] as number }));
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
