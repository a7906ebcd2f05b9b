import type { Db } from './db/sql.js';

/** The qualified names of the store's tables in one schema. */
export interface Tables {
  schema: string;
  migrations: string;
  cases: string;
  events: string;
  outbox: string;
  deadlines: string;
  records: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** The tables of the store in `schema`; `undefined` when the name is not a plain lower-case SQL identifier. */
export function tablesIn(schema: string): Tables | undefined {
  if (typeof schema !== 'string' || !SCHEMA_NAME.test(schema)) return undefined;
  const q = (t: string) => `"${schema}".gridsafe_${t}`;
  return {
    schema,
    migrations: q('migrations'),
    cases: q('cases'),
    events: q('events'),
    outbox: q('outbox'),
    deadlines: q('deadlines'),
    records: q('records'),
  };
}

/** One step of the store's schema, applied once, in order. */
export interface Migration {
  /** Its number: migrations apply in this order, each once. */
  version: number;
  /** What it does, as recorded in the migrations table. */
  name: string;
  /** Its statements for the tables of one schema. */
  sql: (t: Tables) => string;
}

/**
 * The store's schema, step by step. Cases are JSONB rows; events are append-only (a trigger
 * refuses UPDATE, DELETE and TRUNCATE), one row per case and event id, applied or rejected; the
 * outbox holds the effects of applied events until delivered; the deadlines table holds each open
 * case's next due time; period records are the host's own scoring records.
 *
 * @example
 * ```ts
 * import { MIGRATIONS } from '@gridsafe/store';
 * console.log(MIGRATIONS.map((m) => `${m.version}: ${m.name}`));
 * ```
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'cases, events, outbox, deadlines, records',
    sql: (t) => `
CREATE TABLE ${t.cases} (
  case_id text PRIMARY KEY,
  pack_id text NOT NULL,
  pack_version text NOT NULL,
  unit text,
  state text NOT NULL,
  opened_on date NOT NULL,
  last_event_at timestamptz NOT NULL,
  events integer NOT NULL DEFAULT 0,
  snapshot jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX gridsafe_cases_opened_on ON ${t.cases} (opened_on, case_id);

CREATE TABLE ${t.events} (
  seq bigserial PRIMARY KEY,
  case_id text NOT NULL REFERENCES ${t.cases} (case_id),
  event_id text NOT NULL,
  type text NOT NULL,
  at timestamptz NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('applied', 'rejected')),
  event jsonb NOT NULL,
  rejection jsonb,
  recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (case_id, event_id)
);
CREATE FUNCTION "${t.schema}".gridsafe_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'gridsafe_events is append-only: % refused', TG_OP USING ERRCODE = 'restrict_violation';
END
$fn$;
CREATE TRIGGER gridsafe_events_append_only BEFORE UPDATE OR DELETE ON ${t.events}
  FOR EACH ROW EXECUTE FUNCTION "${t.schema}".gridsafe_append_only();
CREATE TRIGGER gridsafe_events_no_truncate BEFORE TRUNCATE ON ${t.events}
  FOR EACH STATEMENT EXECUTE FUNCTION "${t.schema}".gridsafe_append_only();

CREATE TABLE ${t.outbox} (
  id bigserial PRIMARY KEY,
  case_id text NOT NULL,
  event_id text NOT NULL,
  effect jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz
);
CREATE INDEX gridsafe_outbox_pending ON ${t.outbox} (id) WHERE delivered_at IS NULL;

CREATE TABLE ${t.deadlines} (
  case_id text PRIMARY KEY REFERENCES ${t.cases} (case_id),
  due_at timestamptz NOT NULL,
  state text NOT NULL
);
CREATE INDEX gridsafe_deadlines_due_at ON ${t.deadlines} (due_at);

CREATE TABLE ${t.records} (
  seq bigserial PRIMARY KEY,
  type text NOT NULL,
  unit text,
  date date,
  record jsonb NOT NULL
);
CREATE INDEX gridsafe_records_date ON ${t.records} (date, seq);
`,
  },
];

/**
 * Bring the store's schema up to date: create the schema and the migrations table if missing,
 * then apply each migration not yet applied, each in its own transaction, under an advisory lock
 * so that several processes starting at once apply each step once. Returns the versions applied.
 *
 * @example
 * ```ts
 * import { migrate, pgliteDb } from '@gridsafe/store';
 * const db = await pgliteDb();
 * console.log(await migrate(db)); // [ 1 ]
 * console.log(await migrate(db)); // []
 * ```
 */
export async function migrate(db: Db, schema = 'public'): Promise<number[]> {
  const t = tablesIn(schema);
  if (!t) throw new TypeError(`store schema name must be a lower-case SQL identifier, got ${JSON.stringify(schema)}`);
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`gridsafe.migrate:${schema}`]);
      await tx.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await tx.query(
        `CREATE TABLE IF NOT EXISTS ${t.migrations} (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      const have = await tx.query(`SELECT 1 FROM ${t.migrations} WHERE version = $1`, [m.version]);
      if (have.rows.length > 0) return false;
      for (const statement of splitStatements(m.sql(t))) await tx.query(statement);
      await tx.query(`INSERT INTO ${t.migrations} (version, name) VALUES ($1, $2)`, [m.version, m.name]);
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}

/** A migration's statements, split on `;` at line ends outside `$fn$` bodies. */
function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let current = '';
  let inBody = false;
  for (const line of sql.split('\n')) {
    if ((line.match(/\$fn\$/g) ?? []).length % 2 === 1) inBody = !inBody;
    current += `${line}\n`;
    if (!inBody && line.trimEnd().endsWith(';')) {
      out.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) out.push(current.trim());
  return out;
}
