import type { Issue } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';
import type { ResolvedPack } from '../resolve/types.js';
import { type CompileMode, compiledChecklist, modeOf } from './compiled.js';
import { finishPatrol, summarizePatrol } from './findings.js';
import { checklistFor, type PreparedPatrol, preparePatrol } from './patrol-steps.js';
import type { BatchOptions, EvaluateOptions, PatrolBatch, PatrolEvaluator, PatrolResult, PatrolSummary } from './patrol-types.js';
import { FastLayout, fastHead } from './record-fast.js';

/** Options of {@link compilePatrol}. */
export interface CompilePatrolOptions {
  /** Generated code (default where allowed) or closures (for pages whose CSP forbids eval). */
  mode?: CompileMode;
}

const NO_OPTIONS: EvaluateOptions = {};

/**
 * Compile a resolved pack's checklists into one evaluator object. Its `evaluate(record)` decodes
 * the record, checks its facts and answers, runs the compiled conditions, routes and explains the
 * hazards in one pass, with the same result as {@link evaluatePatrol}; `summarize` builds only the
 * hazard findings; `evaluateBatch` takes many records. Checklists compile on first use.
 *
 * @example
 * ```ts
 * import { compilePatrol, type ResolvedPack } from '@gridsafe/engine';
 * declare const pack: ResolvedPack;
 * const patrol = compilePatrol(pack);
 * const r = patrol.summarize({
 *   id: 'r1', gridId: 'g1', gridType: 'village', workerId: 'w1', at: '2026-03-01T09:00:00+08:00',
 *   answers: { 'chibi.village.02': true }, photos: [],
 * });
 * if (r._tag === 'Right') console.log(r.right.hazards, r.right.findings.map((f) => f.item));
 * ```
 */
export function compilePatrol(pack: ResolvedPack, options: CompilePatrolOptions = {}): PatrolEvaluator {
  const mode = modeOf(options.mode);
  const byGridType = new Map<unknown, FastLayout>();
  const byId = new Map<string, FastLayout>();
  const layout = (id: string | undefined, gridType: unknown): FastLayout | undefined => {
    const cache = id === undefined ? byGridType : byId;
    const key = id === undefined ? gridType : id;
    let l = cache.get(key);
    if (!l) {
      const checklist = checklistFor(pack, gridType, id);
      if (!checklist) return undefined;
      l = new FastLayout(pack, compiledChecklist(pack, checklist, mode));
      cache.set(key, l);
    }
    return l;
  };

  /** The record laid out and its codes computed, or its issues. */
  function run(input: unknown, o: EvaluateOptions): (PreparedPatrol & { codes: Uint8Array }) | Issue[] {
    const head = fastHead(pack, input);
    const fast = head && layout(o.checklist, head.gridType);
    if (fast?.layOut(head as Record<string, unknown>)) {
      fast.compiled.kernel(fast.fv, fast.answers, fast.counts, fast.codes, 0);
      return fast;
    }
    const slow = preparePatrol(pack, input, { ...o, mode });
    if (E.isLeft(slow)) return slow.left;
    const p = slow.right;
    const codes = new Uint8Array(p.answers.length);
    p.compiled.kernel(p.fv, p.answers, p.counts, codes, 0);
    return Object.assign(p, { codes });
  }

  const explainOf = (o: EvaluateOptions) => (o.explain === undefined ? 'hazards' : o.explain);
  function evaluate(input: unknown, o: EvaluateOptions = NO_OPTIONS): E.Either<Issue[], PatrolResult> {
    const p = run(input, o);
    return Array.isArray(p) ? E.left(p) : E.right(finishPatrol(pack, p, p.codes, explainOf(o)));
  }
  function summarize(input: unknown, o: EvaluateOptions = NO_OPTIONS): E.Either<Issue[], PatrolSummary> {
    const p = run(input, o);
    return Array.isArray(p) ? E.left(p) : E.right(summarizePatrol(pack, p, p.codes, explainOf(o)));
  }
  function evaluateBatch(records: readonly unknown[], o: BatchOptions & { findings?: 'all' | 'hazards' } = {}) {
    const each = o.findings === 'hazards' ? summarize : evaluate;
    const results: E.Either<Issue[], PatrolResult>[] = new Array(records.length);
    let hazards = 0;
    let reports = 0;
    let invalid = 0;
    const call: EvaluateOptions = { ...o };
    for (let i = 0; i < records.length; i++) {
      call.name = o.names?.[i] ?? `record[${i}]`;
      const r = each(records[i], call);
      if (E.isLeft(r)) invalid++;
      else {
        hazards += r.right.hazards;
        reports += r.right.reports;
      }
      results[i] = r;
    }
    return { results, records: records.length, hazards, reports, invalid } as PatrolBatch<PatrolSummary>;
  }
  return { pack: { id: pack.id, version: pack.version }, evaluate, summarize, evaluateBatch };
}
