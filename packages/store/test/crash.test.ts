// kill -9: the store runs in a child process under a burst of events and deadlines, and is killed
// with SIGKILL several times and started again, on PGlite (a data directory) and on PostgreSQL.
// No acknowledged event is lost or applied twice, every deadline fires exactly once and never
// early, and every case ends as its applied events give through transition() in memory.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CaseSnapshot, type EscalationEvent, nextDeadline, openCase, transition } from '@gridsafe/escalation';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { createStore, type Db, pgliteDb, postgresDb } from '../src/index.js';
import { BACKENDS, machines, postgresUrl } from './backends.js';
import { type CrashOptions, simNow } from './crash-plan.js';

const CHILD = new URL('./crash-child.ts', import.meta.url).pathname;
const KILLS = 4;

interface Run {
  lines: string[];
  exit: Promise<number | null>;
  child: ChildProcess;
}

function start(options: CrashOptions): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let buf = '';
  child.stdout?.on('data', (d: Buffer) => {
    buf += d.toString('utf8');
    const parts = buf.split('\n');
    buf = parts.pop() ?? '';
    lines.push(...parts);
  });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString('utf8');
  });
  const exit = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      if (code !== 0 && code !== null) lines.push(`STDERR ${err.slice(-2000)}`);
      resolve(code);
    }),
  );
  return { lines, exit, child };
}

const waitFor = async (run: Run, pred: (lines: string[]) => boolean, ms: number) => {
  const until = Date.now() + ms;
  while (!pred(run.lines) && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
};

describe.each(BACKENDS)('kill -9 on %s', (backend) => {
  it('loses no acknowledged event, applies none twice, and fires every deadline once, never early', async () => {
    const schema = backend === 'postgres' ? `crash_${Date.now().toString(36)}` : 'public';
    const options: CrashOptions = {
      ...(backend === 'postgres' ? { url: postgresUrl() } : { dataDir: mkdtempSync(join(tmpdir(), 'gridsafe-crash-')) }),
      schema,
      real0: Date.now(),
      sim0: '2026-03-10T00:00:00.000Z',
      speed: 4000,
      cases: 40,
      until: '2026-03-11T06:00:00.000Z',
    };
    const acks = new Map<string, string>();
    const log: string[] = [];
    for (let k = 0; k <= KILLS; k++) {
      const run = start(options);
      if (k < KILLS) {
        // Killed at a random moment once it is working: while events and deadlines are in flight.
        await waitFor(run, (l) => l.includes('READY'), 120_000);
        const before = run.lines.length;
        await waitFor(run, (l) => l.length > before + 5 + Math.floor(Math.random() * 60), 20_000);
        run.child.kill('SIGKILL');
      }
      const code = await run.exit;
      log.push(`run ${k}: exit ${code}, ${run.lines.length} lines`);
      for (const line of run.lines) {
        const [tag, caseId, eventId, , first] = line.split(' ');
        if (tag === 'ACK') {
          const key = `${caseId} ${eventId}`;
          // Every acknowledgement of an event id tells the same first outcome.
          if (acks.has(key)) expect(first, key).toBe(acks.get(key));
          acks.set(key, first as string);
        }
        if (tag === 'STDERR' || tag === 'WORKER-ERROR') log.push(line);
      }
      if (k < KILLS) expect(code, log.join('\n')).toBeNull();
      else expect(code, log.join('\n')).toBe(0);
    }
    expect(acks.size).toBeGreaterThan(100);
    expect(log.filter((l) => l.startsWith('WORKER-ERROR') || l.startsWith('STDERR'))).toEqual([]);

    const db: Db = backend === 'postgres' ? await postgresDb(options.url as string) : await pgliteDb(options.dataDir);
    const store = await createStore({ machines, db, schema });
    try {
      const events = await db.query<{
        case_id: string;
        event_id: string;
        outcome: string;
        event: EscalationEvent;
        due_ok: boolean;
        recorded_at: Date;
      }>(`SELECT case_id, event_id, outcome, event, recorded_at FROM ${store.tables.events} ORDER BY seq`);
      const byKey = new Map<string, number>();
      for (const e of events.rows) byKey.set(`${e.case_id} ${e.event_id}`, (byKey.get(`${e.case_id} ${e.event_id}`) ?? 0) + 1);
      // Every acknowledged event is recorded exactly once, with the outcome acknowledged.
      for (const [key, first] of acks) {
        expect(byKey.get(key), key).toBe(1);
        const row = events.rows.find((e) => `${e.case_id} ${e.event_id}` === key);
        expect(row?.outcome, key).toBe(first);
      }
      const cases = await db.query<{ case_id: string; snapshot: CaseSnapshot }>(`SELECT case_id, snapshot FROM ${store.tables.cases}`);
      expect(cases.rows).toHaveLength(options.cases);
      let deadlines = 0;
      for (const { case_id, snapshot } of cases.rows) {
        // The case is exactly its applied events, in order, through transition() in memory.
        const applied = events.rows.filter((e) => e.case_id === case_id && e.outcome === 'applied');
        const m = machines.forCase(snapshot);
        if (E.isLeft(m)) throw new Error('no machine');
        let c: CaseSnapshot | undefined;
        for (const { event } of applied) {
          if (event.type === 'DEADLINE') {
            deadlines++;
            // Fired at its due time or later, never early: the due time it answers is the case's, and the
            // simulated clock had reached it when the row was recorded.
            const due = nextDeadline(c as CaseSnapshot);
            expect(event.id).toBe(`deadline:${due?.state}@${due?.at}`);
            expect(Date.parse(event.at)).toBeGreaterThanOrEqual(Date.parse(due?.at as string));
            const row = applied.find((e) => e.event.id === event.id);
            expect(simNow(options, new Date(row?.recorded_at as Date).getTime())).toBeGreaterThanOrEqual(Date.parse(due?.at as string));
          }
          const r =
            c === undefined
              ? openCase(m.right, case_id, event as Extract<EscalationEvent, { type: 'REPORT' }>)
              : transition(m.right, c, event);
          expect(r.rejected, `${case_id} ${event.id}`).toBeUndefined();
          c = r.snapshot;
        }
        expect(snapshot).toEqual(c);
        // Every deadline that came due before the end fired: none is left due.
        const next = nextDeadline(snapshot);
        if (next) expect(Date.parse(next.at)).toBeGreaterThan(Date.parse(options.until));
      }
      expect(deadlines).toBeGreaterThanOrEqual(options.cases);
    } finally {
      await store.close();
    }
  }, 900_000);
});
