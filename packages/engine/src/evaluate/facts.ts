import { type FactDecl, type Issue, makeIssue, toPointer } from '@gridsafe/schema';
import type { ResolvedPack } from '../resolve/types.js';

const catalogCache = new WeakMap<ResolvedPack, Map<string, FactDecl>>();

/** Every fact the pack declares, by id. */
export function factCatalog(pack: ResolvedPack): Map<string, FactDecl> {
  let map = catalogCache.get(pack);
  if (!map) {
    map = new Map();
    for (const c of pack.catalogs) for (const f of c.facts) map.set(f.id, f);
    catalogCache.set(pack, map);
  }
  return map;
}

/** Whether a fact value has the catalogue type `type` (null and undefined fit every type). */
export function fits(type: string, v: unknown): boolean {
  if (v === null || v === undefined) return true;
  switch (type) {
    case 'boolean':
      return typeof v === 'boolean';
    case 'integer':
      return Number.isInteger(v);
    case 'number':
      return typeof v === 'number';
    case 'string':
    case 'date':
      return typeof v === 'string';
    case 'string[]':
      return Array.isArray(v) && v.every((x) => typeof x === 'string');
    case 'number[]':
      return Array.isArray(v) && v.every((x) => typeof x === 'number');
    case 'object':
      return typeof v === 'object' && !Array.isArray(v);
    default:
      return true;
  }
}

/**
 * Check host facts against the catalogue: each must be declared, with a value of its type.
 * Returns located issues (pointer under `base`), and a prototype-free copy to evaluate on.
 */
export function checkFacts(
  pack: ResolvedPack,
  facts: Readonly<Record<string, unknown>>,
  name: string,
  base: (string | number)[],
): { facts: Record<string, unknown>; issues: Issue[] } {
  const catalog = factCatalog(pack);
  const issues: Issue[] = [];
  const out: Record<string, unknown> = Object.create(null);
  for (const [k, v] of Object.entries(facts)) {
    const decl = catalog.get(k);
    const at = () => ({ file: name, line: 0, column: 0, pointer: toPointer([...base, k]) });
    if (!decl) issues.push(makeIssue('ref.unknown', at(), { refKind: 'fact', id: k }, { found: k }));
    else if (!fits(decl.type, v))
      issues.push(
        makeIssue(
          'codec.invalid',
          at(),
          { expected: decl.type },
          { expected: decl.type, found: JSON.stringify(v)?.slice(0, 60) ?? 'undefined' },
        ),
      );
    else out[k] = v;
  }
  return { facts: out, issues };
}
