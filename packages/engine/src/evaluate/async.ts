import { type Issue, makeIssue, toPointer } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';
import { Almanac, type Engine } from 'json-rules-engine';
import type { ResolvedPack } from '../resolve/types.js';
import { type CompiledChecklist, namedConditions } from './compiled.js';
import { checkFacts, factCatalog } from './facts.js';
import { finishPatrol } from './findings.js';
import { checklistEngine, factsRead, pathResolver } from './jre.js';
import { preparePatrol } from './patrol-steps.js';
import type { PatrolOptions, PatrolResult } from './patrol-types.js';

/**
 * A fact the host computes when a condition needs it: a database lookup, say. It gets
 * json-rules-engine's fact params and almanac, and may return a promise.
 */
export type AsyncFact = (params: Record<string, unknown>, almanac: Almanac) => unknown;

/** Options of {@link evaluatePatrolAsync}. */
export interface AsyncPatrolOptions extends Omit<PatrolOptions, 'mode'> {
  /** Facts computed by the host, by catalogue id. A value in the record's own `facts` wins. */
  facts?: Readonly<Record<string, AsyncFact>>;
}

const engines = new WeakMap<CompiledChecklist, Engine>();

/**
 * Evaluate a patrol record with json-rules-engine in its async mode, for hosts whose facts come
 * from their own async functions. Each host fact is computed at most once per record, only when a
 * condition reads it. The result has the same shape, and for the same fact values the same
 * content, as {@link evaluatePatrol}; explanations and routes read the host facts' values. A fact
 * not in the catalogue, a value of the wrong type, or a function that throws gives located issues.
 *
 * @example
 * ```ts
 * import { evaluatePatrolAsync, type ResolvedPack } from '@gridsafe/engine';
 * declare const pack: ResolvedPack;
 * declare const db: { storedKg(grid: string): Promise<number> };
 * const record = { id: 'r1', gridId: 'g1', gridType: 'community', workerId: 'w1', at: '2026-03-01T09:00:00+08:00',
 *   answers: { 'chibi.community.01': true }, photos: [] };
 * const result = await evaluatePatrolAsync(pack, record, { facts: { 'fireworks.storedKg': () => db.storedKg('g1') } });
 * if (result._tag === 'Right') console.log(result.right.findings[0]?.severity);
 * ```
 */
export async function evaluatePatrolAsync(
  pack: ResolvedPack,
  input: unknown,
  options: AsyncPatrolOptions = {},
): Promise<E.Either<Issue[], PatrolResult>> {
  const hostFns = options.facts ?? {};
  const catalog = factCatalog(pack);
  const unknown = Object.keys(hostFns)
    .filter((k) => !catalog.has(k))
    .map((k) =>
      makeIssue(
        'ref.unknown',
        { file: 'options', line: 0, column: 0, pointer: toPointer(['facts', k]) },
        { refKind: 'fact', id: k },
        { found: k },
      ),
    );
  const prepared = preparePatrol(pack, input, { ...options, mode: 'closure' });
  if (E.isLeft(prepared) || unknown.length > 0) return E.left([...unknown, ...(E.isLeft(prepared) ? prepared.left : [])]);
  const { compiled, answers, counts } = prepared.right;
  const { checklist } = compiled;
  const facts = prepared.right.facts();

  let engine = engines.get(compiled);
  if (!engine) {
    engine = checklistEngine(checklist, namedConditions(pack));
    engines.set(compiled, engine);
  }
  const failures: Issue[] = [];
  const almanac = new Almanac({ allowUndefinedFacts: true, pathResolver });
  for (const [id, fn] of Object.entries(hostFns)) {
    if (Object.hasOwn(facts, id)) continue;
    almanac.addFact(id, async (params: Record<string, unknown>, a: Almanac) => {
      try {
        return await fn(params, a);
      } catch (e) {
        const error = e instanceof Error ? e.message : String(e);
        failures.push(
          makeIssue('fact.failed', { file: 'options', line: 0, column: 0, pointer: toPointer(['facts', id]) }, { fact: id, error }),
        );
        return undefined;
      }
    });
  }
  for (const [id, v] of Object.entries(facts)) almanac.addFact(id, v);
  answers.forEach((a, i) => {
    almanac.addFact(`answer#${i}`, a ?? null);
    almanac.addFact(`photos#${i}`, counts[i] ?? 0);
  });
  const { events } = await engine.run({}, { almanac });
  const codes = new Uint8Array(answers.length);
  const major = new Set<number>();
  for (const ev of events) {
    const i = (ev.params as { i: number }).i;
    if (ev.type === 'hazard') codes[i] = 1;
    else major.add(i);
  }
  for (const i of major) if (codes[i] === 1) codes[i] = 2;
  // An unanswered or not-applicable item is never a hazard, whatever its condition says.
  answers.forEach((a, i) => {
    if (a === null || a === undefined) codes[i] = 0;
  });

  // Explanations and routes read the host facts' values: compute each once (the almanac caches).
  const named = namedConditions(pack);
  const read = new Set<string>();
  for (const item of checklist.items) {
    factsRead(item.hazardWhen, named, read);
    if (item.severity.majorWhen) factsRead(item.severity.majorWhen, named, read);
  }
  for (const policy of pack.escalations) for (const s of policy.skips ?? []) if (s.when) factsRead(s.when, named, read);
  const values: Record<string, unknown> = {};
  for (const id of read) if (Object.hasOwn(hostFns, id) && !Object.hasOwn(facts, id)) values[id] = await almanac.factValue(id);
  if (failures.length > 0) return E.left(failures);
  const checked = checkFacts(pack, Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)), 'options', ['facts']);
  if (checked.issues.length > 0) return E.left(checked.issues);
  Object.assign(facts, checked.facts);
  return E.right(finishPatrol(pack, prepared.right, codes, options.explain === undefined ? 'hazards' : options.explain));
}
