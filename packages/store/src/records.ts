import type { ResolvedPack } from '@gridsafe/engine';
import { type CaseSnapshot, caseRecords, type EscalationEvent, type MachineRegistry, openCase, transition } from '@gridsafe/escalation';
import { GridsafeError, type Issue, makeIssue } from '@gridsafe/schema';
import { decodeRecord, type Period, parsePeriod, type ScoreOptions, type ScoreReport, score } from '@gridsafe/scoring';
import * as E from 'fp-ts/lib/Either.js';
import type { Db } from './db/sql.js';
import type { Tables } from './migrations.js';

/** Options of {@link PeriodSource.records}. */
export interface PeriodRecordOptions {
  /** Rows read per query (default 500): memory stays bounded by it, whatever the period's size. */
  pageSize?: number;
  /** Told of a case that gives no record (no unit, say). Default: throw a `GridsafeError` with the issues. */
  onIssue?: (issues: Issue[]) => void;
}

/** Scoring from the store: the host's period records and the records of its cases (see {@link CaseStore.period}). */
export interface PeriodSource {
  /**
   * Keep the host's own period records (units, patrol tasks, meetings, facts…), each checked by
   * the codecs of `@gridsafe/scoring` first: all are written, or, with any issue, none.
   */
  add(records: readonly unknown[], name?: string): Promise<E.Either<Issue[], number>>;
  /**
   * The period's records, streamed page by page: every unit record, the host's records dated in
   * the period, then one hazard record per case reported in the period, each case as the period's
   * last day left it (its events up to that day replayed when later ones exist).
   */
  records(period: string | Period, options?: PeriodRecordOptions): AsyncIterable<unknown>;
  /** `score` of `@gridsafe/scoring` over {@link PeriodSource.records}; a case without a unit is an issue in the `Left`. */
  score(pack: ResolvedPack, options: ScoreOptions): Promise<E.Either<Issue[], ScoreReport>>;
}

const dayOf = (at: string) => at.slice(0, 10);

/** A case as it stood at the end of `end` (a day, as written): its applied events up to then, replayed through its machine. */
async function asOf(db: Db, t: Tables, machines: MachineRegistry, c: CaseSnapshot, end: string): Promise<CaseSnapshot> {
  const last = c.audit[c.audit.length - 1]?.at;
  if (last === undefined || dayOf(last) <= end) return c;
  const machine = machines.forCase(c);
  if (E.isLeft(machine)) return c;
  const rows = await db.query<{ event: EscalationEvent }>(
    `SELECT event FROM ${t.events} WHERE case_id = $1 AND outcome = 'applied' ORDER BY seq`,
    [c.caseId],
  );
  let s: CaseSnapshot | undefined;
  for (const { event } of rows.rows) {
    if (dayOf(event.at) > end) break;
    const r =
      s === undefined
        ? openCase(machine.right, c.caseId, event as Extract<EscalationEvent, { type: 'REPORT' }>)
        : transition(machine.right, s, event);
    s = r.snapshot;
  }
  return s ?? c;
}

/** The period records of a store's tables. */
export function periodSource(db: Db, t: Tables, machines: MachineRegistry): PeriodSource {
  async function* records(period: string | Period, options: PeriodRecordOptions = {}): AsyncGenerator<unknown> {
    const p = typeof period === 'string' ? parsePeriod(period, 'options', '/period') : E.right(period);
    if (E.isLeft(p)) throw new GridsafeError(p.left);
    const { start, end } = p.right;
    const page = Math.max(1, Math.min(10_000, Math.floor(options.pageSize ?? 500)));
    const onIssue =
      options.onIssue ??
      ((issues: Issue[]) => {
        throw new GridsafeError(issues);
      });
    let seq = 0;
    for (;;) {
      const r = await db.query<{ seq: string | number; record: unknown }>(
        `SELECT seq, record FROM ${t.records} WHERE seq > $1 AND (date IS NULL OR date BETWEEN $2::date AND $3::date) ORDER BY seq LIMIT $4`,
        [seq, start, end, page],
      );
      for (const row of r.rows) yield row.record;
      if (r.rows.length < page) break;
      seq = Number(r.rows[r.rows.length - 1]?.seq);
    }
    let after = '';
    for (;;) {
      const r = await db.query<{ case_id: string; unit: string | null; snapshot: CaseSnapshot }>(
        `SELECT case_id, unit, snapshot FROM ${t.cases} WHERE opened_on BETWEEN $1::date AND $2::date AND case_id > $3 ORDER BY case_id LIMIT $4`,
        [start, end, after, page],
      );
      for (const row of r.rows) {
        const c = await asOf(db, t, machines, row.snapshot, end);
        const rec = caseRecords([c], { periodEnd: end, unit: () => row.unit ?? undefined });
        if (E.isLeft(rec)) onIssue(rec.left.map((i) => ({ ...i, file: `case ${row.case_id}` })));
        else yield* rec.right;
      }
      if (r.rows.length < page) break;
      after = r.rows[r.rows.length - 1]?.case_id as string;
    }
  }
  return {
    async add(list, name = 'records') {
      if (!Array.isArray(list))
        return E.left([
          makeIssue(
            'codec.invalid',
            { file: name, line: 0, column: 0, pointer: '' },
            { expected: 'an array of records' },
            { found: typeof list },
          ),
        ]);
      const issues: Issue[] = [];
      const rows: { type: string; unit: string | null; date: string | null; record: string }[] = [];
      list.forEach((value, i) => {
        const d = decodeRecord(value, i, name);
        if (E.isLeft(d)) issues.push(...d.left);
        else {
          const r = d.right as { type: string; unit?: string; date?: string };
          rows.push({ type: r.type, unit: r.unit ?? null, date: r.date ?? null, record: JSON.stringify(value) });
        }
      });
      if (issues.length > 0) return E.left(issues);
      await db.transaction(async (tx) => {
        for (let i = 0; i < rows.length; i += 500) {
          const chunk = rows.slice(i, i + 500);
          await tx.query(
            `INSERT INTO ${t.records} (type, unit, date, record)
             SELECT x->>'type', x->>'unit', (x->>'date')::date, x FROM jsonb_array_elements($1::jsonb) AS x`,
            [`[${chunk.map((c) => c.record).join(',')}]`],
          );
        }
      });
      return E.right(rows.length);
    },
    records,
    async score(pack, options) {
      const issues: Issue[] = [];
      const report = await score(pack, records(options.period, { onIssue: (i) => issues.push(...i) }), options);
      return issues.length > 0 ? E.left(issues) : report;
    },
  };
}
