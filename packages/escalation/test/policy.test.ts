// The laws of issue 14 over random event sequences, in every seed region: a case never goes quiet,
// never goes up for a reason its policy does not list, and a joint team resolves exactly when the
// policy says.
import type { ResolvedPack } from '@gridsafe/engine';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  addDuration,
  type CaseSnapshot,
  createEscalationMachine,
  type EscalationEvent,
  type EscalationMachine,
  isFinal,
  nextDeadline,
  openCase,
  transition,
} from '../src/index.js';
import { candidateEvents, modelOf, reportVariants } from './candidates.js';
import { machineOf, pack, REGIONS } from './fixtures.js';

const open = (machine: EscalationMachine, variant: number) => {
  const reports = reportVariants(machine);
  const r = reports[variant % reports.length] as (typeof reports)[number];
  return openCase(machine, 'law', { id: 'r0', at: '2026-01-05T09:00:00+08:00', actor: 'w', role: r.role, ...r.payload } as never).snapshot;
};

/** A random walk: each step picks one of the candidate events (every reason, listed or not, and every role). */
function walk(
  machine: EscalationMachine,
  variant: number,
  picks: number[],
  each?: (before: CaseSnapshot, e: EscalationEvent, after: CaseSnapshot) => void,
) {
  let c = open(machine, variant);
  for (const p of picks) {
    const list = candidateEvents(machine, c);
    if (list.length === 0) break;
    const e = list[p % list.length] as EscalationEvent;
    const r = transition(machine, c, e);
    if (!r.rejected && !r.duplicate) each?.(c, e, r.snapshot);
    c = r.snapshot;
  }
  return c;
}

const picks = fc.array(fc.nat(10_000), { minLength: 0, maxLength: 25 });

describe.each(REGIONS)('%s: a case never goes quiet', (region) => {
  const machine = machineOf(region);
  const model = modelOf(machine);
  it('every open case has a next deadline; DEADLINEs lead to a final state or reminders repeating on the cadence', () => {
    fc.assert(
      fc.property(fc.nat(100), picks, (variant, seq) => {
        let c = walk(machine, variant, seq);
        if (isFinal(c)) {
          expect(nextDeadline(c)).toBeUndefined();
          return;
        }
        // Only the clock from here on: at most one move per tier, then reminders for ever.
        let reminders = 0;
        for (let i = 0; i < model.tiers.size * 3 + 6; i++) {
          const due = nextDeadline(c);
          expect(due, `${c.state} has no next deadline`).toBeDefined();
          // The host fires at the due time, or now if that has passed (never before the last event).
          const last = c.audit.at(-1)?.at as string;
          const at = Date.parse(due?.at as string) >= Date.parse(last) ? (due?.at as string) : last;
          const r = transition(machine, c, { type: 'DEADLINE', id: `d${i}`, at, actor: 'clock', role: 'system' });
          expect(r.rejected).toBeUndefined();
          const after = r.snapshot;
          if (after.state === c.state && after.owner === c.owner) {
            // A reminder: counted, and the next one on the policy's cadence.
            expect(after.reminders).toBe((c.reminders ?? 0) + 1);
            expect(after.due).toEqual({ at: addDuration(at, model.remindEvery, model.calendar), state: c.state, overdue: true });
            reminders++;
          }
          c = after;
        }
        // The last DEADLINEs were all reminders: the case settled into repeating supervision.
        expect(reminders).toBeGreaterThanOrEqual(3);
        expect(c.audit.slice(-3).every((a) => a.event === 'DEADLINE' && a.from === a.to)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});

describe.each(REGIONS)('%s: never up for a reason the policy does not list', (region) => {
  const machine = machineOf(region);
  const model = modelOf(machine);
  it('every accepted move up carries a reason its tier lists that applies to the case', () => {
    fc.assert(
      fc.property(fc.nat(100), picks, (variant, seq) => {
        walk(machine, variant, seq, (before, e, after) => {
          const entry = after.audit.at(-1);
          const up = e.type === 'ESCALATE' || entry?.reason !== undefined;
          if (!up) return;
          expect(entry?.reason).toBeDefined();
          expect(model.reasonsFor(before.owner, before)).toContain(entry?.reason);
          expect(model.tiers.get(before.owner)?.escalatesOn).toContain(entry?.reason);
          expect(after.owner).not.toBe(before.owner);
        });
      }),
      { numRuns: 60 },
    );
  });
  it('an ESCALATE for any other reason is rejected and changes nothing', () => {
    fc.assert(
      fc.property(fc.nat(100), picks, fc.string({ maxLength: 30 }), (variant, seq, junk) => {
        const c = walk(machine, variant, seq);
        if (isFinal(c)) return;
        const allowed = model.reasonsFor(c.owner, c);
        for (const reason of [junk, ...(model.policy.reasons ?? []).map((r) => r.id)].filter((r) => !allowed.includes(r))) {
          const at = c.audit.at(-1)?.at as string;
          const r = transition(machine, c, { type: 'ESCALATE', id: `x-${reason}`, at, actor: 'a', role: c.owner, reason });
          expect(r.snapshot).toBe(c);
          expect(r.rejected?.code).toMatch(/^escalation\.(reason|missing|notInState|target)$/);
        }
      }),
      { numRuns: 40 },
    );
  });
});

/** The pack with its escalation policy's joint handling set to `when`. */
function withJoint(p: ResolvedPack, when: 'lead' | 'all'): EscalationMachine {
  const [first, ...rest] = p.escalations;
  const patched = { ...p, escalations: [{ ...first, jointHandling: { resolveWhen: when, localDefault: true } }, ...rest] } as ResolvedPack;
  const m = createEscalationMachine(patched);
  if (E.isLeft(m)) throw new Error('no machine');
  return m.right;
}

const T = (s: string) => `xianyou.tier.${s}`;
/** A Xianyou case at the township, accepted: where a joint team is formed (seed 004 case 2). */
function atTownship(machine: EscalationMachine): CaseSnapshot {
  let c = openCase(machine, 'team', {
    id: 'r',
    at: '2026-03-01T09:00:00+08:00',
    actor: 'liu',
    role: T('grid-worker'),
    photos: ['p.jpg'],
  }).snapshot;
  for (const e of [
    { type: 'ESCALATE', role: T('grid-worker'), reason: 'xianyou.reason.report', to: T('township') },
    { type: 'ACCEPT', role: T('township') },
  ])
    c = transition(machine, c, { id: `e-${e.type}`, at: '2026-03-01T10:00:00+08:00', actor: 'x', ...e } as EscalationEvent).snapshot;
  expect(c.state).toBe('township.handle');
  return c;
}

describe.each(['lead', 'all'] as const)('joint handling, resolving on %s', (when) => {
  const machine = withJoint(pack('xianyou'), when);
  const depts = modelOf(machine).tiers.get(T('township'))?.forwardDepts as string[];
  it('resolves exactly when the policy says, each member completing once', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(depts, { minLength: 1, maxLength: 4 }),
        fc.nat(10),
        fc.array(fc.nat(10), { maxLength: 12 }),
        (team, leadPick, order) => {
          let c = atTownship(machine);
          const leads = [...team, T('township')];
          const lead = leads[leadPick % leads.length] as string;
          c = transition(machine, c, {
            type: 'FORWARD',
            id: 'f',
            at: '2026-03-01T11:00:00+08:00',
            actor: 'x',
            role: T('township'),
            to: team,
            lead,
          }).snapshot;
          expect(c.departments).toEqual(team);
          expect(c.lead).toBe(lead);
          const members = lead === T('township') ? [...team, lead] : team;
          const done: string[] = [];
          const senders = [...members, T('township'), 'base.dept.transport'];
          order.forEach((k, i) => {
            const role = senders[k % senders.length] as string;
            const r = transition(machine, c, {
              type: 'RESOLVE',
              id: `r${i}`,
              at: `2026-03-01T12:${String(i).padStart(2, '0')}:00+08:00`,
              actor: 'x',
              role,
              evidence: ['e.jpg'],
            });
            const wasResolved = when === 'lead' ? done.includes(lead) : members.every((m) => done.includes(m));
            const mayComplete = members.includes(role) && !done.includes(role) && (!wasResolved || when === 'lead');
            expect(r.rejected === undefined, `${role} after ${done.join(',')}`).toBe(mayComplete);
            if (mayComplete) done.push(role);
            c = r.snapshot;
            const resolved = when === 'lead' ? done.includes(lead) : members.every((m) => done.includes(m));
            expect(c.state).toBe(resolved ? 'township.verify' : 'township.handle');
            expect(c.completed).toEqual(done);
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});
