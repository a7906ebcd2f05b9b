import type { NestedCondition, TopLevelCondition } from '@gridsafe/schema';
import { atPath, OPERATOR_FNS, own, pathSegments } from './operators.js';
import type { Facts, NamedConditions, Predicate, Trace } from './types.js';

function isFactRef(v: unknown): v is { fact: string; path?: string } {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.hasOwn(v, 'fact');
}

/** How a compiled condition reads a fact (at a path) from what it is given. */
export type FactReader<E> = (fact: string, path: string | undefined) => (env: E) => unknown;

/** Facts from an object, own properties only: nothing is read through a prototype. */
const objectReader: FactReader<Facts> = (fact, path) => {
  const segs = path ? pathSegments(path) : undefined;
  return segs ? (f) => atPath(own(f, fact), segs) : (f) => own(f, fact);
};

const never = () => false;

/** The operator's function; an operator the schema does not know never holds. */
function operatorFn(name: string): (a: unknown, b: unknown) => boolean {
  return Object.hasOwn(OPERATOR_FNS, name) ? (OPERATOR_FNS[name] as (a: unknown, b: unknown) => boolean) : never;
}

/** Compile a condition into closures over any input `E`, reading facts with `reader`. */
export function compileWith<E>(
  cond: TopLevelCondition | NestedCondition,
  named: NamedConditions,
  reader: FactReader<E>,
  seen: string[] = [],
): (env: E) => boolean {
  if ('all' in cond) {
    const parts = cond.all.map((c) => compileWith(c, named, reader, seen));
    return (f) => parts.every((p) => p(f));
  }
  if ('any' in cond) {
    const parts = cond.any.map((c) => compileWith(c, named, reader, seen));
    return (f) => parts.some((p) => p(f));
  }
  if ('not' in cond) {
    const inner = compileWith(cond.not, named, reader, seen);
    return (f) => !inner(f);
  }
  if ('condition' in cond) {
    const target = named.get(cond.condition);
    if (!target || seen.includes(cond.condition)) return never;
    return compileWith(target, named, reader, [...seen, cond.condition]);
  }
  const op = operatorFn(cond.operator);
  const read = reader(cond.fact, cond.path);
  const v = cond.value as unknown;
  if (isFactRef(v)) {
    const other = reader(v.fact, v.path);
    return (f) => op(read(f), other(f));
  }
  return (f) => op(read(f), v);
}

/**
 * Compile a condition into closures: no generated code, so it runs where `eval` is forbidden
 * (a strict Content-Security-Policy). Named references resolve at compile time; facts are read
 * as own properties only.
 *
 * @example
 * ```ts
 * import { compileClosure } from '@gridsafe/engine';
 * const heavy = compileClosure({ all: [{ fact: 'storedKg', operator: 'greaterThan', value: 100 }] }, new Map());
 * console.log(heavy({ storedKg: 150 })); // true
 * ```
 */
export function compileClosure(cond: TopLevelCondition | NestedCondition, named: NamedConditions, seen: string[] = []): Predicate {
  return compileWith(cond, named, objectReader, seen);
}

/**
 * Evaluate a condition and explain it: every part, with the fact value it saw and its result.
 * All parts are evaluated (no short-circuit), so the explanation is complete.
 */
export function explain(cond: TopLevelCondition | NestedCondition, named: NamedConditions, facts: Facts, seen: string[] = []): Trace {
  if ('all' in cond || 'any' in cond) {
    const isAll = 'all' in cond;
    const children = (isAll ? (cond as { all: NestedCondition[] }).all : (cond as { any: NestedCondition[] }).any).map((c) =>
      explain(c, named, facts, seen),
    );
    const result = isAll ? children.every((c) => c.result) : children.some((c) => c.result);
    return { kind: isAll ? 'all' : 'any', ...(cond.name ? { name: cond.name } : {}), result, children };
  }
  if ('not' in cond) {
    const child = explain(cond.not, named, facts, seen);
    return { kind: 'not', result: !child.result, children: [child] };
  }
  if ('condition' in cond) {
    const target = named.get(cond.condition);
    if (!target || seen.includes(cond.condition)) return { kind: 'condition', name: cond.condition, result: false, children: [] };
    const child = explain(target, named, facts, [...seen, cond.condition]);
    return { kind: 'condition', name: cond.condition, result: child.result, children: [child] };
  }
  const factValue = objectReader(cond.fact, cond.path)(facts);
  const v = cond.value as unknown;
  const value = isFactRef(v) ? objectReader(v.fact, v.path)(facts) : v;
  const result = operatorFn(cond.operator)(factValue, value);
  return { kind: 'leaf', fact: cond.fact, ...(cond.path ? { path: cond.path } : {}), operator: cond.operator, value, factValue, result };
}
