/** How a metric value is rounded, as the pack's scoring file says. */
export interface Rounding {
  mode: 'halfUp' | 'floor' | 'ceil' | 'truncate';
  digits: number;
}

/**
 * Round `x` to `digits` decimals in decimal, not binary: 0.885 rounds half-up to 0.89, as an
 * office's calculator does (503 / 565 = 0.8902… → 0.89).
 *
 * @example
 * ```ts
 * import { roundTo } from '@gridsafe/scoring';
 * console.log(roundTo(503 / 565, { mode: 'halfUp', digits: 2 })); // 0.89
 * ```
 */
export function roundTo(x: number, r: Rounding): number {
  if (!Number.isFinite(x)) return x;
  const scaled = Number(`${Number(x.toPrecision(15))}e${r.digits}`);
  const f =
    r.mode === 'halfUp'
      ? (v: number) => Math.sign(v) * Math.round(Math.abs(v))
      : r.mode === 'floor'
        ? Math.floor
        : r.mode === 'ceil'
          ? Math.ceil
          : Math.trunc;
  return Number(`${f(scaled)}e-${r.digits}`) + 0;
}

/** Points as reports keep them: 4 decimals, half up. */
export const round4 = (x: number): number => roundTo(x, { mode: 'halfUp', digits: 4 });
