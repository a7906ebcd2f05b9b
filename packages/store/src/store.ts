import { type CaseSnapshot, type EventOf, type MachineRegistry, openCase } from '@gridsafe/escalation';
import * as E from 'fp-ts/lib/Either.js';
import { applyLocked, duplicateOf, lockCase, writeApplied } from './apply.js';
import { checkCaseId, checkEvent } from './check.js';
import { type DbOptions, openDb } from './db/open.js';
import type { Db } from './db/sql.js';
import { storeIssue } from './errors.js';
import { migrate, type Tables, tablesIn } from './migrations.js';
import { type PeriodSource, periodSource } from './records.js';
import type { ApplyResult, EventRow, OutboxItem } from './types.js';
import { type DeadlineWorker, deadlineWorker, type WorkerOptions } from './worker.js';

/** Options of {@link createStore}. */
export interface StoreOptions extends DbOptions {
  /** The machines of every pack version cases may be pinned to (`machineRegistry` of `@gridsafe/escalation`). */
  machines: MachineRegistry;
  /** An open database (from `openDb`, `pgliteDb` or `postgresDb`); otherwise one is opened from `url` / `dataDir`. */
  db?: Db;
  /** The PostgreSQL schema the store's tables live in (default `public`). */
  schema?: string;
  /** Bring the schema up to date on open (default true). */
  migrate?: boolean;
}

/** Options of {@link CaseStore.open}. */
export interface OpenOptions {
  /** The pack the case is opened under: the version in force on the report's date (or `date`) is pinned. */
  pack: string;
  /** The unit the case is scored to (the unit of the grid it was found in). */
  unit?: string;
  /** The date whose pack version applies (default: the report's date). */
  date?: string;
}

/** A REPORT event, its `type` optional. */
export type ReportInput = Omit<EventOf<'REPORT'>, 'type'> & { type?: 'REPORT' };

/**
 * Hazard cases kept durable in PostgreSQL or PGlite (see {@link createStore}).
 */
export interface CaseStore {
  /** The database. */
  readonly db: Db;
  /** The tables, qualified by schema. */
  readonly tables: Tables;
  /** Open a case with its REPORT, pinned to the pack version in force on the report's date. */
  open(caseId: string, report: ReportInput, options: OpenOptions): Promise<ApplyResult>;
  /** Apply one event to a case, in one transaction. */
  apply(caseId: string, event: unknown): Promise<ApplyResult>;
  /** A case as stored, or `undefined`. */
  get(caseId: string): Promise<CaseSnapshot | undefined>;
  /** Every event recorded for a case, applied and rejected, in order. */
  history(caseId: string): Promise<EventRow[]>;
  /**
   * Deliver pending effects: take up to `limit` undelivered outbox rows (skipping rows another
   * transaction holds), pass them to `handler`, and mark them delivered in the same transaction.
   * When the handler throws, nothing is marked and the rows come again: delivery is at least once.
   * Returns how many were delivered.
   */
  deliver(handler: (items: OutboxItem[]) => Promise<void>, limit?: number): Promise<number>;
  /** A deadline worker on this store (several may run at once, in one process or many). */
  deadlineWorker(options?: WorkerOptions): DeadlineWorker;
  /** Period records from the store, for `score`: the host's own records and the records of the cases reported in the period. */
  readonly period: PeriodSource;
  /** Close the database. */
  close(): Promise<void>;
}

/**
 * Open a case store: PGlite by default (a data directory, no server), PostgreSQL when `url` is
 * given (for example `process.env.DATABASE_URL`); the same SQL runs on both. The schema is brought
 * up to date first.
 *
 * `apply(caseId, event)` locks the case's row, runs the event through the machine of the pack
 * version the case is pinned to, and writes the case, the event, its next due time and its effects
 * (the outbox) in one transaction. Every event id is recorded once per case: a retry of an event
 * that committed, applied or rejected, comes back as a `duplicate` and changes nothing. The events
 * table is append-only (a trigger refuses UPDATE, DELETE and TRUNCATE).
 *
 * @example
 * ```ts
 * import { machineRegistry } from '@gridsafe/escalation';
 * import { seedRegistry } from '@gridsafe/rules';
 * import { createStore } from '@gridsafe/store';
 * const packs = seedRegistry();
 * if (packs._tag === 'Right') {
 *   const store = await createStore({ machines: machineRegistry(packs.right), dataDir: './data/cases' });
 *   const opened = await store.open('c1', { id: 'e1', at: '2026-03-02T09:00:00+08:00', actor: 'chen',
 *     role: 'xianyou.tier.grid-worker', grade: 'general', photos: ['p.jpg'] }, { pack: 'xianyou', unit: 'v1' });
 *   const r = await store.apply('c1', { type: 'ESCALATE', id: 'e2', at: '2026-03-02T10:00:00+08:00', actor: 'chen',
 *     role: 'xianyou.tier.grid-worker', reason: 'needs the village' });
 *   console.log(opened.outcome, r.outcome); // applied applied
 *   await store.close();
 * }
 * ```
 */
export async function createStore(options: StoreOptions): Promise<CaseStore> {
  const schema = options.schema ?? 'public';
  const t = tablesIn(schema);
  if (!t) throw new TypeError(`store schema name must be a lower-case SQL identifier, got ${JSON.stringify(schema)}`);
  const db = options.db ?? (await openDb(options));
  if (options.migrate !== false) await migrate(db, schema);
  const { machines } = options;

  const apply = async (caseId: string, input: unknown): Promise<ApplyResult> => {
    const badId = checkCaseId(caseId);
    if (badId) return { outcome: 'invalid', issues: [badId] };
    const checked = checkEvent(input);
    if (E.isLeft(checked)) return { outcome: 'invalid', issues: checked.left };
    const event = checked.right;
    return db.transaction(async (tx) => {
      const locked = await lockCase(tx, t, caseId, event.id);
      if (!locked) return { outcome: 'invalid', issues: [storeIssue('store.unknownCase', '/caseId', { caseId })] };
      if (locked.prior) return duplicateOf({ ...locked, prior: locked.prior });
      return applyLocked(tx, t, machines, caseId, locked.snapshot, event);
    });
  };

  const open = async (caseId: string, report: ReportInput, o: OpenOptions): Promise<ApplyResult> => {
    const badId = checkCaseId(caseId);
    if (badId) return { outcome: 'invalid', issues: [badId] };
    const checked = checkEvent({ ...(report as object), type: 'REPORT' });
    if (E.isLeft(checked)) return { outcome: 'invalid', issues: checked.left };
    const event = checked.right as EventOf<'REPORT'>;
    const machine = machines.at(o?.pack, o?.date ?? event.at);
    if (E.isLeft(machine)) return { outcome: 'invalid', issues: machine.left };
    const existing = (locked: Awaited<ReturnType<typeof lockCase>> & object): ApplyResult =>
      locked.prior
        ? duplicateOf({ ...locked, prior: locked.prior })
        : {
            outcome: 'invalid',
            issues: [
              storeIssue('store.caseExists', '/caseId', { caseId, reportId: event.id, openedBy: locked.snapshot.audit[0]?.id ?? '' }),
            ],
          };
    return db.transaction(async (tx) => {
      const locked = await lockCase(tx, t, caseId, event.id);
      if (locked) return existing(locked);
      const r = openCase(machine.right, caseId, event);
      if (r.rejected) return { outcome: 'rejected', snapshot: r.snapshot, rejected: r.rejected };
      const s = r.snapshot;
      const inserted = await tx.query(
        `INSERT INTO ${t.cases} (case_id, pack_id, pack_version, unit, state, opened_on, last_event_at, snapshot)
         VALUES ($1, $2, $3, $4, $5, $6::date, $7::timestamptz, $8::jsonb) ON CONFLICT (case_id) DO NOTHING RETURNING case_id`,
        [caseId, s.pack.id, s.pack.version, o.unit ?? null, s.state, event.at.slice(0, 10), event.at, JSON.stringify(s)],
      );
      if (inserted.rows.length === 0) {
        // Opened by another transaction meanwhile: answer as if it had come first.
        const now = await lockCase(tx, t, caseId, event.id);
        if (now) return existing(now);
      }
      const seq = await writeApplied(tx, t, caseId, s, event, r.effects);
      return { outcome: 'applied', snapshot: s, effects: r.effects, seq };
    });
  };

  return {
    db,
    tables: t,
    open,
    apply,
    async get(caseId) {
      if (typeof caseId !== 'string') return undefined;
      const r = await db.query<{ snapshot: CaseSnapshot }>(`SELECT snapshot FROM ${t.cases} WHERE case_id = $1`, [caseId]);
      return r.rows[0]?.snapshot;
    },
    async history(caseId) {
      if (typeof caseId !== 'string') return [];
      const r = await db.query<{
        seq: string | number;
        event_id: string;
        type: string;
        outcome: 'applied' | 'rejected';
        event: unknown;
        rejection: EventRow['rejection'] | null;
        recorded_at: Date | string;
      }>(`SELECT seq, event_id, type, outcome, event, rejection, recorded_at FROM ${t.events} WHERE case_id = $1 ORDER BY seq`, [caseId]);
      return r.rows.map((x) => ({
        seq: Number(x.seq),
        eventId: x.event_id,
        type: x.type,
        outcome: x.outcome,
        event: x.event,
        ...(x.rejection ? { rejection: x.rejection } : {}),
        recordedAt: new Date(x.recorded_at).toISOString(),
      }));
    },
    deliver(handler, limit = 100) {
      return db.transaction(async (tx) => {
        const r = await tx.query<{ id: string | number; case_id: string; event_id: string; effect: OutboxItem['effect'] }>(
          `SELECT id, case_id, event_id, effect FROM ${t.outbox} WHERE delivered_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
          [Math.max(1, Math.min(10_000, Math.floor(Number(limit)) || 100))],
        );
        if (r.rows.length === 0) return 0;
        const items = r.rows.map((x) => ({ id: Number(x.id), caseId: x.case_id, eventId: x.event_id, effect: x.effect }));
        await handler(items);
        await tx.query(`UPDATE ${t.outbox} SET delivered_at = now() WHERE id = ANY($1::bigint[])`, [items.map((i) => i.id)]);
        return items.length;
      });
    },
    deadlineWorker: (o) => deadlineWorker(db, t, machines, o),
    period: periodSource(db, t, machines),
    close: () => db.close(),
  };
}
