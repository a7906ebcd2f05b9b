import type { Static } from '@sinclair/typebox';
import type { RefKind } from '../errors/issues.js';
import type { ScoreCase } from '../kinds/cases.js';
import { isBlock, type ScoringFile } from '../kinds/scoring.js';
import { deductionSites, elementSites } from './scoring-walk.js';

type Path = (string | number)[];

/** The helpers `indexFile` lends a kind's indexer. */
export interface ScoringIndexHelpers {
  def: (k: RefKind, el: { id: string; locked?: boolean }, path: Path) => void;
  ref: (k: RefKind | RefKind[], id: string | undefined, path: Path, extra?: { local?: boolean }) => void;
  cite: (label: string, value: { source?: unknown; localDefault?: boolean; reason?: unknown }, path: Path) => void;
}

/**
 * Index a scoring file: what it defines (elements, deductions, gates, vetoes, counts, grades),
 * the levels and grades it names, and what must cite a source. Facts and conditions are checked by
 * `scoringPackIssues`, which knows the file's own counts as well as the catalogue.
 */
export function indexScoring(f: ScoringFile, { def, ref, cite }: ScoringIndexHelpers): void {
  f.units.forEach((u, i) => ref('level', u, ['units', i]));
  for (const [field, label] of [
    ['periodsBasis', 'periods'],
    ['maxScoreBasis', 'maxScore'],
    ['unitsBasis', 'units'],
    ['normalise', 'normalise'],
  ] as const) {
    const basis = f[field];
    if (basis) cite(label, basis, [field]);
  }
  (f.facts ?? []).forEach((u, i) => {
    def('fact', u, ['facts', i]);
    if (!u.required) cite(`default of fact "${u.id}"`, u, ['facts', i]);
  });
  // Each of a list defines its id and cites its source, under `label`.
  const defined = (list: readonly { id: string }[] | undefined, field: string, kind: RefKind, label: string) =>
    (list ?? []).forEach((x, i) => {
      def(kind, x, [field, i]);
      cite(`${label} "${x.id}"`, x as { source?: unknown }, [field, i]);
    });
  defined(f.counts, 'counts', 'fact', 'count');
  defined(f.gates, 'gates', 'element', 'gate');
  for (const { element: e, path } of elementSites(f)) {
    def('element', e, path);
    if (isBlock(e)) {
      cite(`block "${e.id}"`, e, path);
      if (e.normalise) cite(`normalise of "${e.id}"`, e.normalise, [...path, 'normalise']);
      if (e.veto) {
        def('element', e.veto, [...path, 'veto']);
        cite(`block veto "${e.veto.id}"`, e.veto, [...path, 'veto']);
      }
    } else {
      cite(`element "${e.id}"`, e, path);
      ref('level', e.targetEach, [...path, 'targetEach']);
    }
  }
  for (const { deduction: d, path } of deductionSites(f)) {
    def('element', d, path);
    cite(`deduction "${d.id}"`, d, path);
  }
  defined(f.grades, 'grades', 'grade', 'grade');
  defined(f.vetoes, 'vetoes', 'element', 'veto');
  (f.vetoes ?? []).forEach((v, i) => ref('grade', v.grade, ['vetoes', i, 'grade'], { local: true }));
}

/** Index a score case: its scoring file, and every grade, element, deduction, gate and veto its expectations name. */
export function indexScoreCase(c: Static<typeof ScoreCase>, path: Path, ref: ScoringIndexHelpers['ref']): void {
  ref('file', c.scoring, [...path, 'scoring']);
  ref('grade', c.expect.grade ?? undefined, [...path, 'expect', 'grade']);
  ref('element', c.expect.veto ?? undefined, [...path, 'expect', 'veto']);
  for (const key of ['metrics', 'elements', 'blocks', 'deductions', 'gates', 'blockVetoes'] as const) {
    for (const id of Object.keys(c.expect[key] ?? {})) ref('element', id, [...path, 'expect', key, id]);
  }
  for (const id of Object.keys(c.input.assessments ?? {})) ref('element', id, [...path, 'input', 'assessments', id]);
}
