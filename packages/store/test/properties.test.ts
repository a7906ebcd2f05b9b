// Random event sequences through the store end in the same case as through transition() in
// memory, with the store's one-answer-per-event-id ledger: an id recorded once (applied or
// rejected) is a duplicate ever after. On PGlite and on PostgreSQL.
import { type CaseSnapshot, type EscalationEvent, openCase, transition } from '@gridsafe/escalation';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidateEvents } from '../../escalation/test/candidates.js';
import type { CaseStore } from '../src/index.js';
import { BACKENDS, freshStore, machines } from './backends.js';

const machine = machines.at('xianyou', '2026-01-05');
if (E.isLeft(machine)) throw new Error('no machine');
const m = machine.right;

describe.each(BACKENDS)('store on %s against transition() in memory', (backend) => {
  let store: CaseStore;
  let n = 0;
  beforeAll(async () => {
    store = await freshStore(backend);
  });
  afterAll(async () => {
    await store?.close();
  });

  it('ends every random event sequence in the same case (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.nat(9)), { minLength: 1, maxLength: 14 }),
        fc.constantFrom<'general' | 'major'>('general', 'major'),
        async (steps, severity) => {
          const caseId = `p${n++}`;
          const report = {
            id: `${caseId}-r`,
            at: '2026-01-05T09:00:00+08:00',
            actor: 'w',
            role: 'xianyou.tier.grid-worker',
            severity,
            photos: ['p.jpg'],
          };
          const opened = openCase(m, caseId, report);
          let mem = opened.snapshot as CaseSnapshot;
          const seen = new Map<string, 'applied' | 'rejected'>([[report.id, 'applied']]);
          const sent: EscalationEvent[] = [];
          expect((await store.open(caseId, report, { pack: 'xianyou', unit: 'v1' })).outcome).toBe('applied');
          for (const [pick, kind] of steps) {
            // Mostly a candidate event of the case as it is; now and then a retry of one already sent.
            const candidates = candidateEvents(m, mem);
            const event =
              kind === 0 && sent.length > 0 ? (sent[pick % sent.length] as EscalationEvent) : candidates[pick % candidates.length];
            if (!event) break;
            sent.push(event);
            const got = await store.apply(caseId, event);
            const first = seen.get(event.id);
            if (first) {
              expect(got.outcome === 'duplicate' && got.first).toBe(first);
              continue;
            }
            const r = transition(m, mem, event);
            seen.set(event.id, r.rejected ? 'rejected' : 'applied');
            expect(got.outcome, JSON.stringify(event)).toBe(r.rejected ? 'rejected' : 'applied');
            if (got.outcome === 'rejected') expect(got.rejected.code).toBe(r.rejected?.code);
            mem = r.snapshot;
          }
          expect(await store.get(caseId)).toEqual(mem);
          const history = await store.history(caseId);
          expect(history.map((h) => [h.eventId, h.outcome])).toEqual([...seen.entries()]);
        },
      ),
      { numRuns: 30 },
    );
  });
});
