import type { TopLevelCondition } from '../condition.js';
import { type Deduction, isBlock, type ScoringBlock, type ScoringElement, type ScoringFile, type ScoringItem } from '../kinds/scoring.js';

type Path = (string | number)[];

/** One element of a scoring file with where it is. */
export interface ElementSite {
  element: ScoringElement;
  /** Its JSON path in the file, e.g. `['elements', 0, 'elements', 1]`. */
  path: (string | number)[];
  /** The enclosing block, if any. */
  parent: ScoringBlock | undefined;
}

/**
 * Every element of a scoring file, blocks before their elements, depth first, with its JSON path
 * and enclosing block.
 *
 * @example
 * ```ts
 * import { elementSites, type ScoringFile } from '@gridsafe/schema';
 * declare const file: ScoringFile;
 * for (const s of elementSites(file)) console.log(s.path.join('/'), s.element.id, s.parent?.id ?? '(card)');
 * ```
 */
export function elementSites(file: Pick<ScoringFile, 'elements'>): ElementSite[] {
  const out: ElementSite[] = [];
  const visit = (els: readonly ScoringElement[], path: Path, parent: ScoringBlock | undefined) =>
    els.forEach((e, i) => {
      const p = [...path, 'elements', i];
      out.push({ element: e, path: p, parent });
      if (isBlock(e)) visit(e.elements, p, e);
    });
  visit(file.elements ?? [], [], undefined);
  return out;
}

/**
 * Every item (leaf element) of a scoring file, in file order.
 *
 * @example
 * ```ts
 * import { scoringItems, type ScoringFile } from '@gridsafe/schema';
 * declare const file: ScoringFile;
 * console.log(scoringItems(file).map((i) => [i.id, i.measure, i.points]));
 * ```
 */
export function scoringItems(file: Pick<ScoringFile, 'elements'>): ScoringItem[] {
  return elementSites(file)
    .map((s) => s.element)
    .filter((e): e is ScoringItem => !isBlock(e));
}

/** One condition of a scoring file: the gate, veto or deduction it belongs to. */
export interface ConditionSiteOf {
  owner: string;
  role: 'gate' | 'veto' | 'blockVeto' | 'deduction';
  condition: TopLevelCondition;
  path: Path;
}

/**
 * Every deduction of a scoring file with its item and place.
 *
 * @example
 * ```ts
 * import { deductionSites, type ScoringFile } from '@gridsafe/schema';
 * declare const file: ScoringFile;
 * console.log(deductionSites(file).map((d) => [d.item.id, d.deduction.id, d.deduction.kind]));
 * ```
 */
export function deductionSites(
  file: Pick<ScoringFile, 'elements'>,
): { deduction: Deduction; item: ScoringItem; path: (string | number)[] }[] {
  const out: { deduction: Deduction; item: ScoringItem; path: Path }[] = [];
  for (const s of elementSites(file)) {
    if (isBlock(s.element)) continue;
    const item = s.element;
    (item.deductions ?? []).forEach((d, j) => out.push({ deduction: d, item, path: [...s.path, 'deductions', j] }));
  }
  return out;
}

/** Every condition over period facts a scoring file holds (gates, vetoes, block vetoes, deductions). */
export function conditionSites(file: ScoringFile): ConditionSiteOf[] {
  const out: ConditionSiteOf[] = [];
  (file.gates ?? []).forEach((g, i) => out.push({ owner: g.id, role: 'gate', condition: g.when, path: ['gates', i, 'when'] }));
  (file.vetoes ?? []).forEach((v, i) => out.push({ owner: v.id, role: 'veto', condition: v.when, path: ['vetoes', i, 'when'] }));
  for (const s of elementSites(file)) {
    if (isBlock(s.element) && s.element.veto) {
      out.push({ owner: s.element.veto.id, role: 'blockVeto', condition: s.element.veto.when, path: [...s.path, 'veto', 'when'] });
    }
  }
  for (const { deduction: d, path } of deductionSites(file)) {
    if ((d.kind === 'condition' || d.kind === 'range') && d.when)
      out.push({ owner: d.id, role: 'deduction', condition: d.when, path: [...path, 'when'] });
  }
  return out;
}

/** Whether an element (or block) applies in a period. */
export const appliesIn = (e: { periods?: readonly string[] | undefined }, period: string): boolean =>
  !e.periods || e.periods.includes(period);
