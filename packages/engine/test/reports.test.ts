import { decode, HazardReport, type PatrolRecord } from '@gridsafe/schema';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { evaluatePatrol, hazardReports, type ResolvedPack, resolvePack } from '../src/index.js';
import { loadPackSet } from '../src/node.js';

const set = loadPackSet(new URL('../../../rules', import.meta.url).pathname);
if (E.isLeft(set)) throw new Error('rules/ does not load');
const resolved = resolvePack(set.right, 'chibi');
if (E.isLeft(resolved)) throw new Error('chibi does not resolve');
const chibi: ResolvedPack = resolved.right;
const village = chibi.checklists.find((c) => c.gridType === 'village');
if (!village) throw new Error('no village checklist');
const ids = village.items.map((i) => i.id);

/** A village record with these answers (true: the hazard is there) and photos for some items. */
function record(answers: boolean[], photographed: boolean[], facts: Record<string, unknown> = {}): PatrolRecord {
  return {
    id: 'r1',
    gridId: 'chibi-g1',
    gridType: 'village',
    workerId: 'wang',
    at: '2026-03-01T09:00:00+08:00',
    answers: Object.fromEntries(ids.map((id, i) => [id, answers[i] ?? false])),
    photos: ids.flatMap((id, i) => (photographed[i] ? [{ uri: `p-${id}.jpg`, itemId: id }] : [])),
    facts,
  } as unknown as PatrolRecord;
}

function reportsOf(r: PatrolRecord) {
  const result = evaluatePatrol(chibi, r);
  if (E.isLeft(result)) throw new Error('record does not evaluate');
  const reports = hazardReports(chibi, r, result.right);
  if (E.isLeft(reports)) throw new Error('no reports');
  return { result: result.right, reports: reports.right };
}

describe('hazardReports: the cases a patrol opens', () => {
  it('one report per hazard, with its photos, severity and sector; the 报告 item opens no case', () => {
    const answers = ids.map((_, i) => i === 0 || i === 4 || i === 9);
    const { result, reports } = reportsOf(record(answers, [true, true, false, false, true], { 'fireworks.storedKg': 5 }));
    expect(result.hazards).toBe(2);
    expect(result.reports).toBe(1);
    expect(reports.map((r) => r.itemId)).toEqual([ids[0], ids[4]]);
    expect(reports[0]).toMatchObject({
      id: `r1#${ids[0]}`,
      gridId: 'chibi-g1',
      reportedAt: '2026-03-01T09:00:00+08:00',
      reporter: { id: 'wang', role: chibi.escalations[0]?.entry },
      recordId: 'r1',
      sector: village.items[0]?.sector,
      severity: 'general',
      facts: { 'fireworks.storedKg': 5 },
    });
    expect(reports[0]?.photos).toEqual([{ uri: `p-${ids[0]}.jpg`, itemId: ids[0] }]);
    expect(reports[0]?.description).toBe(village.items[0]?.text.zh);
  });

  it('refuses a result evaluated from another record', () => {
    const a = record([true], [true]);
    const result = evaluatePatrol(chibi, a);
    if (E.isLeft(result)) throw new Error('record does not evaluate');
    const other = { ...a, id: 'r2' } as PatrolRecord;
    const r = hazardReports(chibi, other, result.right);
    expect(E.isLeft(r)).toBe(true);
    if (E.isLeft(r)) expect(r.left[0]?.code).toBe('ref.unknown');
  });

  it('property: every report is a valid HazardReport, one per hazard finding, with only its own item’s photos', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: ids.length, maxLength: ids.length }),
        fc.array(fc.boolean(), { minLength: ids.length, maxLength: ids.length }),
        fc.integer({ min: 0, max: 400 }),
        (answers, photographed, kg) => {
          const { result, reports } = reportsOf(record(answers, photographed, { 'fireworks.storedKg': kg }));
          expect(reports.length).toBe(result.hazards);
          const byItem = new Map(result.findings.map((f) => [f.item, f]));
          for (const r of reports) {
            const decoded = decode(HazardReport, JSON.parse(JSON.stringify(r)));
            expect(E.isRight(decoded)).toBe(true);
            const f = byItem.get(r.itemId as string);
            expect(f?.yields).toBe('hazard');
            expect(r.severity).toBe(f?.severity);
            for (const p of r.photos) expect(p.itemId).toBe(r.itemId);
            expect(r.photos.length).toBe(photographed[ids.indexOf(r.itemId as string)] ? 1 : 0);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
