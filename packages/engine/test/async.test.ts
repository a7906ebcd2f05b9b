import { formatIssue } from '@gridsafe/schema';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { seedPack } from '../../../test/seed-packs.js';
import { evaluatePatrol, evaluatePatrolAsync, type ResolvedPack } from '../src/index.js';
import { chibiCommunityFacts } from './fixtures.js';

const packs = ['chibi', 'xianyou', 'jianguanju'].map(seedPack);
const chibi = packs[0] as ResolvedPack;

type Rec = { facts?: Record<string, unknown> } & Record<string, unknown>;

/** The same record with its facts served by async host functions, counting the calls. */
function viaHost(record: Rec) {
  const calls = new Map<string, number>();
  const facts = Object.fromEntries(
    Object.entries(record.facts ?? {}).map(([k, v]) => [
      k,
      async () => {
        calls.set(k, (calls.get(k) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, 0));
        return v;
      },
    ]),
  );
  const { facts: _, ...rest } = record;
  return { record: rest, facts, calls };
}

describe('evaluatePatrolAsync: json-rules-engine with host facts', () => {
  const cases = packs.flatMap((pack) =>
    pack.cases.flatMap((f) => f.cases.filter((c) => c.type === 'patrol').map((c) => [`${pack.id} ${c.id}`, pack, c.input] as const)),
  );

  it.each(cases)('%s: same result as the compiled evaluator, each host fact computed at most once', async (_id, pack, input) => {
    const sync = evaluatePatrol(pack, input, { explain: 'all' });
    const host = viaHost(input as Rec);
    const got = await evaluatePatrolAsync(pack, host.record, { facts: host.facts, explain: 'all' });
    expect(got).toEqual(sync);
    for (const n of host.calls.values()) expect(n).toBe(1);
  });

  it('agrees with the compiled evaluator on random Chibi community records', async () => {
    const items = chibi.checklists.find((c) => c.id === 'chibi.checklist.community')?.items ?? [];
    const record = fc.record({
      answers: fc.tuple(...items.map(() => fc.option(fc.boolean(), { nil: undefined }))),
      facts: chibiCommunityFacts,
    });
    await fc.assert(
      fc.asyncProperty(record, async (r) => {
        const input = {
          id: 'r',
          gridId: 'g',
          gridType: 'community',
          workerId: 'w',
          at: '2026-03-01T09:00:00+08:00',
          answers: Object.fromEntries(items.flatMap((it, i) => (r.answers[i] === undefined ? [] : [[it.id, r.answers[i]]]))),
          photos: [],
          facts: r.facts,
        };
        const host = viaHost(input);
        expect(await evaluatePatrolAsync(chibi, host.record, { facts: host.facts })).toEqual(evaluatePatrol(chibi, input));
      }),
      { numRuns: 150 },
    );
  });

  const record = {
    id: 'r1',
    gridId: 'g1',
    gridType: 'community',
    workerId: 'w1',
    at: '2026-03-01T09:00:00+08:00',
    answers: { 'chibi.community.01': true },
    photos: [],
  };

  it('names an unknown host fact, a failing one and a value of the wrong type, and gives no result', async () => {
    const unknown = await evaluatePatrolAsync(chibi, record, { facts: { 'fireworks.storedKgs': () => 1 } });
    expect(E.isLeft(unknown) && unknown.left.map((i) => formatIssue(i, 'en'))).toEqual([
      'options:0:0 error unknown fact "fireworks.storedKgs" (found fireworks.storedKgs) [ref.unknown /facts/fireworks.storedKgs]',
    ]);
    const failing = await evaluatePatrolAsync(chibi, record, {
      facts: {
        'fireworks.storedKg': async () => {
          throw new Error('connection refused');
        },
      },
    });
    expect(E.isLeft(failing) && failing.left.map((i) => formatIssue(i, 'zh'))).toEqual([
      'options:0:0 错误 宿主提供的事实“fireworks.storedKg”取值函数出错：connection refused [fact.failed /facts/fireworks.storedKg]',
    ]);
    const wrong = await evaluatePatrolAsync(chibi, record, { facts: { 'fireworks.storedKg': () => '120kg' } });
    expect(E.isLeft(wrong) && wrong.left.map((i) => `${i.code} ${i.pointer}`)).toEqual(['codec.invalid /facts/fireworks.storedKg']);
  });

  it('a record value wins over a host function, which is then not called', async () => {
    let called = 0;
    const got = await evaluatePatrolAsync(
      chibi,
      { ...record, facts: { 'fireworks.storedKg': 150 } },
      {
        facts: {
          'fireworks.storedKg': () => {
            called++;
            return 0;
          },
        },
      },
    );
    expect(called).toBe(0);
    expect(E.isRight(got) && got.right.findings[0]?.severity).toBe('major');
  });
});
