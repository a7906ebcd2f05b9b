import { PatrolRecord } from '@gridsafe/schema';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { seedPack } from '../../../test/seed-packs.js';
import { compiledChecklist } from '../src/evaluate/compiled.js';
import { checklistFor, preparePatrol } from '../src/evaluate/patrol-steps.js';
import { FastLayout, fastPrepare } from '../src/evaluate/record-fast.js';
import { compilePatrol, evaluatePatrol, hazardReports, type PatrolResult, type ResolvedPack } from '../src/index.js';
import { chibiCommunityFacts } from './fixtures.js';

const chibi: ResolvedPack = seedPack('chibi');
const community = chibi.checklists.find((c) => c.gridType === 'community');
if (!community) throw new Error('no community checklist');
const ids = community.items.map((i) => i.id);

/** Well-formed Chibi community records, with answers, photos, facts and items not applicable. */
const goodRecord = fc
  .record({
    answers: fc.array(fc.option(fc.boolean(), { nil: undefined }), { minLength: ids.length, maxLength: ids.length }),
    photos: fc.array(fc.record({ item: fc.nat(ids.length + 1), taken: fc.boolean() }), { maxLength: 4 }),
    na: fc.uniqueArray(fc.nat(ids.length - 1), { maxLength: 2 }),
    facts: chibiCommunityFacts,
    at: fc.constantFrom('2026-03-01T09:00:00+08:00', '2026-12-31T23:59:59.5Z', '2024-02-29T00:00:00-05:00'),
    note: fc.option(fc.string(), { nil: undefined }),
  })
  .map((r) => ({
    id: 'r1',
    gridId: 'g1',
    gridType: 'community',
    workerId: 'w1',
    at: r.at,
    answers: Object.fromEntries(ids.flatMap((id, i) => (r.answers[i] === undefined ? [] : [[id, r.answers[i]]]))),
    photos: r.photos.map((p, k) => ({
      uri: `p${k}.jpg`,
      ...(p.item < ids.length ? { itemId: ids[p.item] } : {}),
      ...(p.taken ? { takenAt: r.at } : {}),
    })),
    ...(r.na.length ? { notApplicable: r.na.map((i) => ids[i] as string) } : {}),
    ...(Object.keys(r.facts).length ? { facts: r.facts } : {}),
    ...(r.note === undefined ? {} : { note: r.note }),
  }));

/** A good record with one part replaced by anything: most are malformed, some are still fine. */
const anyRecord = fc
  .tuple(
    goodRecord,
    fc.constantFrom('id', 'at', 'answers', 'photos', 'facts', 'notApplicable', 'taskId', 'note', 'gridType', 'answer', 'fact', 'photo'),
    fc.oneof(fc.anything(), fc.jsonValue(), fc.constantFrom('2026-02-30T10:00:00Z', '2026-03-01T24:00:00Z', 'constructor', ids[0])),
  )
  .map(([r, part, value]) => {
    const copy = structuredClone(r) as Record<string, unknown>;
    if (part === 'answer') (copy.answers as Record<string, unknown>)[String(value).slice(0, 30)] = value;
    else if (part === 'fact') copy.facts = { ...(copy.facts as object), 'fireworks.storedKg': value };
    else if (part === 'photo') copy.photos = [{ uri: 'x', itemId: value }];
    else copy[part] = value;
    return copy;
  });

describe('the fast path of compilePatrol', () => {
  it('accepts only records the codec accepts, laid out exactly as the codec path lays them out', () => {
    fc.assert(
      fc.property(fc.oneof(goodRecord, anyRecord), (input) => {
        const checklist = checklistFor(chibi, (input as { gridType?: unknown }).gridType, undefined);
        const compiled = checklist && compiledChecklist(chibi, checklist);
        const layout = compiled && new FastLayout(chibi, compiled);
        const fast = layout && fastPrepare(chibi, input, () => layout);
        const slow = preparePatrol(chibi, input, {});
        if (!fast) return;
        expect(PatrolRecord.is(input)).toBe(true);
        expect(E.isRight(slow)).toBe(true);
        if (E.isLeft(slow)) return;
        expect([...fast.answers]).toEqual(slow.right.answers);
        expect([...fast.na]).toEqual([...slow.right.na]);
        expect([...fast.counts]).toEqual(slow.right.counts);
        expect([...fast.fv]).toEqual(slow.right.fv);
        expect({ ...fast.facts() }).toEqual({ ...slow.right.facts() });
      }),
      { numRuns: Number(process.env.GRIDSAFE_FUZZ_RUNS ?? 2000) },
    );
  });

  it('takes every well-formed record', () => {
    fc.assert(
      fc.property(goodRecord, (input) => {
        const compiled = compiledChecklist(chibi, community);
        expect(fastPrepare(chibi, input, () => new FastLayout(chibi, compiled))).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });
});

describe('compilePatrol: evaluate, summarize and evaluateBatch', () => {
  const evaluators = { codegen: compilePatrol(chibi, { mode: 'codegen' }), closure: compilePatrol(chibi, { mode: 'closure' }) };

  it('evaluate gives what evaluatePatrol gives, valid or not, in both modes; summarize is its hazards and counts', () => {
    fc.assert(
      fc.property(
        fc.oneof(goodRecord, anyRecord),
        fc.constantFrom('hazards', 'all', false) as fc.Arbitrary<'hazards' | 'all' | false>,
        (input, explain) => {
          const expected = evaluatePatrol(chibi, input, { explain, mode: 'closure' });
          for (const e of Object.values(evaluators)) {
            expect(e.evaluate(input, { explain })).toEqual(expected);
            const s = e.summarize(input, { explain: explain === 'all' ? 'hazards' : explain });
            if (E.isLeft(expected)) {
              expect(s).toEqual(expected);
              continue;
            }
            if (E.isLeft(s)) throw new Error('summary refused a record evaluate took');
            const fs = expected.right.findings;
            expect(s.right.findings).toEqual(fs.filter((f) => f.status === 'hazard').map((f) => (explain === 'all' ? f : f)));
            const count = (st: string) => fs.filter((f) => f.status === st).length;
            expect(s.right.items).toEqual({
              ok: count('ok'),
              hazard: count('hazard'),
              notAnswered: count('notAnswered'),
              notApplicable: count('notApplicable'),
            });
            expect([s.right.hazards, s.right.reports, s.right.record, s.right.checklist]).toEqual([
              expected.right.hazards,
              expected.right.reports,
              expected.right.record,
              expected.right.checklist,
            ]);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('evaluateBatch gives each record’s result in order, with totals and the names it was given', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(goodRecord, anyRecord), { maxLength: 8 }), (records) => {
        const names = records.map((_, i) => `line ${i + 1}`);
        const batch = evaluators.codegen.evaluateBatch(records, { names });
        const one = records.map((r, i) => evaluatePatrol(chibi, r, { name: names[i] as string }));
        expect(batch.results).toEqual(one);
        const ok = one.filter(E.isRight).map((r) => r.right as PatrolResult);
        expect([batch.records, batch.invalid, batch.hazards, batch.reports]).toEqual([
          records.length,
          one.length - ok.length,
          ok.reduce((n, r) => n + r.hazards, 0),
          ok.reduce((n, r) => n + r.reports, 0),
        ]);
        const compact = evaluators.closure.evaluateBatch(records, { names, findings: 'hazards' });
        expect(compact.results.map((r) => (E.isRight(r) ? r.right.findings.map((f) => f.item) : r.left))).toEqual(
          one.map((r) => (E.isRight(r) ? r.right.findings.filter((f) => f.status === 'hazard').map((f) => f.item) : r.left)),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('a summary opens the same hazard cases as the full result', () => {
    fc.assert(
      fc.property(goodRecord, (input) => {
        const full = evaluators.codegen.evaluate(input);
        const compact = evaluators.codegen.summarize(input);
        if (E.isLeft(full) || E.isLeft(compact)) throw new Error('refused');
        expect(hazardReports(chibi, input as never, compact.right)).toEqual(hazardReports(chibi, input as never, full.right));
      }),
      { numRuns: 100 },
    );
  });

  it('a record outside the pack’s dates, of an unknown grid type or naming an unknown checklist is refused with its place', () => {
    const good = { id: 'r', gridId: 'g', gridType: 'community', workerId: 'w', at: '2026-03-01T09:00:00+08:00', answers: {}, photos: [] };
    const pointers = (r: E.Either<{ pointer: string; code: string }[], unknown>) =>
      E.isLeft(r) ? r.left.map((i) => `${i.code} ${i.pointer}`) : [];
    const e = evaluators.codegen;
    expect(pointers(e.evaluate({ ...good, at: '1999-03-01T09:00:00+08:00' }))).toEqual(['pack.notInForce /at']);
    expect(pointers(e.evaluate({ ...good, gridType: 'moon' }))).toEqual(['ref.unknown /gridType']);
    expect(pointers(e.evaluate(good, { checklist: 'nope' }))).toEqual(['ref.unknown ']);
    expect(pointers(e.evaluate({ ...good, at: '2026-02-30T10:00:00Z' }))).toEqual(['codec.invalid /at']);
    expect(E.isRight(e.evaluate(good, { checklist: community.id }))).toBe(true);
  });
});
