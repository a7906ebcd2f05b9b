import type { UnitScorecard } from './report.js';

/**
 * Rank cards among units of the same level: higher score first, vetoed units after all others,
 * ties share a rank (1, 2, 2, 4) and are listed by unit id. Returns the cards grouped by level in
 * the order given (top first).
 */
export function rankByLevel(cards: Omit<UnitScorecard, 'rank' | 'of'>[], levels: readonly string[]): UnitScorecard[] {
  const out: UnitScorecard[] = [];
  for (const level of levels) {
    const group = cards
      .filter((c) => c.unit.level === level)
      .sort(
        (a, b) => Number(!!a.veto) - Number(!!b.veto) || b.score - a.score || (a.unit.id < b.unit.id ? -1 : a.unit.id > b.unit.id ? 1 : 0),
      );
    group.forEach((c, i) => {
      const prev = out[out.length - 1];
      const tie = i > 0 && prev && !!prev.veto === !!c.veto && prev.score === c.score;
      out.push({ ...c, rank: tie && prev ? prev.rank : i + 1, of: group.length });
    });
  }
  return out;
}
