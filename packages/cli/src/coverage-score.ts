import type { ResolvedPack } from '@gridsafe/engine';
import { elementSites, isBlock, type NestedCondition, type ScoringFile, type TestCase, type TopLevelCondition } from '@gridsafe/schema';
import { scoreFacts } from '@gridsafe/scoring';

type Kind = 'metric' | 'block' | 'deduction' | 'gate' | 'veto';

/**
 * The rules of a scoring file that coverage counts, and the outcomes each one has: an element or
 * block is covered when a score case computes it; a deduction has two branches (it took points
 * off, it took none), a gate two (passed, failed), a block or card veto two (held, did not hold).
 */
export function scoringRules(
  file: ScoringFile,
  conds: Map<string, { kind: Kind | 'item' | 'requirement' | 'rule' | 'tier'; roots: [string, TopLevelCondition | NestedCondition][] }>,
  outcomes: Map<string, string[]>,
): void {
  const two = (id: string, kind: Kind, a: string, b: string) => {
    conds.set(id, { kind, roots: [] });
    outcomes.set(id, [a, b]);
  };
  for (const g of file.gates ?? []) two(g.id, 'gate', 'passed', 'failed');
  for (const { element: e } of elementSites(file)) {
    conds.set(e.id, { kind: isBlock(e) ? 'block' : 'metric', roots: [] });
    if (isBlock(e) && e.veto) two(e.veto.id, 'veto', 'held', 'notHeld');
    if (!isBlock(e)) for (const d of e.deductions ?? []) two(d.id, 'deduction', 'deducted', 'none');
  }
  for (const v of file.vetoes ?? []) two(v.id, 'veto', 'held', 'notHeld');
}

/** Record what one score case exercised: the elements it computed and each branch it took. */
export function scoreCaseOutcomes(pack: ResolvedPack, c: Extract<TestCase, { type: 'score' }>, hit: (id: string) => Set<string>): void {
  const file = pack.scorings.find((x) => x.id === c.scoring);
  if (!file) return;
  const r = scoreFacts(pack, c.input.facts, {
    period: c.period ?? file.periods[0] ?? 'month',
    scoring: c.scoring,
    name: c.id,
    ...(c.input.assessments ? { assessments: c.input.assessments } : {}),
  });
  if (r._tag === 'Left') return;
  const card = r.right;
  for (const g of card.gates) hit(g.id).add(g.passed ? 'passed' : 'failed');
  if (card.status === 'ineligible') return;
  for (const b of card.blocks) hit(b.id);
  for (const m of card.metrics) {
    hit(m.id);
    for (const d of m.deductions) hit(d.id).add(d.points > 0 ? 'deducted' : 'none');
  }
  const blockVetoes = new Map(card.blocks.map((b) => [b.id, b.veto !== null]));
  for (const { element: e } of elementSites(file))
    if (isBlock(e) && e.veto && blockVetoes.has(e.id)) hit(e.veto.id).add(blockVetoes.get(e.id) ? 'held' : 'notHeld');
  for (const v of file.vetoes ?? []) hit(v.id).add(card.veto?.id === v.id ? 'held' : 'notHeld');
}
