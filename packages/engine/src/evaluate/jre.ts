import type { ChecklistFile, NestedCondition, TopLevelCondition } from '@gridsafe/schema';
import { Engine } from 'json-rules-engine';
import { atPath, matches, pathSegments } from '../compile/operators.js';
import type { NamedConditions } from '../compile/types.js';

type Cond = TopLevelCondition | NestedCondition;

/** Rename the per-item facts `answer` and `photos` so one run covers every item of a record. */
function perItem(c: Cond, i: number): Cond {
  if ('all' in c) return { ...c, all: c.all.map((x) => perItem(x, i) as NestedCondition) };
  if ('any' in c) return { ...c, any: c.any.map((x) => perItem(x, i) as NestedCondition) };
  if ('not' in c) return { ...c, not: perItem(c.not, i) as NestedCondition };
  if (!('fact' in c)) return c;
  const rename = (f: string) => (f === 'answer' || f === 'photos' ? `${f}#${i}` : f);
  const v = c.value as unknown;
  // A value may name a fact too ({ "fact": "photos" }): it reads the same item's fact.
  const value =
    v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as { fact?: unknown }).fact === 'string'
      ? { ...(v as { fact: string }), fact: rename((v as { fact: string }).fact) }
      : c.value;
  return { ...c, fact: rename(c.fact), value } as Cond;
}

/** Every fact id a condition reads, through named conditions. */
export function factsRead(c: Cond, named: NamedConditions, out = new Set<string>(), seen = new Set<string>()): Set<string> {
  if ('all' in c) for (const x of c.all) factsRead(x, named, out, seen);
  else if ('any' in c) for (const x of c.any) factsRead(x, named, out, seen);
  else if ('not' in c) factsRead(c.not, named, out, seen);
  else if ('condition' in c) {
    const ref = named.get(c.condition);
    if (ref && !seen.has(c.condition)) {
      seen.add(c.condition);
      factsRead(ref, named, out, seen);
    }
  } else out.add(c.fact);
  return out;
}

/** Paths resolved the way compiled conditions resolve them: own properties, no JSONPath evaluation. */
export const pathResolver = (value: object, path: string): unknown => atPath(value, pathSegments(path));

/**
 * A json-rules-engine for a checklist: one rule per item's `hazardWhen` (event `hazard`) and one per
 * `majorWhen` (event `major`), the item's answer and photo count as facts `answer#i` and `photos#i`,
 * paths resolved the way compiled conditions resolve them (no JSONPath evaluation).
 */
export function checklistEngine(checklist: ChecklistFile, named: NamedConditions): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true, pathResolver });
  engine.addOperator('matches', (a: unknown, b: unknown) => matches(a, b));
  for (const [k, v] of named) engine.setCondition(k, v as never);
  checklist.items.forEach((item, i) => {
    engine.addRule({ name: `hazard#${i}`, conditions: perItem(item.hazardWhen, i) as never, event: { type: 'hazard', params: { i } } });
    if (item.severity.majorWhen) {
      engine.addRule({
        name: `major#${i}`,
        conditions: perItem(item.severity.majorWhen, i) as never,
        event: { type: 'major', params: { i } },
      });
    }
  });
  return engine;
}
