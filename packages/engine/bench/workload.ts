import type { ChecklistFile, FactDecl, NestedCondition, TopLevelCondition } from '@gridsafe/schema';
import { Engine } from 'json-rules-engine';
import { matches } from '../src/compile/operators.js';
import { rng } from './harness.js';

/** A synthetic patrol: answers by item index, and the record's facts. */
export interface SyntheticRecord {
  answers: (boolean | number | string | null)[];
  facts: Record<string, unknown>;
}

/** Facts a checklist's conditions read (besides `answer`). */
export function factsUsed(checklist: ChecklistFile): string[] {
  const out = new Set<string>();
  const walk = (c: TopLevelCondition | NestedCondition): void => {
    if ('all' in c) c.all.forEach(walk);
    else if ('any' in c) c.any.forEach(walk);
    else if ('not' in c) walk(c.not);
    else if ('fact' in c && c.fact !== 'answer' && c.fact !== 'photos') out.add(c.fact);
  };
  for (const i of checklist.items) {
    walk(i.hazardWhen);
    if (i.severity.majorWhen) walk(i.severity.majorWhen);
  }
  return [...out].sort();
}

function sampleValue(decl: FactDecl | undefined, r: () => number): unknown {
  switch (decl?.type) {
    case 'boolean':
      return r() < 0.3;
    case 'integer':
    case 'number':
      return Math.floor(r() * 400);
    case 'string':
      return decl.enum ? decl.enum[Math.floor(r() * decl.enum.length)] : ['a', 'b', 'c'][Math.floor(r() * 3)];
    case 'string[]':
      return (decl.enum ?? ['a', 'b', 'c']).filter(() => r() < 0.5);
    case 'number[]':
      return [1, 2, 3].filter(() => r() < 0.5);
    default:
      return null;
  }
}

/** `n` records with ~10% of answers hazardous, the same for a given seed. */
export function records(checklist: ChecklistFile, catalog: Map<string, FactDecl>, n: number, seed = 42): SyntheticRecord[] {
  const r = rng(seed);
  const used = factsUsed(checklist);
  return Array.from({ length: n }, () => ({
    answers: checklist.items.map((item) => {
      if (r() < 0.03) return null;
      if (item.answer === 'boolean') return r() < 0.1;
      if (item.answer === 'number') return Math.floor(r() * 10);
      if (item.answer === 'choice') return item.choices?.[Math.floor(r() * item.choices.length)] ?? 'x';
      return r() < 0.1 ? 'x' : '';
    }),
    facts: Object.fromEntries(used.map((f) => [f, sampleValue(catalog.get(f), r)])),
  }));
}

/** Rename the `answer` fact to one fact per item so json-rules-engine can run a record in one pass. */
function perItem(c: TopLevelCondition | NestedCondition, i: number): TopLevelCondition | NestedCondition {
  if ('all' in c) return { ...c, all: c.all.map((x) => perItem(x, i) as NestedCondition) };
  if ('any' in c) return { ...c, any: c.any.map((x) => perItem(x, i) as NestedCondition) };
  if ('not' in c) return { ...c, not: perItem(c.not, i) as NestedCondition };
  if ('fact' in c && c.fact === 'answer') return { ...c, fact: `answer_${i}` };
  return c;
}

/** One json-rules-engine, reused for every record: a rule per item's hazard and per item's major condition. */
export function jreEngine(checklist: ChecklistFile, named: ReadonlyMap<string, TopLevelCondition>): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addOperator('matches', (a: unknown, b: unknown) => matches(a, b));
  for (const [k, v] of named) engine.setCondition(k, v as never);
  checklist.items.forEach((item, i) => {
    engine.addRule({ conditions: perItem(item.hazardWhen, i) as never, event: { type: 'hazard', params: { i } } });
    if (item.severity.majorWhen)
      engine.addRule({ conditions: perItem(item.severity.majorWhen, i) as never, event: { type: 'major', params: { i } } });
  });
  return engine;
}

/** json-rules-engine's verdict on a record, in the bench's common form. */
export async function jreVerdict(engine: Engine, rec: SyntheticRecord): Promise<string> {
  const facts: Record<string, unknown> = { ...rec.facts, photos: 0 };
  rec.answers.forEach((a, i) => {
    facts[`answer_${i}`] = a;
  });
  const { events } = await engine.run(facts);
  const hazard = new Set<number>();
  const major = new Set<number>();
  for (const e of events) (e.type === 'hazard' ? hazard : major).add((e.params as { i: number }).i);
  return verdict(rec.answers.map((a, i) => (a === null ? 0 : hazard.has(i) ? (major.has(i) ? 2 : 1) : 0)));
}

/** Per item: 0 ok or unanswered, 1 hazard, 2 hazard whose major condition holds. */
export function verdict(codes: number[]): string {
  return codes.join('');
}
