import { type CaseSnapshot, type EscalationEvent, type MachineRegistry, nextDeadline } from '@gridsafe/escalation';
import { applyLocked } from './apply.js';
import type { Db, Queryable } from './db/sql.js';
import type { Tables } from './migrations.js';
import type { ApplyResult } from './types.js';

/** Options of a {@link DeadlineWorker}. */
export interface WorkerOptions {
  /** The clock (default: the system's). A deadline fires only once `now()` is at or past it. */
  now?: () => Date;
  /** Most deadlines fired in one transaction (default 50). */
  batch?: number;
  /** How long to wait between polls when nothing was due, in ms (default 1000). */
  intervalMs?: number;
  /** The actor DEADLINE events are sent as (default `gridsafe-store`); the role is always `system`. */
  actor?: string;
  /** Told of every deadline fired, after its transaction committed. */
  onFired?: (fired: FiredDeadline) => void;
  /** Told of an error in a poll (the database was unreachable, say); the worker polls again after `intervalMs`. Default: ignore. */
  onError?: (error: unknown) => void;
}

/** One deadline the worker fired, and what the case made of it. */
export interface FiredDeadline {
  caseId: string;
  event: EscalationEvent;
  result: ApplyResult;
}

/**
 * Fires due deadlines (see {@link deadlineId} for the event): `runOnce` polls once; `start` polls
 * until `stop`.
 */
export interface DeadlineWorker {
  /** Fire every deadline due now, up to the batch size, in one transaction. */
  runOnce(): Promise<FiredDeadline[]>;
  /** Poll until {@link DeadlineWorker.stop}: at once again after a full batch, else after `intervalMs`. */
  start(): void;
  /** Stop polling; resolves when the poll under way has finished. */
  stop(): Promise<void>;
}

/**
 * The id of the DEADLINE event for a due time: the same for every worker and every retry, so a
 * deadline can be applied once only (`deadline:<state>@<due time>`).
 *
 * @example
 * ```ts
 * import { deadlineId } from '@gridsafe/store';
 * console.log(deadlineId({ state: 'village.assign', at: '2026-03-05T03:00:00.000Z' })); // deadline:village.assign@2026-03-05T03:00:00.000Z
 * ```
 */
export function deadlineId(due: { state: string; at: string }): string {
  return `deadline:${due.state}@${due.at}`;
}

/**
 * The DEADLINE event the worker sends a case due at `due`: the repeatable {@link deadlineId}, role
 * `system`, dated at the due time, or at the case's last event if that is later (an event may not
 * go back in time).
 *
 * @example
 * ```ts
 * import { nextDeadline, type CaseSnapshot } from '@gridsafe/escalation';
 * import { deadlineEvent } from '@gridsafe/store';
 * declare const c: CaseSnapshot;
 * const due = nextDeadline(c);
 * if (due) console.log(deadlineEvent(c, due, 'scheduler').id);
 * ```
 */
export function deadlineEvent(c: CaseSnapshot, due: { state: string; at: string }, actor: string): EscalationEvent {
  const last = c.audit[c.audit.length - 1]?.at;
  const at = last !== undefined && Date.parse(last) > Date.parse(due.at) ? last : due.at;
  return { type: 'DEADLINE', id: deadlineId(due), at, actor, role: 'system' };
}

/** Fire the due deadlines of one batch, in one transaction. */
async function fireDue(tx: Queryable, t: Tables, machines: MachineRegistry, now: Date, batch: number, actor: string) {
  // Lock the case rows (not the deadline rows): every writer of a deadline row holds its case's lock, so lock order never inverts.
  const due = await tx.query<{ case_id: string; snapshot: CaseSnapshot }>(
    `SELECT c.case_id, c.snapshot FROM ${t.cases} c JOIN ${t.deadlines} d ON d.case_id = c.case_id
      WHERE d.due_at <= $1::timestamptz ORDER BY d.due_at, c.case_id LIMIT $2 FOR UPDATE OF c SKIP LOCKED`,
    [now.toISOString(), batch],
  );
  const fired: FiredDeadline[] = [];
  for (const row of due.rows) {
    const next = nextDeadline(row.snapshot);
    if (!next || Date.parse(next.at) > now.getTime()) {
      // The row no longer matches the case (it cannot, as both are written together; kept as a guard): make it match.
      await tx.query(`DELETE FROM ${t.deadlines} WHERE case_id = $1`, [row.case_id]);
      if (next)
        await tx.query(`INSERT INTO ${t.deadlines} (case_id, due_at, state) VALUES ($1, $2::timestamptz, $3)`, [
          row.case_id,
          next.at,
          next.state,
        ]);
      continue;
    }
    const event = deadlineEvent(row.snapshot, next, actor);
    const result = await applyLocked(tx, t, machines, row.case_id, row.snapshot, event);
    // A deadline the case refused, or one whose machine is gone, is recorded (or reported) and not fired again.
    if (result.outcome !== 'applied') await tx.query(`DELETE FROM ${t.deadlines} WHERE case_id = $1`, [row.case_id]);
    fired.push({ caseId: row.case_id, event, result });
  }
  return fired;
}

/** A deadline worker on a store's tables (see {@link DeadlineWorker}). */
export function deadlineWorker(db: Db, t: Tables, machines: MachineRegistry, options: WorkerOptions = {}): DeadlineWorker {
  const now = options.now ?? (() => new Date());
  const batch = Math.max(1, Math.min(1000, Math.floor(options.batch ?? 50)));
  const interval = Math.max(0, options.intervalMs ?? 1000);
  const actor = options.actor ?? 'gridsafe-store';
  let running: Promise<void> | undefined;
  let stopping = false;
  let wake: (() => void) | undefined;

  const runOnce = async () => {
    const fired = await db.transaction((tx) => fireDue(tx, t, machines, now(), batch, actor));
    for (const f of fired) options.onFired?.(f);
    return fired;
  };
  const loop = async () => {
    while (!stopping) {
      let full = false;
      try {
        full = (await runOnce()).length >= batch;
      } catch (e) {
        options.onError?.(e);
      }
      if (full || stopping) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, interval);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  };
  return {
    runOnce,
    start() {
      if (running) return;
      stopping = false;
      running = loop().finally(() => {
        running = undefined;
      });
    },
    async stop() {
      stopping = true;
      wake?.();
      await running;
    },
  };
}
