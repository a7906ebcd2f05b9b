// The burst of events the crash test's child sends, and its simulated clock (shared by the child
// and the parent, so the parent can tell "early" in the same time).
import type { EscalationEvent } from '@gridsafe/escalation';

export interface CrashOptions {
  url?: string;
  dataDir?: string;
  schema: string;
  /** Real time (ms) at which the simulated clock reads `sim0`. */
  real0: number;
  /** Simulated start (ISO). */
  sim0: string;
  /** Simulated milliseconds per real millisecond. */
  speed: number;
  /** How many cases. */
  cases: number;
  /** Run until the simulated clock passes this time (ISO). */
  until: string;
}

/** The simulated time now. */
export function simNow(o: Pick<CrashOptions, 'real0' | 'sim0' | 'speed'>, real = Date.now()): number {
  return Date.parse(o.sim0) + (real - o.real0) * o.speed;
}

const T = 'xianyou.tier.';
const H = 3_600_000;

/**
 * Every case is reported and passed to the village three days before the simulated start, spread
 * over a day, so the village's three days run out while the test runs; every third case is
 * accepted by the village (its due time moves); every case gets two supervision notes meanwhile.
 */
export function plan(o: CrashOptions): { caseId: string; open: boolean; event: EscalationEvent }[] {
  const ops: { caseId: string; open: boolean; event: EscalationEvent }[] = [];
  const start = Date.parse(o.sim0) - 72 * H;
  for (let i = 0; i < o.cases; i++) {
    const caseId = `k${i}`;
    const t0 = start + ((i * 37) % 24) * H + i * 1000;
    const at = (h: number) => new Date(t0 + h * H).toISOString();
    const base = { actor: 'crash', role: `${T}grid-worker` };
    ops.push({
      caseId,
      open: true,
      event: { type: 'REPORT', id: `${caseId}-r`, at: at(0), ...base, grade: 'general', photos: ['p.jpg'] } as EscalationEvent,
    });
    ops.push({
      caseId,
      open: false,
      event: { type: 'ESCALATE', id: `${caseId}-e`, at: at(0.5), ...base, reason: 'xianyou.reason.report' } as EscalationEvent,
    });
    if (i % 3 === 0)
      ops.push({
        caseId,
        open: false,
        event: { type: 'ACCEPT', id: `${caseId}-a`, at: at(1), actor: 'v', role: `${T}village` } as EscalationEvent,
      });
    for (const n of [1, 2])
      ops.push({
        caseId,
        open: false,
        event: {
          type: 'SUPERVISE',
          id: `${caseId}-s${n}`,
          at: at(1 + n),
          actor: 't',
          role: `${T}township`,
          note: `note ${n}`,
        } as EscalationEvent,
      });
  }
  return ops;
}
