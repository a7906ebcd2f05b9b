import type { Trace } from '@gridsafe/engine';
import type { BlockScore, DeductionScore, ItemScore, Scorecard } from '../card/types.js';
import { fmt } from './format.js';
import { type Lang, labels } from './labels.js';
import { tr } from './view.js';

/** One row of the elements table: a block's sub-total or an item, at its depth. */
export type ElementRow = { kind: 'block'; block: BlockScore } | { kind: 'item'; item: ItemScore };

/** The card's blocks and items in the standard's order: each block, then its elements. */
export function elementRows(card: Scorecard): ElementRow[] {
  const blocks = new Map(card.blocks.map((b) => [b.id, b]));
  const items = new Map(card.metrics.map((m) => [m.id, m]));
  const out: ElementRow[] = [];
  const visit = (id: string) => {
    const b = blocks.get(id);
    if (b) {
      out.push({ kind: 'block', block: b });
      for (const c of b.children) visit(c);
      return;
    }
    const m = items.get(id);
    if (m) out.push({ kind: 'item', item: m });
  };
  for (const id of card.elements) visit(id);
  return out;
}

/** Points off as printed: −4, or 0 when none. */
export const minus = (x: number): string => (x > 0 ? `−${fmt(x)}` : '0');

/** A ranked unit's grade, and why it has none when it was not scored or was vetoed. */
export function gradeCell(u: { grade: { title: { zh: string; en: string } } | null; status: Scorecard['status'] }, lang: Lang): string {
  const g = tr(u.grade?.title, lang);
  const note = u.status === 'scored' ? '' : labels(lang)[u.status];
  return g && note ? `${g} (${note})` : g || note;
}

/** A deduction in one line: count × points (or the condition, or the assessors' values), what the cap cut. */
export function deductionText(d: DeductionScore, lang: Lang): string {
  const L = labels(lang);
  let how: string;
  if (d.kind === 'perCount') {
    const unit = d.unit ? tr(d.unit, lang) : '';
    const per = d.per !== undefined && d.per !== 1 ? ` ÷ ${fmt(d.per)}` : '';
    how = `${fmt(d.count ?? 0)}${unit}${per} → ${fmt(d.times ?? 0)} × ${fmt(d.each ?? 0)}`;
  } else if (d.kind === 'condition') how = d.held ? L.held : L.notHeld;
  else if (d.assessed && d.assessed.length > 0)
    how = d.assessed.map((a) => `${L.assessor} ${a.assessor}${a.month ? ` (${a.month})` : ''}: −${fmt(a.value)} “${a.reason}”`).join('; ');
  else how = d.held === false ? L.notHeld : L.notAssessed;
  const cut = d.cut > 0 ? `; ${L.capCut} ${fmt(d.cut)}` : '';
  return `${tr(d.title, lang)}: ${how} = ${minus(d.points)}${cut}`;
}

/** What a block's or item's cap and floor did, or ''. */
export function boundText(x: { capped: number; floored: number }, lang: Lang): string {
  const L = labels(lang);
  return [x.capped > 0 ? `${L.capCut} ${fmt(x.capped)}` : '', x.floored > 0 ? `${L.floorRaised} ${fmt(x.floored)}` : '']
    .filter(Boolean)
    .join('; ');
}

/** The fact values a condition saw, as `fact = value` pairs. */
export function traceFacts(t: Trace, out: string[] = []): string[] {
  if (t.kind === 'leaf') out.push(`${t.fact} = ${JSON.stringify(t.factValue)} (${t.operator} ${JSON.stringify(t.value)})`);
  else for (const c of t.children) traceFacts(c, out);
  return out;
}

/** A card's status in words. */
export const statusText = (card: Scorecard, lang: Lang): string => labels(lang)[card.status];
