import type { Issue, TestCase } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';
import { evaluatePatrol, type PatrolResult, patrolEvaluator } from '../evaluate/patrol.js';
import type { ResolvedPack } from '../resolve/types.js';

type PatrolCase = Extract<TestCase, { type: 'patrol' }>;

/**
 * The patrol record a patrol case describes: its answers, facts and photo counts, dated on the
 * case's date (or the pack's first day in force), for the checklist the case names.
 *
 * @example
 * ```ts
 * import { caseRecord, evaluatePatrol, type ResolvedPack } from '@gridsafe/engine';
 * declare const pack: ResolvedPack;
 * for (const file of pack.cases)
 *   for (const c of file.cases)
 *     if (c.type === 'patrol') console.log(evaluatePatrol(pack, caseRecord(pack, c), { checklist: c.checklist })._tag);
 * ```
 */
export function caseRecord(pack: ResolvedPack, c: PatrolCase) {
  const checklist = pack.checklists.find((x) => x.id === c.checklist);
  const photos = Object.entries(c.input.photos ?? {}).flatMap(([itemId, n]) =>
    Array.from({ length: n }, (_, i) => ({ uri: `case://${c.id}/${itemId}/${i}`, itemId })),
  );
  return {
    id: c.id,
    gridId: 'case',
    gridType: checklist?.gridType ?? 'case',
    workerId: 'case',
    at: `${c.input.date ?? pack.effective.from}T09:00:00+08:00`,
    answers: c.input.answers,
    photos,
    ...(c.input.facts ? { facts: c.input.facts } : {}),
  };
}

/**
 * The results of many patrol cases at once, by case: each checklist's cases go through the pack's
 * compiled evaluator as one batch.
 */
export function patrolCaseResults(pack: ResolvedPack, cases: readonly PatrolCase[]): Map<PatrolCase, E.Either<Issue[], PatrolResult>> {
  const byChecklist = new Map<string, PatrolCase[]>();
  for (const c of cases) byChecklist.set(c.checklist, [...(byChecklist.get(c.checklist) ?? []), c]);
  const out = new Map<PatrolCase, E.Either<Issue[], PatrolResult>>();
  const evaluator = patrolEvaluator(pack);
  for (const [checklist, group] of byChecklist) {
    const batch = evaluator.evaluateBatch(
      group.map((c) => caseRecord(pack, c)),
      { checklist, explain: false, names: group.map((c) => c.id) },
    );
    group.forEach((c, i) => out.set(c, batch.results[i] as E.Either<Issue[], PatrolResult>));
  }
  return out;
}

/** Run a patrol case: hazards (and reports) fired, their severities, and direct routes. */
export function runPatrolCase(pack: ResolvedPack, c: PatrolCase, result?: E.Either<Issue[], PatrolResult>) {
  const r = result ?? evaluatePatrol(pack, caseRecord(pack, c), { checklist: c.checklist, explain: false, name: c.id });
  if (E.isLeft(r)) return { pass: false, expected: c.expect, actual: null, issues: r.left };
  const fired = r.right.findings.filter((f) => f.status === 'hazard');
  const actual: Record<string, unknown> = { hazards: fired.map((f) => f.item).sort() };
  const expected: Record<string, unknown> = { hazards: [...c.expect.hazards].sort() };
  if (c.expect.severity) {
    expected.severity = c.expect.severity;
    actual.severity = Object.fromEntries(Object.keys(c.expect.severity).map((k) => [k, fired.find((f) => f.item === k)?.severity ?? null]));
  }
  if (c.expect.directToTownship) {
    expected.directToTownship = [...c.expect.directToTownship].sort();
    actual.directToTownship = fired
      .filter((f) => f.route?.direct)
      .map((f) => f.item)
      .sort();
  }
  return { pass: JSON.stringify(expected) === JSON.stringify(actual), expected, actual };
}
