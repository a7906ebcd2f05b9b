import {
  type CasesFile,
  type CatalogFile,
  type ChecklistFile,
  type EscalationFile,
  type HierarchyFile,
  type Issue,
  linearize,
  makeIssue,
  mergeChain,
  type RequirementsFile,
  type ScoringFile,
  type StandardFile,
} from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';
import type { PackSet, PackSource, ProvenanceStep, ResolvedPack } from './types.js';

/** Options of {@link resolvePack}. */
export interface ResolveOptions {
  /** Use the versions in force on this date (YYYY-MM-DD). Without it, the latest versions. */
  asOf?: string;
}

/**
 * Resolve a pack: choose the versions in force, merge its `extends` chain parents first, apply
 * each pack's overlays in order, and record the provenance of every element. A pure function of
 * its inputs; problems come back as located issues. This is the same resolver the validator runs on
 * every pack (`mergeChain` in `@gridsafe/schema`): a pack set from `loadPackSet` or
 * `packSetFromFiles` has had every pack resolved and the result checked, so what validation accepts
 * resolves here. A set built by hand is taken as valid: it is not checked again, but arguments of
 * the wrong type, or a set whose files are not what their kinds say, come back as a `codec.invalid`
 * issue: it never throws.
 *
 * @example
 * ```ts
 * import { resolvePack } from '@gridsafe/engine';
 * import { loadPackSet } from '@gridsafe/engine/node';
 * const set = loadPackSet('rules/');
 * if (set._tag === 'Right') {
 *   const pack = resolvePack(set.right, 'chibi', { asOf: '2018-03-01' });
 *   if (pack._tag === 'Right') console.log(pack.right.checklists.map((c) => c.id));
 * }
 * ```
 */
export function resolvePack(set: PackSet, id: string, options: ResolveOptions = {}): E.Either<Issue[], ResolvedPack> {
  const bad = badArguments(set, id, options);
  if (bad) return E.left([bad]);
  try {
    return resolveChecked(set, id, options ?? {});
  } catch (e) {
    // A pack set built by hand that skipped validation: said as a located issue, never thrown.
    return E.left([
      makeIssue('codec.invalid', REQUEST, { expected: `a pack set of schema-valid files (${e instanceof Error ? e.message : String(e)})` }),
    ]);
  }
}

const REQUEST = { file: '(request)', line: 1, column: 1, pointer: '' };

/** The issue for arguments of the wrong type, or undefined. */
export function badArguments(set: unknown, id: unknown, options: unknown): Issue | undefined {
  if (!(set instanceof Map)) return makeIssue('codec.invalid', REQUEST, { expected: 'a pack set (a Map of pack id to versions)' });
  if (typeof id !== 'string') return makeIssue('codec.invalid', { ...REQUEST, pointer: '/id' }, { expected: 'a pack id (string)' });
  if (options !== undefined && options !== null && (typeof options !== 'object' || Array.isArray(options)))
    return makeIssue('codec.invalid', { ...REQUEST, pointer: '/options' }, { expected: 'options { asOf?: YYYY-MM-DD }' });
  const asOf = (options as { asOf?: unknown } | null | undefined)?.asOf;
  if (asOf !== undefined && (typeof asOf !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)))
    return makeIssue('codec.invalid', { ...REQUEST, pointer: '/options/asOf' }, { expected: 'a date YYYY-MM-DD' });
  return undefined;
}

function resolveChecked(set: PackSet, id: string, options: ResolveOptions): E.Either<Issue[], ResolvedPack> {
  const chain = linearize(set, id, options.asOf);
  if (chain.length > 0 && 'code' in (chain[0] as object)) return E.left(chain as Issue[]);
  const sources = chain as PackSource[];
  const merged = mergeChain(sources);
  if (merged.issues.length > 0) return E.left(merged.issues);
  const files = merged.workspace.files;
  const provenance = merged.provenance;
  const top = sources[sources.length - 1] as PackSource;
  const of = <K extends string, T>(kind: K) => [...files.values()].filter((f) => f.data.kind === kind).map((f) => f.data as unknown as T);
  const from = sources
    .map((s) => s.manifest.data.effective.from)
    .sort()
    .at(-1) as string;
  const tos = sources
    .map((s) => s.manifest.data.effective.to)
    .filter((t): t is string => t !== undefined)
    .sort();
  return E.right({
    id: top.manifest.data.id,
    version: top.manifest.data.version,
    ...(options.asOf ? { asOf: options.asOf } : {}),
    chain: sources.map((s) => ({
      id: s.manifest.data.id,
      version: s.manifest.data.version,
      from: s.manifest.data.effective.from,
      ...(s.manifest.data.effective.to ? { to: s.manifest.data.effective.to } : {}),
    })),
    effective: { from, ...(tos[0] ? { to: tos[0] } : {}) },
    catalogs: of<'catalog', CatalogFile>('catalog'),
    hierarchies: of<'hierarchy', HierarchyFile>('hierarchy'),
    checklists: of<'checklist', ChecklistFile>('checklist'),
    standards: of<'standard', StandardFile>('standard'),
    requirements: of<'requirements', RequirementsFile>('requirements'),
    escalations: of<'escalation', EscalationFile>('escalation'),
    scorings: of<'scoring', ScoringFile>('scoring'),
    cases: of<'cases', CasesFile>('cases'),
    provenance,
  });
}

/**
 * How an element of a resolved pack came to be: the pack, file and operation that defined it,
 * then each overlay that changed it, with the clauses they cite.
 *
 * @example
 * ```ts
 * import { explainProvenance, type ResolvedPack } from '@gridsafe/engine';
 * declare const pack: ResolvedPack;
 * for (const step of explainProvenance(pack, 'chibi.community.01')) console.log(step.pack, step.op, step.file);
 * ```
 */
export function explainProvenance(pack: ResolvedPack, id: string): readonly ProvenanceStep[] {
  return pack.provenance.get(id) ?? [];
}
