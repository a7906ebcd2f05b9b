import type { Issue } from '@gridsafe/schema';
import type * as E from 'fp-ts/lib/Either.js';
import type { ResolvedPack } from '../resolve/types.js';
import { type CompileMode, modeOf } from './compiled.js';
import { compilePatrol } from './evaluator.js';
import type { PatrolEvaluator, PatrolOptions, PatrolResult } from './patrol-types.js';

export type {
  BatchOptions,
  EvaluateOptions,
  Finding,
  FindingYield,
  PatrolBatch,
  PatrolEvaluator,
  PatrolOptions,
  PatrolResult,
  PatrolSummary,
} from './patrol-types.js';

const evaluators = new WeakMap<ResolvedPack, Map<CompileMode, PatrolEvaluator>>();

/** The pack's compiled evaluator in a mode, compiled once per resolved pack. */
export function patrolEvaluator(pack: ResolvedPack, mode?: CompileMode): PatrolEvaluator {
  const m = modeOf(mode);
  let byMode = evaluators.get(pack);
  if (!byMode) {
    byMode = new Map();
    evaluators.set(pack, byMode);
  }
  let e = byMode.get(m);
  if (!e) {
    e = compilePatrol(pack, { mode: m });
    byMode.set(m, e);
  }
  return e;
}

/**
 * Evaluate a patrol record against the checklist of its grid type: a finding for every item, with
 * status, severity, what it yields, evidence, route and explanation. A record that fails its codec
 * or names unknown items or facts gives located issues and no partial result. The pack's compiled
 * evaluator ({@link compilePatrol}) is made on the first call and reused.
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
  return patrolEvaluator(pack, options.mode).evaluate(input, options);
}
