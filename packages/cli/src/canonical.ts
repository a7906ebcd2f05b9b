import { RULE_FILE_KINDS, type RuleFileKind, ruleFileSchema } from '@gridsafe/schema';

type Schema = Record<string, unknown>;

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function deref(s: unknown, root: Schema): Schema {
  let cur = (isObj(s) ? s : {}) as Schema;
  for (let i = 0; i < 20 && typeof cur.$ref === 'string'; i++) {
    const name = (cur.$ref as string).replace(/^#\/\$defs\//, '');
    cur = ((root.$defs as Schema | undefined)?.[name] ?? {}) as Schema;
  }
  return cur;
}

/** The branch of a oneOf/anyOf that fits an object best (its discriminator, then the keys it knows). */
function branch(s: Schema, data: Record<string, unknown>, root: Schema): Schema {
  const options = ((s.oneOf ?? s.anyOf) as unknown[] | undefined)?.map((o) => deref(o, root));
  if (!options) return s;
  let best = s;
  let bestScore = -1;
  for (const o of options) {
    const props = (o.properties ?? {}) as Record<string, Schema>;
    const mismatch = Object.entries(props).some(([k, p]) => p && 'const' in p && data[k] !== p.const);
    if (mismatch) continue;
    const score = Object.keys(data).filter((k) => k in props).length;
    if (score > bestScore) [best, bestScore] = [o, score];
  }
  return best === s ? s : branch(best, data, root);
}

function order(data: unknown, schema: unknown, root: Schema): unknown {
  const s = deref(schema, root);
  if (Array.isArray(data)) return data.map((x, i) => order(x, Array.isArray(s.prefixItems) ? s.prefixItems[i] : s.items, root));
  if (!isObj(data)) return data;
  const b = branch(s, data, root);
  const props = (b.properties ?? {}) as Record<string, unknown>;
  const extra = b.additionalProperties;
  const keys = [...Object.keys(props).filter((k) => k in data), ...Object.keys(data).filter((k) => !(k in props))];
  return Object.fromEntries(keys.map((k) => [k, order(data[k], k in props ? props[k] : isObj(extra) ? extra : undefined, root)]));
}

const schemas = new Map<string, Schema>();

/**
 * Whether parsed JSON is a gridsafe rule file (an object with a known `kind`).
 *
 * @example
 * ```ts
 * import { isRuleFile } from '@gridsafe/cli';
 * console.log(isRuleFile({ kind: 'checklist' }), isRuleFile({ kind: 'recipe' })); // true false
 * ```
 */
export const isRuleFile = (data: unknown): data is { kind: RuleFileKind } =>
  isObj(data) && typeof data.kind === 'string' && (RULE_FILE_KINDS as readonly string[]).includes(data.kind);

/**
 * The canonical text of a rule file: keys in the order of its kind's JSON Schema (keys the schema
 * does not name keep their place after those it does), two-space indentation, a final newline.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { canonical } from '@gridsafe/cli';
 * const text = readFileSync('rules/chibi/pack.json', 'utf8');
 * console.log(canonical(JSON.parse(text)) === text ? 'canonical' : 'run gridsafe fmt');
 * ```
 */
export function canonical(data: { kind: RuleFileKind }): string {
  let schema = schemas.get(data.kind);
  if (!schema) {
    schema = ruleFileSchema(data.kind) as Schema;
    schemas.set(data.kind, schema);
  }
  return `${JSON.stringify(order(data, schema, schema), null, 2)}\n`;
}
