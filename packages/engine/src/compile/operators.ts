import { RE2JS } from 're2js';

/**
 * Operator semantics, identical to json-rules-engine's defaults so that compiled conditions and
 * the reference engine agree on every input, plus gridsafe's bounded `matches`.
 */

/** json-rules-engine's guard for numeric operators: the fact value must parse as a number. */
export function numeric(a: unknown): boolean {
  // For a number, parseFloat(String(a)) is a again, so the guard is "not NaN"; other values take the general path.
  if (typeof a === 'number') return !Number.isNaN(a);
  return Number.parseFloat(a as string).toString() !== 'NaN';
}

/** Longest text a `matches` condition tests; longer values never match. */
export const MAX_MATCH_INPUT = 10_000;

const regexCache = new Map<string, RE2JS | null>();

/**
 * `matches`: the fact is a string in which the pattern finds a match (unanchored, like
 * `RegExp.prototype.test`). Patterns run on re2js, a port of RE2: matching takes time linear in
 * the text whatever the pattern, so no rule can make it backtrack. A pattern RE2 cannot compile
 * (validation rejects those) never matches. This is the one implementation of the operator: the
 * closure and generated-code evaluators and the json-rules-engine reference all call it.
 *
 * @example
 * ```ts
 * import { matches } from '@gridsafe/engine';
 * console.log(matches('13800138000', '^1\\d{10}$')); // true
 * console.log(matches(`${'a'.repeat(40)}b`, '^(a|a)*$')); // false, in linear time
 * ```
 */
export function matches(a: unknown, pattern: unknown): boolean {
  if (typeof a !== 'string' || typeof pattern !== 'string' || a.length > MAX_MATCH_INPUT) return false;
  let re = regexCache.get(pattern);
  if (re === undefined) {
    try {
      re = RE2JS.compile(pattern);
    } catch {
      re = null;
    }
    if (regexCache.size < 10_000) regexCache.set(pattern, re);
  }
  return re !== null && re.test(a);
}

const has = (b: unknown, a: unknown) => (Array.isArray(b) || typeof b === 'string') && (b as unknown[]).indexOf(a as never) > -1;

/** Every operator as a function of fact value `a` and rule value `b`. */
export const OPERATOR_FNS: Record<string, (a: unknown, b: unknown) => boolean> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => has(b, a),
  notIn: (a, b) => !has(b, a),
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => numeric(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => numeric(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => numeric(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => numeric(a) && (a as number) >= (b as number),
  matches,
};

/** Parse a plain JSONPath (`$.a.b[0]`) into segments. Paths were validated, so this cannot fail on a pack. */
export function pathSegments(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  const re = /\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]/g;
  for (let m = re.exec(path); m; m = re.exec(path)) out.push(m[1] !== undefined ? m[1] : Number(m[2]));
  return out;
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * The value at `segments` inside a fact value, as json-rules-engine's JSONPath resolver gives it:
 * a non-object fact is returned as it is; a missing step gives undefined. Only own properties count.
 */
export function atPath(value: unknown, segments: readonly (string | number)[]): unknown {
  if (value === null || typeof value !== 'object') return value;
  let v: unknown = value;
  for (const s of segments) {
    if (v === null || typeof v !== 'object' || !hasOwn.call(v, s)) return undefined;
    v = (v as Record<string | number, unknown>)[s];
  }
  return v;
}

/** An own property of an object, or undefined: a value is never read through a prototype. */
export function own(o: unknown, key: string): unknown {
  return o !== null && typeof o === 'object' && hasOwn.call(o, key) ? (o as Record<string, unknown>)[key] : undefined;
}
