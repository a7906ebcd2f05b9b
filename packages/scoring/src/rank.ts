import type { UnitScorecard } from './report.js';

const byId = (a: UnitScorecard, b: UnitScorecard) => (a.unit.id < b.unit.id ? -1 : a.unit.id > b.unit.id ? 1 : 0);

/**
 * Rank cards among units of the same level: higher score first, vetoed units after all others,
 * ties share a rank (1, 2, 2, 4) and are listed by unit id. Ineligible units (they failed a gate)
 * are not ranked: rank null, listed after the ranked ones, and not counted in `of`. Returns the
 * cards grouped by level in the order given (top first).
 */
export function rankByLevel(cards: Omit<UnitScorecard, 'rank' | 'of'>[], levels: readonly string[]): UnitScorecard[] {
  const out: UnitScorecard[] = [];
  for (const level of levels) {
    const all = cards.filter((c) => c.unit.level === level);
    const group = all
      .filter((c) => c.status !== 'ineligible')
      .sort(
        (a, b) => Number(!!a.veto) - Number(!!b.veto) || (b.score ?? 0) - (a.score ?? 0) || byId(a as UnitScorecard, b as UnitScorecard),
      );
    let prev: UnitScorecard | undefined;
    group.forEach((c, i) => {
      const tie = prev !== undefined && !!prev.veto === !!c.veto && prev.score === c.score;
      const card: UnitScorecard = { ...c, rank: tie && prev ? prev.rank : i + 1, of: group.length };
      out.push(card);
      prev = card;
    });
    for (const c of all.filter((x) => x.status === 'ineligible').sort((a, b) => byId(a as UnitScorecard, b as UnitScorecard))) {
      out.push({ ...c, rank: null, of: group.length });
    }
  }
  return out;
}
