import fc from 'fast-check';

/** A Xianyou county, two townships, two villages each. */
export const UNITS = [
  { type: 'unit', id: 'c', level: 'xianyou.level.county' },
  { type: 'unit', id: 't1', level: 'xianyou.level.township', parent: 'c' },
  { type: 'unit', id: 't2', level: 'xianyou.level.township', parent: 'c' },
  { type: 'unit', id: 'v11', level: 'xianyou.level.village', parent: 't1' },
  { type: 'unit', id: 'v12', level: 'xianyou.level.village', parent: 't1' },
  { type: 'unit', id: 'v21', level: 'xianyou.level.village', parent: 't2' },
  { type: 'unit', id: 'v22', level: 'xianyou.level.village', parent: 't2' },
];
const below = ['t1', 't2', 'v11', 'v12', 'v21', 'v22'];
const date = fc.integer({ min: 1, max: 92 }).map((d) => new Date(Date.UTC(2026, 6, d)).toISOString().slice(0, 10));

const patrol = fc.record({
  type: fc.constant('patrol'),
  unit: fc.constantFrom(...below),
  date,
  status: fc.constantFrom('done', 'carried', 'missed'),
  reported: fc.boolean(),
});
const hazard = fc.record(
  {
    type: fc.constant('hazard'),
    unit: fc.constantFrom(...below),
    date,
    tier: fc.constantFrom('general', 'major'),
    state: fc.constantFrom('open', 'handled', 'closed'),
    dueOn: date,
    extended: fc.boolean(),
  },
  { requiredKeys: ['type', 'unit', 'date', 'tier', 'state'] },
);
const activity = fc.record({
  type: fc.constantFrom('info', 'inspection', 'meeting', 'supervision'),
  unit: fc.constantFrom(...below),
  date,
  closed: fc.boolean(),
});

/** A quarter's records under {@link UNITS}, none at the county itself. */
export const records = fc
  .array(fc.oneof(patrol, hazard, activity), { maxLength: 60 })
  .map((rs) => rs.map((r) => (r.type === 'supervision' ? r : Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'closed')))));

/** Make one record better: a hazard one state further on, a patrol done, or one more activity. */
export function improve(rs: Record<string, unknown>[], i: number): Record<string, unknown>[] {
  const out = rs.map((r) => ({ ...r }));
  const r = out[i % Math.max(1, out.length)];
  if (!r) return [{ type: 'info', unit: 'v11', date: '2026-07-01' }];
  if (r.type === 'hazard') r.state = r.state === 'open' ? 'handled' : 'closed';
  else if (r.type === 'patrol') r.status = r.status === 'missed' ? 'carried' : 'done';
  else if (r.type === 'supervision') r.closed = true;
  else out.push({ type: r.type, unit: r.unit, date: r.date });
  return out;
}
