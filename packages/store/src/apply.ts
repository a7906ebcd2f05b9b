import {
  type CaseSnapshot,
  type Effect,
  type EscalationEvent,
  type MachineRegistry,
  nextDeadline,
  type Rejection,
  transition,
} from '@gridsafe/escalation';
import * as E from 'fp-ts/lib/Either.js';
import type { Queryable } from './db/sql.js';
import type { Tables } from './migrations.js';
import type { ApplyResult } from './types.js';

/** A case row locked for update, with what the events table knows of one event id. */
export interface LockedCase {
  snapshot: CaseSnapshot;
  prior?: { outcome: 'applied' | 'rejected'; rejection: Rejection | null };
}

/** Lock a case's row (FOR UPDATE) and look up an event id among its recorded events; `undefined` when there is no such case. */
export async function lockCase(tx: Queryable, t: Tables, caseId: string, eventId: string): Promise<LockedCase | undefined> {
  const r = await tx.query<{ snapshot: CaseSnapshot; outcome: 'applied' | 'rejected' | null; rejection: Rejection | null }>(
    `SELECT c.snapshot, e.outcome, e.rejection FROM ${t.cases} c
       LEFT JOIN ${t.events} e ON e.case_id = c.case_id AND e.event_id = $2
      WHERE c.case_id = $1 FOR UPDATE OF c`,
    [caseId, eventId],
  );
  const row = r.rows[0];
  if (!row) return undefined;
  return { snapshot: row.snapshot, ...(row.outcome ? { prior: { outcome: row.outcome, rejection: row.rejection } } : {}) };
}

/** The answer to an event id the case has already recorded. */
export function duplicateOf(locked: LockedCase & { prior: NonNullable<LockedCase['prior']> }): ApplyResult {
  return {
    outcome: 'duplicate',
    snapshot: locked.snapshot,
    first: locked.prior.outcome,
    ...(locked.prior.rejection ? { rejected: locked.prior.rejection } : {}),
  };
}

/** Record a rejected event, with its rejection, in the events table. */
async function recordRejection(tx: Queryable, t: Tables, caseId: string, event: EscalationEvent, rejected: Rejection): Promise<void> {
  await tx.query(
    `INSERT INTO ${t.events} (case_id, event_id, type, at, outcome, event, rejection)
     VALUES ($1, $2, $3, $4::timestamptz, 'rejected', $5::jsonb, $6::jsonb)`,
    [caseId, event.id, event.type, event.at, JSON.stringify(event), JSON.stringify(rejected)],
  );
}

/**
 * Write an applied event in one statement: the case row, the event row, the case's next due time
 * (set, moved or removed) and one outbox row per effect. Returns the event's sequence number.
 */
export async function writeApplied(
  tx: Queryable,
  t: Tables,
  caseId: string,
  after: CaseSnapshot,
  event: EscalationEvent,
  effects: Effect[],
): Promise<number> {
  const due = nextDeadline(after);
  const r = await tx.query<{ seq: string | number }>(
    `WITH c AS (
       UPDATE ${t.cases} SET snapshot = $2::jsonb, state = $3, last_event_at = $4::timestamptz, events = events + 1, updated_at = now()
        WHERE case_id = $1),
     e AS (
       INSERT INTO ${t.events} (case_id, event_id, type, at, outcome, event)
       VALUES ($1, $5, $6, $4::timestamptz, 'applied', $7::jsonb) RETURNING seq),
     dd AS (
       DELETE FROM ${t.deadlines} WHERE case_id = $1 AND $8::timestamptz IS NULL),
     du AS (
       INSERT INTO ${t.deadlines} (case_id, due_at, state) SELECT $1, $8::timestamptz, $9 WHERE $8::timestamptz IS NOT NULL
       ON CONFLICT (case_id) DO UPDATE SET due_at = EXCLUDED.due_at, state = EXCLUDED.state),
     o AS (
       INSERT INTO ${t.outbox} (case_id, event_id, effect) SELECT $1, $5, x FROM jsonb_array_elements($10::jsonb) AS x)
     SELECT seq FROM e`,
    [
      caseId,
      JSON.stringify(after),
      after.state,
      event.at,
      event.id,
      event.type,
      JSON.stringify(event),
      due?.at ?? null,
      due?.state ?? null,
      JSON.stringify(effects),
    ],
  );
  return Number(r.rows[0]?.seq);
}

/**
 * Apply an event to a case whose row this transaction has locked: find its machine, transition,
 * and write the outcome (applied: case, event, due time and outbox; rejected: the event and its
 * rejection). The caller has already answered duplicates recorded in the events table.
 */
export async function applyLocked(
  tx: Queryable,
  t: Tables,
  machines: MachineRegistry,
  caseId: string,
  snapshot: CaseSnapshot,
  event: EscalationEvent,
): Promise<ApplyResult> {
  const machine = machines.forCase(snapshot);
  if (E.isLeft(machine)) return { outcome: 'invalid', issues: machine.left };
  const r = transition(machine.right, snapshot, event);
  if (r.duplicate) return { outcome: 'duplicate', snapshot, first: 'applied' };
  if (r.rejected) {
    await recordRejection(tx, t, caseId, event, r.rejected);
    return { outcome: 'rejected', snapshot, rejected: r.rejected };
  }
  const seq = await writeApplied(tx, t, caseId, r.snapshot, event, r.effects);
  return { outcome: 'applied', snapshot: r.snapshot, effects: r.effects, seq };
}
