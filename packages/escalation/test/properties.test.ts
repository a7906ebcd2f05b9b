// Random event sequences (valid, wrong-role, early, duplicate) keep the case's invariants, and a case
// persisted and restored between every two events ends the same as one run without interruption.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CaseSnapshot, type EscalationEvent, isFinal, nextDeadline, openCase, transition } from '../src/index.js';
import { candidateEvents, modelOf, reportVariants } from './candidates.js';
import { machineOf, REGIONS } from './fixtures.js';

type Step = { pick: number; mode: 'candidate' | 'duplicate' | 'early' };
const steps = fc.array(
  fc.record({
    pick: fc.nat(1000),
    mode: fc.constantFrom<Step['mode'][]>('candidate', 'candidate', 'candidate', 'candidate', 'duplicate', 'early'),
  }),
  { minLength: 1, maxLength: 30 },
);

function eventFor(machine: ReturnType<typeof machineOf>, c: CaseSnapshot, s: Step, sent: EscalationEvent[]): EscalationEvent | undefined {
  if (s.mode === 'duplicate' && sent.length) return sent[s.pick % sent.length];
  if (s.mode === 'early' && c.due) {
    const at = c.audit.at(-1)?.at ?? c.due.at;
    return { type: 'DEADLINE', id: `early-${c.audit.length}-${s.pick}`, at, actor: 'clock', role: 'system' };
  }
  const list = candidateEvents(machine, c);
  return list.length ? list[s.pick % list.length] : undefined;
}

describe.each(REGIONS)('%s', (region) => {
  const machine = machineOf(region);
  const model = modelOf(machine);
  const reports = reportVariants(machine);
  const open = (variant: number) => {
    const r = reports[variant % reports.length] as (typeof reports)[number];
    return openCase(machine, 'prop', { id: 'r0', at: '2026-01-05T09:00:00+08:00', actor: 'w', role: r.role, ...r.payload } as never)
      .snapshot;
  };

  it('keeps its invariants over random event sequences', () => {
    fc.assert(
      fc.property(fc.nat(100), steps, (variant, seq) => {
        let c = open(variant);
        const sent: EscalationEvent[] = [];
        const accepted = ['r0'];
        for (const s of seq) {
          const e = eventFor(machine, c, s, sent);
          if (!e) break;
          const before = c;
          const r = transition(machine, c, e);
          sent.push(e);
          if (r.rejected || r.duplicate) {
            expect(r.snapshot).toBe(before);
            expect(r.effects).toEqual([]);
          } else accepted.push(e.id);
          if (isFinal(before)) expect(r.snapshot).toBe(before);
          c = r.snapshot;
          // Exactly one owning tier, and the state belongs to it.
          expect(model.tiers.has(c.owner)).toBe(true);
          if (!isFinal(c)) expect(model.byKey.get(c.state.split('.')[0] as string)?.id).toBe(c.owner);
          // Due times are set on open states, and nextDeadline agrees.
          if (!isFinal(c)) expect(Number.isNaN(Date.parse(c.due?.at ?? ''))).toBe(false);
          else expect(nextDeadline(c)).toBeUndefined();
          // One audit entry per accepted event, in order.
          expect(c.audit.map((a) => a.id)).toEqual(accepted);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('ends the same when persisted and restored between every two events', () => {
    fc.assert(
      fc.property(fc.nat(100), steps, (variant, seq) => {
        let straight = open(variant);
        let stored = JSON.stringify(straight);
        const sent: EscalationEvent[] = [];
        for (const s of seq) {
          const e = eventFor(machine, straight, s, sent);
          if (!e) break;
          sent.push(e);
          straight = transition(machine, straight, e).snapshot;
          // A restarted host: a fresh machine from the pack, the case from its JSON row.
          const restarted = machineOf(region);
          stored = JSON.stringify(transition(restarted, JSON.parse(stored) as CaseSnapshot, JSON.parse(JSON.stringify(e))).snapshot);
        }
        expect(JSON.parse(stored)).toEqual(straight);
      }),
      { numRuns: 15 },
    );
  });

  it('gives the same case through XState as through the rule table', () => {
    fc.assert(
      fc.property(fc.nat(100), steps, (variant, seq) => {
        let a = open(variant);
        let b = a;
        const sent: EscalationEvent[] = [];
        for (const s of seq) {
          const e = eventFor(machine, a, s, sent);
          if (!e) break;
          sent.push(e);
          const ra = transition(machine, a, e);
          const rb = transition(machine, b, e, { via: 'xstate' });
          expect(rb.rejected?.code).toBe(ra.rejected?.code);
          expect(rb.effects).toEqual(ra.effects);
          a = ra.snapshot;
          b = rb.snapshot;
          expect(b).toEqual(a);
        }
      }),
      { numRuns: 30 },
    );
  });
});
