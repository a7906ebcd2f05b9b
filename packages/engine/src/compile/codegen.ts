import type { NestedCondition, TopLevelCondition } from '@gridsafe/schema';
import { Constants, literal } from './constants.js';
import { atPath, matches, numeric, own, pathSegments } from './operators.js';
import type { Facts, NamedConditions, Predicate, Trace } from './types.js';

/**
 * Generated source for a set of conditions, in ajv's manner: built from the validated tree only.
 * No text from a rule file appears in the code: fact names, rule values and paths enter as
 * indices into the constants table `c`, and facts are read as own properties only (`h.own`).
 */
export interface GeneratedSource {
  /** The body of `function (c, h) { ... }` returning an array of predicates `(f) => boolean`. */
  body: string;
  /** The constants table: fact names, rule values and parsed paths, by index. */
  constants: unknown[];
}

function group(kind: 'all' | 'any', children: Trace[], name: unknown): Trace {
  let result = kind === 'all';
  for (let i = 0; i < children.length; i++) {
    if ((children[i] as Trace).result !== result) {
      result = !result;
      break;
    }
  }
  // Built without an object spread, which is slow on this hot path; `name` only when given.
  if (typeof name === 'string') return { kind, name, result, children };
  return { kind, result, children };
}

/** Runtime helpers the generated code calls. */
export const HELPERS: {
  /** json-rules-engine's guard for numeric operators. */
  numeric: typeof numeric;
  /** The bounded `matches` operator. */
  matches: typeof matches;
  /** Value at a plain path inside a fact. */
  atPath: typeof atPath;
  /** An own property of an object, or undefined: nothing is read through a prototype. */
  own: (o: unknown, key: string) => unknown;
  /** Explanation node of an `all`. */
  all: (children: Trace[], name?: unknown) => Trace;
  /** Explanation node of an `any`. */
  any: (children: Trace[], name?: unknown) => Trace;
  /** Explanation node of a `not`. */
  not: (child: Trace) => Trace;
  /** Explanation node of a named condition. */
  ref: (name: string, child: Trace) => Trace;
} = {
  numeric,
  matches,
  atPath,
  own,
  all: (children, name) => group('all', children, name),
  any: (children, name) => group('any', children, name),
  not: (child) => ({ kind: 'not', result: !child.result, children: [child] }),
  ref: (name, child) => ({ kind: 'condition', name, result: child.result, children: [child] }),
};

const NUMERIC = new Map([
  ['lessThan', '<'],
  ['lessThanInclusive', '<='],
  ['greaterThan', '>'],
  ['greaterThanInclusive', '>='],
]);

/** Where generated code finds a record fact: an object read by own property, or a slot array. */
export type FactSource = { kind: 'object'; param: string } | { kind: 'slots'; param: string; slot: (fact: string) => number };

/** Builds JavaScript expressions from conditions. Only identifiers it makes and `c[i]` reach the code. */
export class Generator {
  readonly constants = new Constants();
  private locals = 0;
  readonly prelude: string[] = [];
  private readonly cache = new Map<string, string>();
  /** For a fact local, the local holding json-rules-engine's numeric guard of it (computed once per call). */
  private readonly numerics = new Map<string, string>();
  /** The per-item facts `answer` and `photos`, when they live in locals (checklist items). */
  itemLocals: ReadonlyMap<string, string> | undefined;

  constructor(
    private readonly named: NamedConditions,
    private readonly facts: FactSource = { kind: 'object', param: 'f' },
  ) {}

  constant(value: unknown): string {
    return this.constants.ref(value);
  }

  private base(fact: string): string {
    if (this.facts.kind === 'slots') return `${this.facts.param}[${this.facts.slot(fact)}]`;
    return `h.own(${this.facts.param}, ${this.constant(fact)})`;
  }

  /** A local holding a fact (at a path), read once per call; per-item facts read from their locals. */
  read(fact: string, path: string | undefined): string {
    const item = this.itemLocals?.get(fact);
    if (item) return path ? `h.atPath(${item}, ${this.constants.path(path, pathSegments(path))})` : item;
    const key = `${fact}\u0000${path ?? ''}`;
    const known = this.cache.get(key);
    if (known) return known;
    const name = `v${this.locals++}`;
    const base = this.base(fact);
    this.prelude.push(`const ${name} = ${path ? `h.atPath(${base}, ${this.constants.path(path, pathSegments(path))})` : base};`);
    this.cache.set(key, name);
    return name;
  }

  /** Start a new function: its fact reads are its own. */
  reset(): void {
    this.prelude.length = 0;
    this.cache.clear();
    this.numerics.clear();
  }

  /** The numeric guard of an operand: hoisted for a fact local, inline for an item's answer or photos. */
  private numeric(a: string): string {
    if (!/^v\d+$/.test(a)) return `h.numeric(${a})`;
    let n = this.numerics.get(a);
    if (!n) {
      n = `n${a.slice(1)}`;
      this.prelude.push(`const ${n} = h.numeric(${a});`);
      this.numerics.set(a, n);
    }
    return n;
  }

  expr(cond: TopLevelCondition | NestedCondition, seen: string[]): string {
    if ('all' in cond) return `(${cond.all.map((c) => this.expr(c, seen)).join(' && ')})`;
    if ('any' in cond) return `(${cond.any.map((c) => this.expr(c, seen)).join(' || ')})`;
    if ('not' in cond) return `!${this.expr(cond.not, seen)}`;
    if ('condition' in cond) {
      const target = this.named.get(cond.condition);
      if (!target || seen.includes(cond.condition)) return 'false';
      return this.expr(target, [...seen, cond.condition]);
    }
    return this.leaf(cond);
  }

  /** An expression building the explanation of a condition, the same tree `explain` returns. */
  explainExpr(cond: TopLevelCondition | NestedCondition, seen: string[]): string {
    const named = cond.name === undefined ? '' : `, ${this.constant(cond.name)}`;
    if ('all' in cond) return `h.all([${cond.all.map((c) => this.explainExpr(c, seen)).join(', ')}]${named})`;
    if ('any' in cond) return `h.any([${cond.any.map((c) => this.explainExpr(c, seen)).join(', ')}]${named})`;
    if ('not' in cond) return `h.not(${this.explainExpr(cond.not, seen)})`;
    if ('condition' in cond) {
      const target = this.named.get(cond.condition);
      const name = this.constant(cond.condition);
      if (!target || seen.includes(cond.condition)) return `{ kind: 'condition', name: ${name}, result: false, children: [] }`;
      return `h.ref(${name}, ${this.explainExpr(target, [...seen, cond.condition])})`;
    }
    const [a, b] = this.operands(cond);
    const path = cond.path ? `, path: ${this.constant(cond.path)}` : '';
    return `{ kind: 'leaf', fact: ${this.constant(cond.fact)}${path}, operator: ${this.constant(cond.operator)}, value: ${b}, factValue: ${a}, result: ${this.leaf(cond)} }`;
  }

  private operands(cond: Extract<NestedCondition, { fact: string }>): [string, string] {
    const a = this.read(cond.fact, cond.path);
    const v = cond.value as unknown;
    const b =
      v !== null && typeof v === 'object' && !Array.isArray(v) && Object.hasOwn(v, 'fact')
        ? this.read(String((v as { fact: string }).fact), (v as { path?: string }).path)
        : this.constant(v);
    return [a, b];
  }

  private leaf(cond: Extract<NestedCondition, { fact: string }>): string {
    const [a, b] = this.operands(cond);
    const cmp = NUMERIC.get(cond.operator);
    if (cmp) return `(${this.numeric(a)} && ${a} ${cmp} ${b})`;
    switch (cond.operator) {
      case 'equal':
        return `(${a} === ${b})`;
      case 'notEqual':
        return `(${a} !== ${b})`;
      case 'in':
        return `((Array.isArray(${b}) || typeof ${b} === 'string') && ${b}.indexOf(${a}) > -1)`;
      case 'notIn':
        return `!((Array.isArray(${b}) || typeof ${b} === 'string') && ${b}.indexOf(${a}) > -1)`;
      case 'contains':
        return `(Array.isArray(${a}) && ${a}.indexOf(${b}) > -1)`;
      case 'doesNotContain':
        return `(Array.isArray(${a}) && ${a}.indexOf(${b}) === -1)`;
      case 'matches':
        return `h.matches(${a}, ${b})`;
      default:
        // An operator the schema does not know never holds (json-rules-engine would throw).
        return 'false';
    }
  }

  predicate(cond: TopLevelCondition, explaining = false, params = 'f'): string {
    this.reset();
    const e = explaining ? this.explainExpr(cond, []) : this.expr(cond, []);
    return `function (${params}) {\n  ${this.prelude.join('\n  ')}\n  return ${e};\n}`;
  }
}

/** The per-item facts of a checklist item, in the locals `a` (answer) and `p` (photo count). */
export const ITEM_LOCALS: ReadonlyMap<string, string> = new Map([
  ['answer', 'a'],
  ['photos', 'p'],
]);

/**
 * Generate source for many conditions at once (one constants table). Fact reads are hoisted into
 * locals; every leaf is evaluated, as the explaining evaluator does, so both see the same facts.
 */
export function generate(conds: readonly TopLevelCondition[], named: NamedConditions): GeneratedSource {
  const g = new Generator(named);
  const fns = conds.map((c) => g.predicate(c));
  return { body: `'use strict';\nreturn [\n${fns.join(',\n')}\n];`, constants: g.constants.values };
}

/**
 * Generate explaining functions: each returns the same explanation tree as `explain`, with every
 * fact read once and every node built as a literal.
 */
export function generateExplainers(
  conds: readonly TopLevelCondition[],
  named: NamedConditions,
  options: { item?: boolean } = {},
): GeneratedSource {
  const g = new Generator(named);
  if (options.item) g.itemLocals = ITEM_LOCALS;
  const fns = conds.map((c) => g.predicate(c, true, options.item ? 'f, a, p' : 'f'));
  return { body: `'use strict';\nreturn [\n${fns.join(',\n')}\n];`, constants: g.constants.values };
}

/**
 * An explainer: the explanation of one condition. Item explainers (checklist conditions) take the
 * item's `answer` and `photos` as arguments; the record's facts come in `facts`.
 */
export type Explainer = (facts: Facts, answer?: unknown, photos?: number) => Trace;

/** Turn generated explainer source into functions. Uses `Function`: not for pages that forbid eval. */
export function instantiateExplainers(src: GeneratedSource): Explainer[] {
  const factory = new Function('c', 'h', src.body) as (c: unknown[], h: typeof HELPERS) => Explainer[];
  return factory(src.constants, HELPERS);
}

/**
 * Turn generated source into predicates. Uses `Function`: not for pages that forbid eval.
 *
 * @example
 * ```ts
 * import { generate, instantiate } from '@gridsafe/engine';
 * const [heavy] = instantiate(generate([{ all: [{ fact: 'storedKg', operator: 'greaterThan', value: 100 }] }], new Map()));
 * console.log(heavy?.({ storedKg: 150 })); // true
 * ```
 */
export function instantiate(src: GeneratedSource): Predicate[] {
  const factory = new Function('c', 'h', src.body) as (c: unknown[], h: typeof HELPERS) => Predicate[];
  return factory(src.constants, HELPERS);
}

/**
 * An ES module that exports the predicates, for building a pack ahead of time: a page with a
 * strict Content-Security-Policy imports it and never evaluates code at run time. Constants are
 * written as JavaScript literals, so `Infinity` and `-Infinity` survive.
 *
 * @example
 * ```ts
 * import { generate, toModuleSource } from '@gridsafe/engine';
 * const src = generate([{ all: [{ fact: 'storedKg', operator: 'greaterThan', value: 100 }] }], new Map());
 * console.log(toModuleSource(src).includes('export const predicates')); // true
 * ```
 */
export function toModuleSource(src: GeneratedSource, helpersImport = '@gridsafe/engine'): string {
  return [
    `import { HELPERS as h } from ${JSON.stringify(helpersImport)};`,
    `const c = [${src.constants.map(literal).join(', ')}];`,
    `export const predicates = (function (c, h) {\n${src.body}\n})(c, h);`,
    '',
  ].join('\n');
}
