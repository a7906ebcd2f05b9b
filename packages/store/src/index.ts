/**
 * `@gridsafe/store`: hazard cases kept durable on PostgreSQL, with embedded PGlite by default (a
 * data directory, no server). One transaction per event writes the case, the event, its next due
 * time and its effects; the event log is append-only; deadline workers fire DEADLINE exactly once
 * per due time, several at once; a period's records stream from the store into `score`.
 *
 * @packageDocumentation
 */

export { checkEvent, MAX_EVENT_BYTES } from './check.js';
export { type DbOptions, openDb } from './db/open.js';
export { pgliteDb } from './db/pglite.js';
export { type PostgresOptions, postgresDb } from './db/postgres.js';
export type { Db, Queryable, Rows } from './db/sql.js';
export { type StoreIssue, type StoreIssueCode, type StoreIssueParams, type StoreMessages, storeIssue } from './errors.js';
export { MIGRATIONS, type Migration, migrate, type Tables } from './migrations.js';
export type { PeriodRecordOptions, PeriodSource } from './records.js';
export { type CaseStore, createStore, type OpenOptions, type ReportInput, type StoreOptions } from './store.js';
export type { ApplyResult, EventRow, OutboxItem, StoreProblem } from './types.js';
export { type DeadlineWorker, deadlineEvent, deadlineId, type FiredDeadline, type WorkerOptions } from './worker.js';
