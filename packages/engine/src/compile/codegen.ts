import type { NestedCondition, TopLevelCondition } from '@gridsafe/schema';
import { atPath, matches, numeric, pathSegments } from './operators.js';
import type { NamedConditions, Predicate } from './types.js';

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

/** Runtime helpers the generated code calls. */
export const HELPERS: {
  /** json-rules-engine's guard for numeric operators. */
  numeric: typeof numeric;
  /** The bounded `matches` operator. */
  matches: typeof matches;
  /** Value at a plain path inside a fact. */
  atPath: typeof atPath;
} = { numeric, matches, atPath };

const NUMERIC: Record<string, string> = { lessThan: '<', lessThanInclusive: '<=', greaterThan: '>', greaterThanInclusive: '>=' };

class Generator {
  readonly constants: unknown[] = [];
  private readonly index = new Map<string, number>();
  private locals = 0;
  private readonly prelude: string[] = [];

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

  /** A local holding a fact (at a path), so each is read once per predicate call. */
  read(fact: string, path: string | undefined): string {
    const name = `v${this.locals++}`;
    const base = `f[${JSON.stringify(fact)}]`;
    this.prelude.push(`const ${name} = ${path ? `h.atPath(${base}, ${this.constant(pathSegments(path))})` : base};`);
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

  private leaf(cond: Extract<NestedCondition, { fact: string }>): string {
    const a = this.read(cond.fact, cond.path);
    const v = cond.value as unknown;
    const b =
      v !== null && typeof v === 'object' && !Array.isArray(v) && Object.hasOwn(v, 'fact')
        ? this.read(String((v as { fact: string }).fact), (v as { path?: string }).path)
        : this.constant(v);
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

  predicate(cond: TopLevelCondition): string {
    this.prelude.length = 0;
    const e = this.expr(cond, []);
    return `function (f) {\n  ${this.prelude.join('\n  ')}\n  return ${e};\n}`;
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
