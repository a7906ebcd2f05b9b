import { explainProvenance, type ResolvedPack } from '@gridsafe/engine';
import type { Bilingual } from '@gridsafe/schema';

/** One element of a resolved pack: its id, the collection it sits in, and its own fields. */
export interface Element {
  id: string;
  /** The collection (`items`, `tiers`, `requirements`…), or `file` for a rule file. */
  kind: string;
  label?: Bilingual;
  /** The element with nested elements replaced by their ids. */
  own: Record<string, unknown>;
}

/** Where an element came from: the last pack operation that touched it and the clause it cites. */
export interface Origin {
  pack: string;
  version: string;
  file: string;
  op: string;
  /** The clause the last operation cites, or (when it cites none and is no local default) the last clause cited before it. */
  cites?: string;
  /** The last operation marks what it set as a local default: the policy texts do not fix it. */
  localDefault?: boolean;
}

/** A field that differs between two versions of an element. */
export interface FieldChange {
  field: string;
  a: unknown;
  b: unknown;
}

/** The difference between two resolved packs, element by element. */
export interface PackDiff {
  a: { id: string; version: string };
  b: { id: string; version: string };
  added: { id: string; kind: string; label?: Bilingual; provenance?: Origin }[];
  removed: { id: string; kind: string; label?: Bilingual; provenance?: Origin }[];
  changed: { id: string; kind: string; label?: Bilingual; fields: FieldChange[]; provenance: { a?: Origin; b?: Origin } }[];
}

const isElement = (v: unknown): v is Record<string, unknown> & { id: string } =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as { id?: unknown }).id === 'string';

function shallow(node: unknown, top: boolean): unknown {
  if (Array.isArray(node)) return node.map((x) => shallow(x, false));
  if (node && typeof node === 'object') {
    if (!top && isElement(node) && 'source' in node) return `#${node.id}`;
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, shallow(v, false)]));
  }
  return node;
}

/**
 * Every element of a resolved pack (rule files, and everything inside them with an id and a source).
 *
 * @example
 * ```ts
 * import { elements } from '@gridsafe/cli';
 * import type { ResolvedPack } from '@gridsafe/engine';
 * declare const pack: ResolvedPack;
 * console.log([...elements(pack).values()].filter((e) => e.kind === 'items').length);
 * ```
 */
export function elements(pack: ResolvedPack): Map<string, Element> {
  const out = new Map<string, Element>();
  const visit = (node: unknown, kind: string): void => {
    if (Array.isArray(node)) for (const x of node) visit(x, kind);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (isElement(o) && ('source' in o || kind === 'file') && !out.has(o.id)) {
        const label = (o.text ?? o.title ?? o.name) as Bilingual | undefined;
        out.set(o.id, {
          id: o.id,
          kind,
          ...(label && typeof label === 'object' ? { label } : {}),
          own: shallow(o, true) as Record<string, unknown>,
        });
      }
      for (const [k, v] of Object.entries(o)) if (v && typeof v === 'object') visit(v, k);
    }
  };
  const files = [
    ...pack.catalogs,
    ...pack.hierarchies,
    ...pack.checklists,
    ...pack.standards,
    ...pack.requirements,
    ...pack.escalations,
    ...pack.scorings,
  ];
  for (const f of files) visit(f, 'file');
  return out;
}

/**
 * The origin of an element in a pack: the last operation that touched it, and the clause it cites.
 *
 * @example
 * ```ts
 * import { origin } from '@gridsafe/cli';
 * import type { ResolvedPack } from '@gridsafe/engine';
 * declare const pack: ResolvedPack;
 * console.log(origin(pack, 'chibi.village.05')); // { pack: 'chibi', file: 'rules/chibi/checklist-village.json', op: 'define', … }
 * ```
 */
export function origin(pack: ResolvedPack, id: string): Origin | undefined {
  const steps = explainProvenance(pack, id);
  const last = steps.at(-1);
  if (!last) return undefined;
  // An operation's own provenance wins: a county's citation, or its local-default mark, replaces the parent's.
  const cite = last.source?.length
    ? last.source[0]
    : last.localDefault
      ? undefined
      : [...steps].reverse().find((s) => s.source?.length)?.source?.[0];
  return {
    pack: last.pack,
    version: last.version,
    file: last.file,
    op: last.op,
    ...(cite ? { cites: `${cite.seed} ${cite.clause}` } : {}),
    ...(last.localDefault && !last.source?.length ? { localDefault: true } : {}),
  };
}

const json = (v: unknown) => JSON.stringify(v);

const refs = (v: unknown): string[] | undefined =>
  Array.isArray(v) && v.every((x) => typeof x === 'string' && x.startsWith('#')) ? (v as string[]) : undefined;

/** A list of nested elements that differs only by elements added or removed (reported on their own). */
function onlyMembership(a: unknown, b: unknown): boolean {
  const ra = refs(a);
  const rb = refs(b);
  if (!ra || !rb) return false;
  const kept = new Set(rb);
  const before = ra.filter((x) => kept.has(x));
  const had = new Set(ra);
  const after = rb.filter((x) => had.has(x));
  return json(before) === json(after);
}

/**
 * Compare two resolved packs: elements added, removed and changed (field by field), with provenance.
 *
 * @example
 * ```ts
 * import { diffPacks } from '@gridsafe/cli';
 * import type { ResolvedPack } from '@gridsafe/engine';
 * declare const before: ResolvedPack;
 * declare const after: ResolvedPack;
 * const d = diffPacks(before, after);
 * console.log(d.added.map((e) => e.id), d.changed.map((e) => `${e.id}: ${e.fields.map((f) => f.field)}`));
 * ```
 */
export function diffPacks(a: ResolvedPack, b: ResolvedPack): PackDiff {
  const ea = elements(a);
  const eb = elements(b);
  const pick = (e: Element) => ({ id: e.id, kind: e.kind, ...(e.label ? { label: e.label } : {}) });
  const withOrigin = (p: ResolvedPack, e: Element) => {
    const o = origin(p, e.id);
    return { ...pick(e), ...(o ? { provenance: o } : {}) };
  };
  const diff: PackDiff = { a: { id: a.id, version: a.version }, b: { id: b.id, version: b.version }, added: [], removed: [], changed: [] };
  for (const [id, e] of eb) if (!ea.has(id)) diff.added.push(withOrigin(b, e));
  for (const [id, e] of ea) if (!eb.has(id)) diff.removed.push(withOrigin(a, e));
  for (const [id, e] of ea) {
    const f = eb.get(id);
    if (!f || json(e.own) === json(f.own)) continue;
    const keys = [...new Set([...Object.keys(e.own), ...Object.keys(f.own)])];
    const fields = keys
      .filter((k) => json(e.own[k]) !== json(f.own[k]) && !onlyMembership(e.own[k], f.own[k]))
      .map((k) => ({ field: k, a: e.own[k], b: f.own[k] }));
    if (fields.length === 0) continue;
    const oa = origin(a, id);
    const ob = origin(b, id);
    diff.changed.push({ ...pick(f), fields, provenance: { ...(oa ? { a: oa } : {}), ...(ob ? { b: ob } : {}) } });
  }
  return diff;
}
