import type { ScoreReport, UnitScorecard } from '../report.js';
import type { Lang } from './labels.js';

/** The units the "scores by unit" chart shows: the focus unit's scored children, else every unit of its level. */
export function chartUnits(report: ScoreReport): UnitScorecard[] {
  const children = report.units.filter((c) => c.unit.parent === report.unit.id);
  const list = children.length > 0 ? children : report.units.filter((c) => c.unit.level === report.unit.level);
  const r = (c: UnitScorecard) => c.rank ?? Number.MAX_SAFE_INTEGER;
  return [...list].sort((a, b) => r(a) - r(b) || (a.unit.id < b.unit.id ? -1 : 1));
}

const PALETTE = ['#1a7f37', '#1f6feb', '#bf8700', '#d1242f', '#8250df'];

/** A colour per grade, best first; vetoed cards are red. */
export function gradeColor(report: ScoreReport, card: UnitScorecard): string {
  if (card.veto) return '#d1242f';
  const order = [...new Set(report.units.map((c) => c.grade?.id).filter((x): x is string => !!x))];
  const bands = card.grade ? order.indexOf(card.grade.id) : -1;
  return PALETTE[Math.max(0, bands)] ?? '#57606a';
}

/** A unit's display name. */
export const unitName = (u: { id: string; name?: string }): string => u.name ?? u.id;

/** A bilingual title in the chosen language. */
export const tr = (t: { zh: string; en: string } | undefined, lang: Lang): string => (t ? t[lang] : '');
