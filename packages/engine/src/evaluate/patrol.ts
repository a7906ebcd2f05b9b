import type { Bilingual, ChecklistItem, Issue, Severity } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';
import type { Facts, Trace } from '../compile/types.js';
import type { ResolvedPack } from '../resolve/types.js';
import type { CompileMode } from './compiled.js';
import { finishPatrol, preparePatrol } from './patrol-steps.js';

/** What a finding asks of the grid worker: remove a hazard, file a report, or nothing more. */
export type FindingYield = 'hazard' | 'report' | 'confirmation';

/** The result for one checklist item of a patrol record. */
export interface Finding {
  /** The rule (item) id. */
  item: string;
  number: number;
  text: Bilingual;
  sector: string;
  itemKind: ChecklistItem['itemKind'];
  status: 'ok' | 'hazard' | 'notApplicable' | 'notAnswered';
  severity?: Severity;
  /** A hazard to remove (check), a report to file (报告), or a confirmation that it is in place (到位). */
  yields?: FindingYield;
  evidence: { required: boolean; photos: number; present: boolean };
  /** Who receives it, and whether it goes straight there (a major finding skipping tiers). */
  route?: { tier: string; direct: boolean };
  /** Each condition with the fact value it saw and whether it passed (see {@link PatrolOptions.explain}). */
  explanation?: { hazard: Trace; major?: Trace };
}

/** Every finding of one patrol record. */
export interface PatrolResult {
  record: string;
  pack: { id: string; version: string };
  checklist: string;
  findings: Finding[];
  hazards: number;
  reports: number;
}

/** Options of {@link evaluatePatrol}. */
export interface PatrolOptions {
  /**
   * Which findings carry an explanation: `'hazards'` (the default: why each hazard fired and why
   * it is major), `'all'` (ok findings too), or `false` (none).
   */
  explain?: 'hazards' | 'all' | false;
  /** Use this checklist (by id) instead of the one for the record's grid type. */
  checklist?: string;
  mode?: CompileMode;
  /** Name used in error locations (default `record`). */
  name?: string;
}

/**
 * Evaluate a patrol record against the checklist of its grid type: a finding for every item, with
 * status, severity, what it yields, evidence, route and explanation. A record that fails its codec
 * or names unknown items or facts gives located issues and no partial result.
 *
 * @example
 * ```ts
 * import { evaluatePatrol, type ResolvedPack } from '@gridsafe/engine';
 * declare const pack: ResolvedPack;
 * const result = evaluatePatrol(pack, {
 *   id: 'r1', gridId: 'g1', gridType: 'village', workerId: 'w1', at: '2026-03-01T09:00:00+08:00',
 *   answers: { 'chibi.village.02': true }, photos: [{ uri: 'p.jpg', itemId: 'chibi.village.02' }],
 * });
 * if (result._tag === 'Right') for (const f of result.right.findings) console.log(f.item, f.status);
 * ```
 */
export function evaluatePatrol(pack: ResolvedPack, input: unknown, options: PatrolOptions = {}): E.Either<Issue[], PatrolResult> {
  const prepared = preparePatrol(pack, input, options);
  if (E.isLeft(prepared)) return prepared;
  const { compiled, facts, answers, counts } = prepared.right;
  const codes = new Uint8Array(answers.length);
  compiled.kernel(facts as Facts, answers, counts, codes, 0);
  return E.right(finishPatrol(pack, prepared.right, codes, options));
}
