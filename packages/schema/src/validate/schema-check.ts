import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Issue } from '../errors/issues.js';
import { makeIssue } from '../errors/render.js';
import { RULE_FILE_KINDS, type RuleFileKind, ruleFileSchema } from '../kinds/index.js';
import type { Loc } from './condition-check.js';
import { locate, type SourceFile } from './source.js';

// ajv-formats is CommonJS: under ESM its plugin is the module's `default`.
type FormatsPlugin = typeof import('ajv-formats').default;
const addFormats: FormatsPlugin =
  (addFormatsModule as unknown as { default?: FormatsPlugin }).default ?? (addFormatsModule as unknown as FormatsPlugin);

let validators: Map<RuleFileKind, ValidateFunction> | undefined;

function getValidator(kind: RuleFileKind): ValidateFunction {
  if (!validators) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, discriminator: true, verbose: true });
    addFormats(ajv, ['date', 'date-time']);
    validators = new Map(RULE_FILE_KINDS.map((k) => [k, ajv.compile(ruleFileSchema(k))]));
  }
  return validators.get(kind) as ValidateFunction;
}

function describeFound(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  const s = JSON.stringify(value);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function branchTypes(schema: unknown): string {
  const branches = Array.isArray(schema) ? schema : [];
  return branches.map((b: { type?: string; const?: unknown }) => (b.const !== undefined ? JSON.stringify(b.const) : b.type)).join(' | ');
}

function toIssue(loc: Loc, e: ErrorObject): Issue | undefined {
  const ptr = e.instancePath;
  const found = describeFound(e.data);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'if':
      return undefined;
    case 'required':
      return makeIssue('schema.required', loc(ptr), { property: String(p.missingProperty) }, { expected: String(p.missingProperty) });
    case 'additionalProperties': {
      const property = String(p.additionalProperty);
      const at = loc(`${ptr}/${property.replace(/~/g, '~0').replace(/\//g, '~1')}`, true);
      return makeIssue('schema.unknownProperty', at, { property }, { found: property });
    }
    case 'type':
      return makeIssue('schema.type', loc(ptr), { expected: String(p.type) }, { expected: String(p.type), found });
    case 'anyOf':
    case 'oneOf':
      return makeIssue('schema.type', loc(ptr), { expected: branchTypes(e.schema) }, { expected: branchTypes(e.schema), found });
    case 'enum':
    case 'const': {
      const allowed = (e.keyword === 'enum' ? (p.allowedValues as unknown[]) : [p.allowedValue]).map(String);
      return makeIssue('schema.enum', loc(ptr), { allowed }, { expected: allowed.join(' | '), found });
    }
    case 'discriminator': {
      const variants = ((e.parentSchema as { oneOf?: { properties?: Record<string, { const?: unknown }> }[] })?.oneOf ?? []).map((v) =>
        String(v.properties?.[String(p.tag)]?.const),
      );
      const at = p.error === 'tag' ? loc(ptr) : loc(`${ptr}/${String(p.tag)}`);
      if (p.error === 'tag' && e.data && typeof e.data === 'object' && !(String(p.tag) in (e.data as object))) {
        return makeIssue('schema.required', at, { property: String(p.tag) }, { expected: String(p.tag) });
      }
      return makeIssue('schema.enum', at, { allowed: variants }, { expected: variants.join(' | '), found: describeFound(p.tagValue) });
    }
    case 'pattern':
      if (e.schemaPath.endsWith('/properties/path/pattern')) {
        return makeIssue('condition.unsafePath', loc(ptr), { path: String(e.data) }, { found });
      }
      return makeIssue('schema.pattern', loc(ptr), { pattern: String(p.pattern) }, { expected: String(p.pattern), found });
    case 'format':
      return makeIssue('schema.format', loc(ptr), { format: String(p.format) }, { expected: String(p.format), found });
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return makeIssue(
        'schema.range',
        loc(ptr),
        { comparison: String(p.comparison), limit: Number(p.limit) },
        {
          expected: `${p.comparison} ${p.limit}`,
          found,
        },
      );
    case 'minItems':
    case 'maxItems':
    case 'minLength':
    case 'maxLength':
    case 'minProperties':
    case 'maxProperties':
      return makeIssue(
        'schema.size',
        loc(ptr),
        { keyword: e.keyword, limit: Number(p.limit) },
        {
          expected: `${e.keyword} ${p.limit}`,
          found,
        },
      );
    case 'uniqueItems':
      return makeIssue('schema.unique', loc(`${ptr}/${p.i}`), { first: Number(p.j), second: Number(p.i) });
    default:
      return makeIssue('schema.other', loc(ptr), { keyword: e.keyword, detail: e.message ?? '' }, { found });
  }
}

/**
 * Validate a parsed value against the schema of its kind and return located issues. Errors from
 * the alternatives of a union are folded into the union's own error, so each fault is reported once.
 */
export function checkSchema(file: SourceFile | Loc, kind: RuleFileKind, value: unknown): Issue[] {
  const loc: Loc = typeof file === 'function' ? file : (p, k) => locate(file, p, k);
  const validate = getValidator(kind);
  if (validate(value)) return [];
  const errors = validate.errors ?? [];
  // anyOf (a plain union such as number | string) is reported once, as the union.
  const unions = errors.filter((e) => e.keyword === 'anyOf').map((e) => `${e.schemaPath}/`);
  const kept = errors.filter((e) => !unions.some((u) => e.schemaPath.startsWith(u)));
  // oneOf carries a discriminator: the chosen variant's own errors say more than the oneOf.
  const explained = (e: ErrorObject) =>
    kept.some(
      (o) =>
        o !== e && (o.schemaPath.startsWith(`${e.schemaPath}/`) || (o.keyword === 'discriminator' && o.instancePath === e.instancePath)),
    );
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const e of kept) {
    if (e.keyword === 'oneOf' && explained(e)) continue;
    const issue = toIssue(loc, e);
    if (!issue) continue;
    const key = `${issue.code}|${issue.pointer}|${JSON.stringify(issue.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues;
}
