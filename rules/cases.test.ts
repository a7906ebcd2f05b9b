// Policy data is tested like a spec: every pack's *.cases.json runs here, one test per case.
import { type CaseResult, type ResolvedPack, resolvePack, runCases } from '@gridsafe/engine';
import { loadPackSet } from '@gridsafe/engine/node';
import { runEscalationCase } from '@gridsafe/escalation';
import { runScoreCase } from '@gridsafe/scoring';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';

const set = loadPackSet(import.meta.dirname);
if (E.isLeft(set)) throw new Error(`rules/ does not validate:\n${set.left.map((i) => `${i.file}:${i.line}:${i.column} ${i.message.en}`).join('\n')}`);

const packs = [...set.right.keys()].sort().map((id) => {
  const r = resolvePack(set.right, id);
  if (E.isLeft(r)) throw new Error(`${id} does not resolve: ${r.left.map((i) => i.message.en).join('; ')}`);
  return r.right;
});
const results = new Map<ResolvedPack, CaseResult[]>(packs.map((p) => [p, runCases(p, { runners: { score: runScoreCase, escalation: runEscalationCase } })]));

describe.each(packs.map((p) => [p.id, p] as const))('pack %s', (_id, pack) => {
  const cases = results.get(pack) ?? [];
  it('resolves, citing its sources', () => {
    expect(pack.chain.at(-1)?.id).toBe(pack.id);
    expect(pack.catalogs.length).toBeGreaterThan(0);
  });
  // base holds only the shared catalogue; each region's cases exercise it.
  if (pack.id !== 'base') {
    it('ships test cases', () => expect(cases.length).toBeGreaterThan(0));
  }
  it.each(cases.map((c) => [c.id, c] as const))('%s', (_caseId, c) => {
    expect(c.issues ?? []).toEqual([]);
    expect(c.actual).toEqual(c.expected);
    expect(c.pass).toBe(true);
  });

  it.each(pack.checklists.filter((cl) => cl.id.startsWith(`${pack.id}.`)).map((cl) => [cl.id, cl] as const))(
    'every item of %s has a case that fires it and one that does not',
    (_cl, checklist) => {
      const fired = new Set<string>();
      const quiet = new Set<string>();
      for (const file of pack.cases) {
        for (const c of file.cases) {
          if (c.type !== 'patrol' || c.checklist !== checklist.id) continue;
          const result = cases.find((r) => r.id === c.id);
          const hazards = new Set((result?.actual as { hazards?: string[] } | null)?.hazards ?? []);
          for (const [item, answer] of Object.entries(c.input.answers)) {
            if (answer === null) continue;
            (hazards.has(item) ? fired : quiet).add(item);
          }
        }
      }
      const items = checklist.items.map((i) => i.id);
      expect(items.filter((i) => !fired.has(i))).toEqual([]);
      expect(items.filter((i) => !quiet.has(i))).toEqual([]);
    },
  );
});
