import type { JsonValue, NestedCondition } from '../condition.js';
import type { Issue, Location } from '../errors/issues.js';
import { makeIssue } from '../errors/render.js';
import type { FactDecl } from '../kinds/index.js';
import { LIMITS } from './limits.js';
import { checkRegex } from './regex.js';
import { suggest } from './suggest.js';

const NUMERIC = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);
const SAFE_PATH = /^\$(\.[A-Za-z_][A-Za-z0-9_]{0,63}|\[\d{1,4}\]){1,16}$/;

/** Where a pointer of the file being checked is (with `key`, the property name's place). */
export type Loc = (pointer: string, key?: boolean) => Location;

/** What the condition checker knows about the pack it is checking. */
export interface ConditionContext {
  /** Declared facts; without them only paths and regexes are checked. */
  facts: Map<string, FactDecl> | undefined;
  conditions: Set<string> | undefined;
}

function typeOfValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function scalarMatches(type: string, v: unknown): boolean {
  switch (type) {
    case 'boolean':
      return typeof v === 'boolean';
    case 'integer':
    case 'number':
      return typeof v === 'number';
    case 'string':
      return typeof v === 'string';
    case 'date':
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v);
    default:
      return false;
  }
}

/** The type a plain path reaches inside an object fact, or undefined when the fact has no such property. */
function typeAtPath(fact: FactDecl, path: string): string | undefined {
  const m = /^\$\.([A-Za-z_][A-Za-z0-9_]*)(\[\d+\])?$/.exec(path);
  if (!m || fact.type !== 'object') return undefined;
  const key = m[1] as string;
  const props = fact.properties;
  // Own properties only: `$.constructor` or `$.toString` must not reach Object.prototype.
  const t = props && Object.hasOwn(props, key) ? props[key] : undefined;
  if (typeof t !== 'string') return undefined;
  if (m[2]) return t.endsWith('[]') ? t.slice(0, -2) : undefined;
  return t;
}

/**
 * Check one condition tree against the fact catalogue: facts and named conditions exist, paths are
 * plain and declared, operators fit the fact's type, values fit the operator, regexes are bounded.
 */
export function checkCondition(
  loc: Loc,
  node: NestedCondition,
  pointer: string,
  ctx: ConditionContext,
  answerType: string | undefined,
  out: Issue[],
): void {
  if ('all' in node) node.all.forEach((c, i) => checkCondition(loc, c, `${pointer}/all/${i}`, ctx, answerType, out));
  else if ('any' in node) node.any.forEach((c, i) => checkCondition(loc, c, `${pointer}/any/${i}`, ctx, answerType, out));
  else if ('not' in node) checkCondition(loc, node.not, `${pointer}/not`, ctx, answerType, out);
  else if ('condition' in node) {
    if (ctx.conditions && !ctx.conditions.has(node.condition)) {
      const suggestion = suggest(node.condition, ctx.conditions);
      out.push(
        makeIssue(
          'ref.unknown',
          loc(`${pointer}/condition`),
          { refKind: 'condition', id: node.condition, ...(suggestion ? { suggestion } : {}) },
          { found: node.condition },
        ),
      );
    }
  } else checkLeaf(loc, node, pointer, ctx, answerType, out);
}

function checkLeaf(
  loc: Loc,
  leaf: Extract<NestedCondition, { fact: string }>,
  pointer: string,
  ctx: ConditionContext,
  answerType: string | undefined,
  out: Issue[],
): void {
  checkSafety(loc, leaf, pointer, out);
  if (!ctx.facts) return;
  const decl = ctx.facts.get(leaf.fact);
  if (!decl) {
    const suggestion = suggest(leaf.fact, ctx.facts.keys());
    out.push(
      makeIssue(
        'ref.unknown',
        loc(`${pointer}/fact`),
        { refKind: 'fact', id: leaf.fact, ...(suggestion ? { suggestion } : {}) },
        { found: leaf.fact },
      ),
    );
    return;
  }
  let type: string = leaf.fact === 'answer' && answerType ? answerType : decl.type;
  if (leaf.path !== undefined) {
    if (!SAFE_PATH.test(leaf.path)) return;
    const t = typeAtPath(decl, leaf.path);
    if (!t) {
      out.push(makeIssue('condition.unknownPath', loc(`${pointer}/path`), { fact: leaf.fact, path: leaf.path }, { found: leaf.path }));
      return;
    }
    type = t;
  }
  const value = leaf.value as JsonValue;
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'fact' in value) {
    const ref = String(value.fact);
    if (!ctx.facts.has(ref)) {
      const suggestion = suggest(ref, ctx.facts.keys());
      out.push(
        makeIssue(
          'ref.unknown',
          loc(`${pointer}/value/fact`),
          { refKind: 'fact', id: ref, ...(suggestion ? { suggestion } : {}) },
          { found: ref },
        ),
      );
    }
    return;
  }
  const op = leaf.operator;
  const opIssue = () =>
    out.push(
      makeIssue('condition.operatorType', loc(`${pointer}/operator`), { fact: leaf.fact, factType: type, operator: op }, { found: op }),
    );
  const valueIssue = (expected: string) =>
    out.push(
      makeIssue(
        'condition.valueType',
        loc(`${pointer}/value`),
        { fact: leaf.fact, factType: type, operator: op, expected },
        { expected, found: typeOfValue(value) },
      ),
    );
  const isArrayType = type.endsWith('[]');
  const element = isArrayType ? type.slice(0, -2) : type;
  if (op === 'equal' || op === 'notEqual') {
    if (isArrayType || type === 'object') opIssue();
    else if (!scalarMatches(type, value)) valueIssue(type);
    else if (decl.enum && typeof value === 'string' && leaf.path === undefined && !decl.enum.includes(value))
      valueIssue(decl.enum.map((e) => JSON.stringify(e)).join(' | '));
  } else if (NUMERIC.has(op)) {
    if (!['number', 'integer', 'date'].includes(type)) opIssue();
    else if (!scalarMatches(type, value)) valueIssue(type);
  } else if (op === 'in' || op === 'notIn') {
    if (isArrayType || type === 'object') opIssue();
    else if (!Array.isArray(value) || !value.every((v) => scalarMatches(type, v))) valueIssue(`${type}[]`);
  } else if (op === 'contains' || op === 'doesNotContain') {
    if (!isArrayType) opIssue();
    else if (!scalarMatches(element, value)) valueIssue(element);
  } else if (op === 'matches') {
    if (type !== 'string') opIssue();
    else if (typeof value !== 'string') valueIssue('string');
  }
}

/** Checks that hold whatever the catalogue says: plain paths, bounded and safe regexes. */
function checkSafety(loc: Loc, leaf: Extract<NestedCondition, { fact: string }>, pointer: string, out: Issue[]): void {
  if (leaf.path !== undefined && !SAFE_PATH.test(leaf.path)) {
    out.push(makeIssue('condition.unsafePath', loc(`${pointer}/path`), { path: leaf.path }, { found: leaf.path }));
  }
  if (leaf.operator === 'matches' && typeof leaf.value === 'string') {
    const problem = checkRegex(leaf.value);
    if (problem) {
      const pattern = leaf.value.slice(0, 80);
      out.push(
        makeIssue('regex.unsafe', loc(`${pointer}/value`), { pattern, ...problem, limit: LIMITS.maxRegexLength }, { found: pattern }),
      );
    }
  }
}
