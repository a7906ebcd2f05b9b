import type { SyntheticRecord } from './workload.js';

/**
 * Hand-written TypeScript for the seed checklists' logic, the ceiling the compiled evaluator is
 * measured against. Keyed by checklist id; each writes the same codes as the bench's `run`
 * (0 ok or unanswered, 1 hazard, 2 hazard whose major condition holds).
 */
export const handwritten: Record<string, (recs: SyntheticRecord[], out: Uint8Array) => void> = {
  // rules/chibi/checklist-community.json: items 1–11 are hazards when answered yes, 12–13 (到位) when no.
  'chibi.checklist.community': (recs, out) => {
    for (let r = 0; r < recs.length; r++) {
      const { answers, facts } = recs[r] as SyntheticRecord;
      const crowded = facts['site.crowdedPlace'] === true;
      const kg = facts['fireworks.storedKg'];
      for (let i = 0; i < 13; i++) {
        const a = answers[i];
        const k = r * 13 + i;
        if (a === null || a === undefined) {
          out[k] = 0;
          continue;
        }
        const hazard = i < 11 ? a === true : a === false;
        if (!hazard) {
          out[k] = 0;
          continue;
        }
        let major = false;
        if (i === 0) major = facts['site.inDwelling'] === true || (typeof kg === 'number' && kg > 100);
        else if (i === 2) major = facts['building.loadBearingDamaged'] === true;
        else if (i === 4 || i === 10) major = crowded;
        out[k] = major ? 2 : 1;
      }
    }
  },
};
