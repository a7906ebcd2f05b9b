import { type CaseSnapshot, type EscalationEvent, openCase, transition } from '@gridsafe/escalation';
import { seedRegistry } from '@gridsafe/rules';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseStore, deadlineEvent, deadlineId, migrate } from '../src/index.js';
import { BACKENDS, freshStore, machines } from './backends.js';

const T = 'xianyou.tier.';
const hour = (h: number) => new Date(Date.parse('2026-03-02T09:00:00+08:00') + h * 3_600_000).toISOString();
const report = (id: string, at = hour(0)) => ({
  id,
  at,
  actor: 'chen',
  role: `${T}grid-worker`,
  grade: 'general',
  photos: ['p.jpg'],
  description: 'blocked fire escape',
});
const ev = (type: string, id: string, h: number, role: string, extra: Record<string, unknown> = {}) =>
  ({ type, id, at: hour(h), actor: 'someone', role, ...extra }) as EscalationEvent;
const count = async (store: CaseStore, table: keyof CaseStore['tables'], where = 'true') =>
  Number((await store.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${store.tables[table]} WHERE ${where}`)).rows[0]?.n);

describe.each(BACKENDS)('store on %s', (backend) => {
  let store: CaseStore;
  beforeAll(async () => {
    store = await freshStore(backend);
  });
  afterAll(async () => {
    await store?.close();
  });

  it('opens a case and applies events, writing case, event, due time and outbox together', async () => {
    const opened = await store.open('c1', report('c1-r'), { pack: 'xianyou', unit: 'v1' });
    expect(opened.outcome).toBe('applied');
    const r = await store.apply('c1', ev('ESCALATE', 'c1-2', 1, `${T}grid-worker`, { reason: 'xianyou.reason.report', note: 'beyond me' }));
    expect(r.outcome).toBe('applied');
    const stored = (await store.get('c1')) as CaseSnapshot;
    // The same case as the pure transition gives in memory.
    const m = machines.at('xianyou', hour(0));
    if (E.isLeft(m)) throw new Error('no machine');
    const first = openCase(m.right, 'c1', report('c1-r')).snapshot;
    const mem = transition(
      m.right,
      first,
      ev('ESCALATE', 'c1-2', 1, `${T}grid-worker`, { reason: 'xianyou.reason.report', note: 'beyond me' }),
    ).snapshot;
    expect(stored).toEqual(mem);
    expect(stored.owner).toBe(`${T}village`);
    expect(await count(store, 'events', "case_id = 'c1'")).toBe(2);
    const due = await store.db.query<{ due_at: Date; state: string }>(
      `SELECT due_at, state FROM ${store.tables.deadlines} WHERE case_id = 'c1'`,
    );
    expect(new Date(due.rows[0]?.due_at as Date).toISOString()).toBe(new Date(stored.due?.at as string).toISOString());
    expect(due.rows[0]?.state).toBe(stored.due?.state);
    expect(await count(store, 'outbox', "case_id = 'c1'")).toBe(
      (opened.outcome === 'applied' ? opened.effects.length : 0) + (r.outcome === 'applied' ? r.effects.length : 0),
    );
  });

  it('answers a retried event as a duplicate, and records a rejected one (whose retry is a duplicate too)', async () => {
    const again = await store.apply(
      'c1',
      ev('ESCALATE', 'c1-2', 1, `${T}grid-worker`, { reason: 'xianyou.reason.report', note: 'beyond me' }),
    );
    expect(again.outcome === 'duplicate' && again.first).toBe('applied');
    const wrong = await store.apply('c1', ev('CLOSE', 'c1-3', 2, `${T}grid-worker`));
    expect(wrong.outcome).toBe('rejected');
    const history = await store.history('c1');
    expect(history.map((h) => [h.eventId, h.outcome])).toEqual([
      ['c1-r', 'applied'],
      ['c1-2', 'applied'],
      ['c1-3', 'rejected'],
    ]);
    expect(history[2]?.rejection?.code).toBe(wrong.outcome === 'rejected' ? wrong.rejected.code : 'none');
    const retry = await store.apply('c1', ev('CLOSE', 'c1-3', 2, `${T}grid-worker`));
    expect(retry.outcome === 'duplicate' && [retry.first, retry.rejected?.code]).toEqual(['rejected', history[2]?.rejection?.code]);
    expect((await store.get('c1'))?.audit).toHaveLength(2);
  });

  it('opens a case once: the same report is a duplicate, another report for the id is refused', async () => {
    const same = await store.open('c1', report('c1-r'), { pack: 'xianyou', unit: 'v1' });
    expect(same.outcome === 'duplicate' && same.first).toBe('applied');
    const other = await store.open('c1', report('c1-other'), { pack: 'xianyou', unit: 'v1' });
    expect(other.outcome === 'invalid' && other.issues.map((i) => i.code)).toEqual(['store.caseExists']);
    expect(await count(store, 'events', "case_id = 'c1'")).toBe(3);
  });

  it('refuses malformed input with located issues and writes nothing', async () => {
    const before = await count(store, 'events');
    const missing = await store.apply('c1', { type: 'ESCALATE', id: 'x1', at: hour(3), actor: 'a', role: `${T}village` });
    expect(
      missing.outcome === 'invalid' && missing.issues.map((i) => ('pointer' in i ? i.pointer : 'path' in i ? i.path : i.code)),
    ).toEqual(['/reason']);
    const nul = await store.apply('c1', ev('ACCEPT', 'x2', 3, `${T}village`, { note: 'a\u0000b' }));
    expect(nul.outcome === 'invalid' && nul.issues.map((i) => i.code)).toEqual(['store.nulCharacter']);
    const badTime = await store.apply('c1', { ...ev('ACCEPT', 'x3', 3, `${T}village`), at: 'yesterday' });
    expect(badTime.outcome === 'invalid' && badTime.issues[0]?.code).toBe('codec.invalid');
    const unknown = await store.apply('nope', ev('ACCEPT', 'x4', 3, `${T}village`));
    expect(unknown.outcome === 'invalid' && unknown.issues.map((i) => i.code)).toEqual(['store.unknownCase']);
    const badId = await store.apply('' as string, ev('ACCEPT', 'x5', 3, `${T}village`));
    expect(badId.outcome).toBe('invalid');
    const noPack = await store.open('c9', report('c9-r'), { pack: 'atlantis' });
    expect(noPack.outcome === 'invalid' && noPack.issues.map((i) => i.code)).toEqual(['ref.unknown']);
    for (const hostile of [null, 42, 'x', [], { __proto__: { type: 'ACCEPT' } }, { type: 'ACCEPT', id: {}, at: hour(3) }])
      expect((await store.apply('c1', hostile)).outcome).toBe('invalid');
    expect(await count(store, 'events')).toBe(before);
  });

  it('keeps the event log append-only: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const t = store.tables.events;
    await expect(store.db.query(`UPDATE ${t} SET type = 'X'`)).rejects.toThrow(/append-only/);
    await expect(store.db.query(`DELETE FROM ${t}`)).rejects.toThrow(/append-only/);
    await expect(store.db.query(`TRUNCATE ${t} CASCADE`)).rejects.toThrow(/append-only/);
    expect(await count(store, 'events')).toBeGreaterThan(0);
    expect(await migrate(store.db, store.tables.schema)).toEqual([]);
  });

  it('serialises concurrent events on one case: none lost, none applied twice', async () => {
    await store.open('c2', report('c2-r'), { pack: 'xianyou', unit: 'v1' });
    await store.apply('c2', ev('ESCALATE', 'c2-1', 1, `${T}grid-worker`, { reason: 'xianyou.reason.report' }));
    // Twenty supervision notes, each sent twice, all at once.
    const notes = Array.from({ length: 20 }, (_, i) => ev('SUPERVISE', `c2-s${i}`, 2, `${T}township`, { note: `n${i}` }));
    const results = await Promise.all([...notes, ...notes].map((e) => store.apply('c2', e)));
    const c = (await store.get('c2')) as CaseSnapshot;
    const applied = results.filter((r) => r.outcome === 'applied').length;
    const ids = c.audit.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(await count(store, 'events', "case_id = 'c2' AND outcome = 'applied'")).toBe(c.audit.length);
    expect(c.audit.length).toBe(2 + applied);
    expect(results.filter((r) => r.outcome === 'duplicate').length).toBeGreaterThanOrEqual(20);
  });

  it('fires each deadline once, never early, dated at its due time, from several workers at once', async () => {
    await store.open('d1', report('d1-r'), { pack: 'xianyou', unit: 'v1' });
    await store.apply('d1', ev('ESCALATE', 'd1-1', 1, `${T}grid-worker`, { reason: 'xianyou.reason.report' }));
    const due = (await store.get('d1'))?.due?.at as string;
    let clock = new Date(Date.parse(due) - 1000);
    const workers = Array.from({ length: 4 }, () => store.deadlineWorker({ now: () => clock }));
    expect((await Promise.all(workers.map((w) => w.runOnce()))).flat().filter((f) => f.caseId === 'd1')).toEqual([]);
    clock = new Date(Date.parse(due) + 5 * 3_600_000);
    const fired = (await Promise.all(workers.map((w) => w.runOnce()))).flat().filter((f) => f.caseId === 'd1');
    expect(fired).toHaveLength(1);
    expect(fired[0]?.event).toMatchObject({ type: 'DEADLINE', role: 'system', at: due });
    expect(fired[0]?.event.id).toBe(deadlineId({ state: 'village.assign', at: due }));
    expect(fired[0]?.result.outcome).toBe('applied');
    const after = (await store.get('d1')) as CaseSnapshot;
    // Overdue, the case goes under supervision (督办) and stays with the village: no text sends it up for being late.
    expect(after.owner).toBe(`${T}village`);
    expect(after.state).toBe('village.supervise');
    // The supervised village has its three days again: nothing more fires now.
    expect((await Promise.all(workers.map((w) => w.runOnce()))).flat().filter((f) => f.caseId === 'd1')).toEqual([]);
    expect(await count(store, 'events', "case_id = 'd1' AND type = 'DEADLINE'")).toBe(1);
  });

  it("dates a deadline at the case's last event when that is later than the due time", async () => {
    const c = (await store.get('d1')) as CaseSnapshot;
    const last = c.audit.at(-1)?.at as string;
    const early = { state: 'township.assign', at: new Date(Date.parse(last) - 60_000).toISOString() };
    expect(deadlineEvent(c, early, 'w').at).toBe(last);
    const later = { ...early, at: new Date(Date.parse(last) + 60_000).toISOString() };
    expect(deadlineEvent(c, later, 'w')).toEqual({ type: 'DEADLINE', id: deadlineId(later), at: later.at, actor: 'w', role: 'system' });
  });

  it('delivers outbox effects at least once: a failing handler leaves them for the next', async () => {
    const pending = await count(store, 'outbox', 'delivered_at IS NULL');
    expect(pending).toBeGreaterThan(0);
    await expect(
      store.deliver(async () => {
        throw new Error('mail server down');
      }, 5),
    ).rejects.toThrow('mail server down');
    expect(await count(store, 'outbox', 'delivered_at IS NULL')).toBe(pending);
    const seen: string[] = [];
    let n = 0;
    for (;;) {
      const k = await store.deliver(async (items) => {
        for (const i of items) seen.push(`${i.caseId}:${i.effect.type}`);
      }, 7);
      n += k;
      if (k === 0) break;
    }
    expect(n).toBe(pending);
    expect(seen).toContain('c1:audit');
    expect(await count(store, 'outbox', 'delivered_at IS NULL')).toBe(0);
  });

  it("streams a period's records from the store into score", async () => {
    const added = await store.period.add([
      { type: 'unit', id: 'county', level: 'xianyou.level.county' },
      { type: 'unit', id: 't1', level: 'xianyou.level.township', parent: 'county' },
      { type: 'unit', id: 'v1', level: 'xianyou.level.village', parent: 't1' },
      { type: 'meeting', unit: 't1', date: '2026-03-10' },
      { type: 'meeting', unit: 't1', date: '2026-04-10' },
    ]);
    expect(E.isRight(added) && added.right).toBe(5);
    const bad = await store.period.add([{ type: 'meeting', unit: 't1', date: '2026-13-01' }]);
    expect(E.isLeft(bad) && bad.left[0]?.pointer).toMatch(/^\/0/);
    const records: Record<string, unknown>[] = [];
    for await (const r of store.period.records('2026-03', { pageSize: 2 })) records.push(r as Record<string, unknown>);
    expect(records.filter((r) => r.type === 'meeting').map((r) => r.date)).toEqual(['2026-03-10']);
    const hazards = records.filter((r) => r.type === 'hazard');
    expect(hazards.map((h) => h.id).sort()).toEqual(['c1', 'c2', 'd1']);
    const packs = seedRegistry();
    if (E.isLeft(packs)) throw new Error('no packs');
    const pack = packs.right.at('xianyou', '2026-03-01');
    if (E.isLeft(pack)) throw new Error('no pack');
    const scored = await store.period.score(pack.right, { period: '2026-03', unit: 'county' });
    expect(E.isRight(scored)).toBe(true);
    // A case with no unit is an issue, not a silent gap.
    await store.open('nounit', report('nu-r'), { pack: 'xianyou' });
    const missing = await store.period.score(pack.right, { period: '2026-03', unit: 'county' });
    expect(
      E.isLeft(missing) && missing.left.map((i) => `${i.file} ${i.params && 'property' in i.params ? i.params.property : ''}`),
    ).toEqual(['case nounit unit']);
  });
});
