// Issue 18, section 1: the case is the whole record. Where it is, what it is, its evidence, who has
// it and the lead of a joint team are kept on the case; openCase is idempotent; a rejected event
// gives a record the host can append; the duplicate check reads a few audit entries, not all.
import { describe, expect, it } from 'vitest';
import { type CaseSnapshot, decodeCase, type EscalationEvent, openCase, reportEvent, transition } from '../src/index.js';
import { machineOf } from './fixtures.js';

const m = machineOf('xianyou');
const T = (s: string) => `xianyou.tier.${s}`;
const units = { 'xianyou.level.village': 'v-nanxi', 'xianyou.level.township': 't-bangtou', 'xianyou.level.county': 'xianyou' };
const report = {
  id: 'rep-1',
  at: '2026-03-02T09:00:00+08:00',
  actor: 'liu',
  role: T('grid-worker'),
  grade: 'larger',
  kind: 'hazard',
  photos: ['gas-1.jpg', 'gas-2.jpg'],
  description: 'illegal gas sale point',
  where: { grid: 'g-nanxi-3', units },
  record: { id: 'patrol-77', item: 'xianyou.pilot.04' },
  assignee: { person: 'liu' },
};
let n = 0;
const at = () => `2026-03-02T${String(10 + n).padStart(2, '0')}:00:00+08:00`;
const send = (c: CaseSnapshot, e: Record<string, unknown>) => {
  n++;
  const r = transition(m, c, { id: `e${n}`, at: at(), actor: 'x', ...e } as EscalationEvent);
  if (r.rejected) throw new Error(r.rejected.message.en);
  return r.snapshot;
};

describe('the case keeps the whole record', () => {
  it('where, what, kind and grade, photos at report, who has it, the team and its lead, resolution evidence', () => {
    n = 0;
    let c = openCase(m, 'case-1', report).snapshot;
    expect(c).toMatchObject({
      kind: 'hazard',
      grade: 'larger',
      where: { grid: 'g-nanxi-3', units },
      record: { id: 'patrol-77', item: 'xianyou.pilot.04' },
      evidence: { report: ['gas-1.jpg', 'gas-2.jpg'] },
      owner: T('grid-worker'),
    });
    c = send(c, { type: 'ESCALATE', role: T('grid-worker'), reason: 'xianyou.reason.report', to: T('township') });
    // At the township, the unit that has it is the grid's township, from where the case is.
    expect(c.assignee).toEqual({ unit: 't-bangtou' });
    c = send(c, { type: 'ACCEPT', role: T('township'), assignee: { person: 'zhang' } });
    expect(c.assignee).toEqual({ unit: 't-bangtou', person: 'zhang' });
    c = send(c, { type: 'FORWARD', role: T('township'), to: ['base.dept.housing', 'base.dept.emergency'], lead: 'base.dept.emergency' });
    expect(c).toMatchObject({ departments: ['base.dept.housing', 'base.dept.emergency'], lead: 'base.dept.emergency', completed: [] });
    c = send(c, { type: 'RESOLVE', role: 'base.dept.housing', evidence: ['ban.pdf'] });
    c = send(c, { type: 'RESOLVE', role: 'base.dept.emergency', evidence: ['removed.jpg'] });
    expect(c.evidence).toEqual({ report: ['gas-1.jpg', 'gas-2.jpg'], resolution: ['ban.pdf', 'removed.jpg'] });
    expect(c.completed).toEqual(['base.dept.housing', 'base.dept.emergency']);
    expect(c.state).toBe('township.verify');
    expect(decodeCase(JSON.parse(JSON.stringify(c)))).toEqual({ _tag: 'Right', right: c });
  });
  it('reportEvent carries the grade the grid worker judged, the kind, the grid and its units, the record and the item', () => {
    const e = reportEvent(
      {
        id: 'r#04',
        gridId: 'g-1',
        reportedAt: '2026-03-02T09:00:00+08:00',
        reporter: { id: 'liu', role: T('grid-worker') },
        severity: 'general',
        grade: 'major',
        units,
        description: 'd',
        photos: [{ uri: 'p.jpg' }],
        recordId: 'r',
        itemId: 'xianyou.pilot.04',
      } as never,
      T('grid-worker'),
    );
    expect(e).toMatchObject({
      grade: 'major',
      where: { grid: 'g-1', units },
      record: { id: 'r', item: 'xianyou.pilot.04' },
      photos: ['p.jpg'],
    });
  });
  it('a REPORT with malformed details is rejected, naming the field', () => {
    for (const [extra, field] of [
      [{ grade: 'huge' }, 'grade'],
      [{ kind: 'rumour' }, 'kind'],
      [{ where: { grid: 3 } }, 'where.grid'],
      [{ where: { units: { a: 1 } } }, 'where.units'],
      [{ record: { id: 1 } }, 'record'],
    ] as const) {
      const r = openCase(m, 'bad', { ...report, ...extra } as never);
      expect(r.rejected?.params, field).toMatchObject({ field });
    }
  });
});

describe('openCase is idempotent', () => {
  const first = openCase(m, 'case-2', report);
  it('the same case id and report again is a duplicate, and gives back the case', () => {
    const again = openCase(m, 'case-2', report, first.snapshot);
    expect(again.duplicate).toBe(true);
    expect(again.snapshot).toBe(first.snapshot);
    expect(again.effects).toEqual([]);
  });
  it('another report for an existing case id is rejected', () => {
    const other = openCase(m, 'case-2', { ...report, id: 'rep-2' }, first.snapshot);
    expect(other.snapshot).toBe(first.snapshot);
    expect(other.rejected?.code).toBe('escalation.caseExists');
    expect(other.rejected?.message.en).toBe('case "case-2" already exists, opened by report "rep-1"; report "rep-2" cannot open it again');
    expect(other.rejected?.message.zh).toBe('案件“case-2”已由报告“rep-1”立案，报告“rep-2”不能再次立案');
  });
});

describe('a rejected event gives a record the host can append', () => {
  it('with the case, the event and the rejection', () => {
    const c = openCase(m, 'case-3', report).snapshot;
    const r = transition(m, c, { type: 'CLOSE', id: 'bad-1', at: '2026-03-02T10:00:00+08:00', actor: 'wang', role: T('township') });
    expect(r.entry).toEqual({
      caseId: 'case-3',
      state: 'grid-worker.assign',
      owner: T('grid-worker'),
      id: 'bad-1',
      type: 'CLOSE',
      at: '2026-03-02T10:00:00+08:00',
      actor: 'wang',
      role: T('township'),
      code: 'escalation.notInState',
      params: r.rejected?.params,
      message: r.rejected?.message,
    });
    expect(
      transition(m, c, { type: 'CLOSE', id: 'bad-1', at: '2026-03-02T10:00:00+08:00', actor: 'wang', role: T('township') }).entry,
    ).toEqual(r.entry);
  });
});

describe('the duplicate check does not scan the whole audit trail', () => {
  /** A case with a long audit trail (reminders), its audit wrapped to count the entries read. */
  function longCase(entries: number) {
    let c = openCase(m, 'long', report).snapshot;
    for (let i = 0; i < entries; i++) {
      const due = c.due?.at as string;
      const r = transition(m, c, { type: 'DEADLINE', id: `d${i}`, at: due, actor: 'clock', role: 'system' });
      if (r.rejected) throw new Error(r.rejected.message.en);
      c = r.snapshot;
    }
    const read = new Set<number>();
    const audit = new Proxy(c.audit, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) read.add(Number(key));
        return Reflect.get(target, key, receiver);
      },
    });
    return { c: { ...c, audit }, read, plain: c };
  }
  it('finds a retry of an event deep in the trail reading a handful of entries', () => {
    const { c, read, plain } = longCase(2000);
    expect(plain.audit).toHaveLength(2001);
    const old = plain.audit[700] as { id: string; at: string };
    const r = transition(m, c, { type: 'DEADLINE', id: old.id, at: old.at, actor: 'clock', role: 'system' });
    expect(r.duplicate).toBe(true);
    expect(read.size).toBeLessThanOrEqual(30);
  });
  it('knows a later event is no retry from the last entry alone', () => {
    const { c, read } = longCase(500);
    const r = transition(m, c, { type: 'CLOSE', id: 'new', at: '2030-01-01T00:00:00Z', actor: 'x', role: T('grid-worker') });
    expect(r.rejected?.code).toBe('escalation.notInState');
    expect([...read]).toEqual([500]);
  });
});
