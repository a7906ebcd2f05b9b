import type { Issue } from '../../errors/issues.js';
import { makeIssue } from '../../errors/render.js';
import { placerOf } from '../source.js';
import type { Origins } from './origins.js';
import { Workspace } from './overlay.js';
import type { PackSource, Placed, ProvenanceStep, SourceRuleFile } from './types.js';

/** What merging a chain of packs gives: the working files, provenance of every element, and problems. */
export interface Merged {
  workspace: Workspace;
  provenance: Map<string, ProvenanceStep[]>;
  issues: Issue[];
}

function defineSteps(data: unknown, name: string, source: PackSource, out: Map<string, ProvenanceStep[]>): void {
  const { id, version } = source.manifest.data;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const x of node) if (x !== null && typeof x === 'object') visit(x);
    } else if (node !== null && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.id === 'string' && !out.has(o.id)) {
        out.set(o.id, [
          {
            pack: id,
            version,
            file: name,
            op: 'define',
            ...(Array.isArray(o.source) ? { source: o.source as ProvenanceStep['source'] } : {}),
            ...(o.localDefault === true ? { localDefault: true } : {}),
          },
        ]);
      }
      for (const k in o) {
        const v = o[k];
        if (v !== null && typeof v === 'object') visit(v);
      }
    }
  };
  visit(data);
}

/**
 * Merge a chain of pack versions (parents first): copy each pack's files, then apply its overlays
 * in order, recording the provenance of every element. The one resolver every command and API
 * uses: the validator runs it on every pack and checks what it produces; `resolvePack` runs it to
 * give the evaluators their pack. With `origins`, every object of the result knows where it was
 * written, so problems found in the result are located in the file (or overlay) that caused them.
 * Never throws: sources that are not an array of schema-valid packs give a `codec.invalid` issue.
 * The sources are never changed.
 *
 * @example
 * ```ts
 * import { linearize, mergeChain, type PackSet } from '@gridsafe/schema';
 * declare const set: PackSet;
 * const chain = linearize(set, 'chibi', '2018-03-01');
 * if (!chain.some((x) => 'code' in x)) {
 *   const merged = mergeChain(chain as never);
 *   console.log([...merged.workspace.files.keys()], merged.issues.length);
 * }
 * ```
 */
export function mergeChain(
  sources: readonly PackSource[],
  options: { origins?: Origins; placer?: (f: SourceRuleFile) => Placed } = {},
): Merged {
  const placer = options?.placer ?? placerOf;
  const workspace = new Workspace(options?.origins);
  const provenance = new Map<string, ProvenanceStep[]>();
  const issues: Issue[] = [];
  if (!Array.isArray(sources)) {
    issues.push(
      makeIssue('codec.invalid', { file: '(request)', line: 1, column: 1, pointer: '' }, { expected: 'an array of pack sources' }),
    );
    return { workspace, provenance, issues };
  }
  try {
    mergeInto(sources, placer, workspace, provenance, issues);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    issues.push(
      makeIssue(
        'codec.invalid',
        { file: '(request)', line: 1, column: 1, pointer: '' },
        { expected: `schema-valid pack sources (${detail})` },
      ),
    );
  }
  return { workspace, provenance, issues };
}

function mergeInto(
  sources: readonly PackSource[],
  placer: (f: SourceRuleFile) => Placed,
  workspace: Workspace,
  provenance: Map<string, ProvenanceStep[]>,
  issues: Issue[],
): void {
  for (const source of sources) {
    const packId = source.manifest.data.id;
    for (const f of source.files) {
      const working = workspace.addFile(f, packId, placer(f));
      defineSteps(working.data, f.name, source, provenance);
    }
    const overlays = source.manifest.data.overlays;
    if (!overlays || overlays.length === 0) continue;
    const src = placer(source.manifest);
    overlays.forEach((op, i) => {
      const r = workspace.apply(source.manifest, src, op, i);
      if ('code' in r) issues.push(r);
      else
        for (const [touched, step] of r.touched) {
          const steps = provenance.get(touched);
          if (steps) steps.push(step);
          else provenance.set(touched, [step]);
        }
    });
  }
}
