import type { NestedCondition, TopLevelCondition } from '@gridsafe/schema';
import { atPath, matches, numeric, pathSegments } from './operators.js';
import type { Facts, NamedConditions, Predicate, Trace } from './types.js';

/**
 * Generated source for a set of conditions, in ajv's manner: built from the validated tree only.
 * Fact names and rule values never appear as code: fact names enter as JSON-serialised string
 * literals, every rule value as an index into the constants table `c`.
 */
export interface GeneratedSource {
  /** The body of `function (c, h) { ... }` returning an array of predicates `(f) => boolean`. */
  body: string;
  /** The constants table: rule values and parsed paths, by index. */
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
  all: (children, name) => group('all', children, name),
  any: (children, name) => group('any', children, name),
  not: (child) => ({ kind: 'not', result: !child.result, children: [child] }),
  ref: (name, child) => ({ kind: 'condition', name, result: child.result, children: [child] }),
};

const NUMERIC: Record<string, string> = { lessThan: '<', lessThanInclusive: '<=', greaterThan: '>', greaterThanInclusive: '>=' };

class Generator {
  readonly constants: unknown[] = [];
  private readonly index = new Map<string, number>();
  private locals = 0;
  readonly prelude: string[] = [];
  private readonly cache = new Map<string, string>();
  /** In checklist mode, the per-item facts `answer` and `photos` live in these locals. */
  itemLocals: Record<string, string> | undefined;

  constructor(private readonly named: NamedConditions) {}

  constant(value: unknown): string {
    const key = JSON.stringify(value);
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.constants.push(value) - 1;
      this.index.set(key, i);
    }
    return `c[${i}]`;
  }

  /** A local holding a fact (at a path), read once per call; per-item facts read from their locals. */
  read(fact: string, path: string | undefined): string {
    const item = this.itemLocals?.[fact];
    if (item) return path ? `h.atPath(${item}, ${this.constant(pathSegments(path))})` : item;
    const key = `${fact}\u0000${path ?? ''}`;
    const known = this.cache.get(key);
    if (known) return known;
    const name = `v${this.locals++}`;
    const base = `f[${JSON.stringify(fact)}]`;
    this.prelude.push(`const ${name} = ${path ? `h.atPath(${base}, ${this.constant(pathSegments(path))})` : base};`);
    this.cache.set(key, name);
    return name;
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
    const cmp = NUMERIC[cond.operator];
    if (cmp) return `(h.numeric(${a}) && ${a} ${cmp} ${b})`;
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
      default:
        return `h.matches(${a}, ${b})`;
    }
  }

  predicate(cond: TopLevelCondition, explaining = false, params = 'f'): string {
    this.prelude.length = 0;
    this.cache.clear();
    const e = explaining ? this.explainExpr(cond, []) : this.expr(cond, []);
    return `function (${params}) {\n  ${this.prelude.join('\n  ')}\n  return ${e};\n}`;
  }
}

/**
 * Generate source for many conditions at once (one constants table). Fact reads are hoisted into
 * locals; every leaf is evaluated, as the explaining evaluator does, so both see the same facts.
 */
export function generate(conds: readonly TopLevelCondition[], named: NamedConditions): GeneratedSource {
  const g = new Generator(named);
  const fns = conds.map((c) => g.predicate(c));
  return { body: `'use strict';\nreturn [\n${fns.join(',\n')}\n];`, constants: g.constants };
}

/** One checklist item's conditions, for {@link generateChecklist}. */
export interface ItemConditions {
  hazard: TopLevelCondition;
  major?: TopLevelCondition;
}

/**
 * Evaluates a whole checklist for one record: `answers[i]` and `photos[i]` by item, record facts
 * `f`; writes per item 0 (ok or unanswered), 1 (hazard) or 2 (hazard whose major condition holds)
 * into `out` from `offset`.
 */
export type ChecklistKernel = (f: Facts, answers: readonly unknown[], photos: readonly number[], out: Uint8Array, offset: number) => void;

/**
 * Generate one function for a whole checklist: each record fact is read once into a local, and
 * every item's hazard and major conditions are evaluated inline. Same rules as {@link generate}:
 * only fact names (as JSON string literals) and constants-table indices enter the code.
 */
export function generateChecklist(items: readonly ItemConditions[], named: NamedConditions): GeneratedSource {
  const g = new Generator(named);
  g.itemLocals = { answer: 'a', photos: 'p' };
  const lines = items.map((item, i) => {
    const hazard = g.expr(item.hazard, []);
    const major = item.major ? g.expr(item.major, []) : 'false';
    return `  a = ans[${i}];\n  if (a === null || a === undefined) out[o + ${i}] = 0;\n  else { p = ph[${i}]; out[o + ${i}] = ${hazard} ? (${major} ? 2 : 1) : 0; }`;
  });
  const body = `'use strict';\nreturn function (f, ans, ph, out, o) {\n  ${g.prelude.join('\n  ')}\n  let a, p;\n${lines.join('\n')}\n};`;
  return { body, constants: g.constants };
}

/** Turn generated checklist source into its kernel. Uses `Function`: not for pages that forbid eval. */
export function instantiateChecklist(src: GeneratedSource): ChecklistKernel {
  const factory = new Function('c', 'h', src.body) as (c: unknown[], h: typeof HELPERS) => ChecklistKernel;
  return factory(src.constants, HELPERS);
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
  if (options.item) g.itemLocals = { answer: 'a', photos: 'p' };
  const fns = conds.map((c) => g.predicate(c, true, options.item ? 'f, a, p' : 'f'));
  return { body: `'use strict';\nreturn [\n${fns.join(',\n')}\n];`, constants: g.constants };
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

/** Turn generated source into predicates. Uses `Function`: not for pages that forbid eval. */
export function instantiate(src: GeneratedSource): Predicate[] {
  const factory = new Function('c', 'h', src.body) as (c: unknown[], h: typeof HELPERS) => Predicate[];
  return factory(src.constants, HELPERS);
}

/**
 * An ES module that exports the predicates, for building a pack ahead of time: a page with a
 * strict Content-Security-Policy imports it and never evaluates code at run time.
 */
export function toModuleSource(src: GeneratedSource, helpersImport = '@gridsafe/engine'): string {
  return [
    `import { HELPERS as h } from ${JSON.stringify(helpersImport)};`,
    `const c = ${JSON.stringify(src.constants)};`,
    `export const predicates = (function (c, h) {\n${src.body}\n})(c, h);`,
    '',
  ].join('\n');
}
