import type { HostRecord } from './workload.js';

/**
 * Hand-written TypeScript for the Chibi community checklist (rules/chibi/checklist-community.json),
 * the ceiling the compiled evaluator is measured against: items 1–11 are hazards when answered yes,
 * 12–13 (到位) when answered no; 1 is major in a dwelling or over 100 kg of fireworks, 3 when a
 * load-bearing member is damaged, 5 and 11 in a crowded place; 1, 3, 5 and 11 go straight to the
 * township when major.
 */
const IDS = Array.from({ length: 13 }, (_, i) => `chibi.community.${String(i + 1).padStart(2, '0')}`);
const DIRECT = new Set([0, 2, 4, 10]);

function code(i: number, a: unknown, facts: Record<string, unknown> | undefined): number {
  if (a === null || a === undefined) return 0;
  if (i < 11 ? a !== true : a !== false) return 0;
  const f = facts ?? {};
  const kg = f['fireworks.storedKg'];
  let major = false;
  if (i === 0) major = f['site.inDwelling'] === true || (typeof kg === 'number' && kg > 100);
  else if (i === 2) major = f['building.loadBearingDamaged'] === true;
  else if (i === 4 || i === 10) major = f['site.crowdedPlace'] === true;
  return major ? 2 : 1;
}

/** On records pre-arranged as arrays: codes by item into `out` (the kernel's job). */
export function handArranged(
  recs: readonly { answers: unknown[] }[],
  facts: readonly (Record<string, unknown> | undefined)[],
  out: Uint8Array,
): void {
  for (let r = 0; r < recs.length; r++) {
    const answers = (recs[r] as { answers: unknown[] }).answers;
    const f = facts[r];
    for (let i = 0; i < 13; i++) out[r * 13 + i] = code(i, answers[i], f);
  }
}

/** A hazard as the hand-written host function reports it. */
export interface HandFinding {
  item: string;
  severity: 'general' | 'major';
  route: { tier: string; direct: boolean };
}

/** On a record as a host receives it: the counts and hazard findings a host wants, no checks. */
export function handHost(rec: HostRecord): { record: string; hazards: number; reports: number; findings: HandFinding[] } {
  const findings: HandFinding[] = [];
  for (let i = 0; i < 13; i++) {
    const id = IDS[i] as string;
    const c = code(i, rec.answers[id], rec.facts);
    if (c === 0) continue;
    const major = c === 2;
    findings.push({
      item: id,
      severity: major ? 'major' : 'general',
      route: major && DIRECT.has(i) ? { tier: 'chibi.tier.township', direct: true } : { tier: 'chibi.tier.grid-worker', direct: false },
    });
  }
  return { record: rec.id, hazards: findings.length, reports: 0, findings };
}
