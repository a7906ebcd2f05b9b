import type { NestedCondition, TopLevelCondition } from '@gridsafe/schema';
import { atPath, OPERATOR_FNS, pathSegments } from './operators.js';
import type { Facts, NamedConditions, Predicate, Trace } from './types.js';

function isFactRef(v: unknown): v is { fact: string; path?: string } {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.hasOwn(v, 'fact');
}

function valueReader(value: unknown): (f: Facts) => unknown {
  if (!isFactRef(value)) return () => value;
  const name = value.fact;
  const segs = value.path ? pathSegments(value.path) : undefined;
  return segs ? (f) => atPath(f[name], segs) : (f) => f[name];
}

function leafReader(fact: string, path: string | undefined): (f: Facts) => unknown {
  const segs = path ? pathSegments(path) : undefined;
  return segs ? (f) => atPath(f[fact], segs) : (f) => f[fact];
}

/**
 * Compile a condition into closures: no generated code, so it runs where `eval` is forbidden
 * (a strict Content-Security-Policy). Named references resolve at compile time.
 */
export function compileClosure(cond: TopLevelCondition | NestedCondition, named: NamedConditions, seen: string[] = []): Predicate {
  if ('all' in cond) {
    const parts = cond.all.map((c) => compileClosure(c, named, seen));
    return (f) => parts.every((p) => p(f));
  }
  if ('any' in cond) {
    const parts = cond.any.map((c) => compileClosure(c, named, seen));
    return (f) => parts.some((p) => p(f));
  }
  if ('not' in cond) {
    const inner = compileClosure(cond.not, named, seen);
    return (f) => !inner(f);
  }
  if ('condition' in cond) {
    const target = named.get(cond.condition);
    if (!target || seen.includes(cond.condition)) return () => false;
    return compileClosure(target, named, [...seen, cond.condition]);
  }
  const op = OPERATOR_FNS[cond.operator] as (a: unknown, b: unknown) => boolean;
  const read = leafReader(cond.fact, cond.path);
  const value = valueReader(cond.value);
  return (f) => op(read(f), value(f));
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
  const factValue = leafReader(cond.fact, cond.path)(facts);
  const value = valueReader(cond.value)(facts);
  const result = (OPERATOR_FNS[cond.operator] as (a: unknown, b: unknown) => boolean)(factValue, value);
  return { kind: 'leaf', fact: cond.fact, ...(cond.path ? { path: cond.path } : {}), operator: cond.operator, value, factValue, result };
}
