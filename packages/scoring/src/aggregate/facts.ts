import type { HierarchyFile } from '@gridsafe/schema';
import { occurrences } from '../cadence.js';
import type { Period } from '../period.js';
import type { Layout } from './layout.js';
import type { UnitNode } from './tree.js';

/** Hazards of a unit's subtree by tier and state at the period's end. */
export interface HazardTally {
  tier: 'general' | 'major';
  open: number;
  handled: number;
  closed: number;
}

type Cadence = NonNullable<HierarchyFile['cadences']>[number];

/** What a unit is required to do in a period by the pack's cadences, summed over its subtree. */
function required(node: UnitNode, cadences: readonly Cadence[], activity: string, period: Period): number {
  let n = 0;
  for (const c of cadences) {
    if (c.activity !== activity) continue;
    const times = occurrences(c, period);
    if (c.level) n += (node.levels.get(c.level) ?? 0) * times;
    else if (c.role && activity === 'visit') n += (node.staff.get(c.role) ?? 0) * times;
  }
  return n;
}

/**
 * The period facts of a unit's subtree over some of the period's months (`from` to `to`, exclusive),
 * as the scorer reads them: counters summed, booleans combined, and what the cadences require.
 * Only facts the pack's catalogue declares (and the scoring's counts) are returned; a fact that
 * only `fact` records give, and that none gave, is left out: it is missing, not 0.
 */
export function unitFacts(
  node: UnitNode,
  layout: Layout,
  cadences: readonly Cadence[],
  period: Period,
  from: number,
  to: number,
): Record<string, number | boolean> {
  const out: Record<string, number | boolean> = {};
  let monthsWithAction = 0;
  const inspections = layout.index.get('inspections.led') as number;
  const spot = layout.index.get('inspections.spotChecks') as number;
  for (let m = from; m < to; m++) {
    const b = m * layout.size;
    if ((node.sub[b + inspections] ?? 0) + (node.sub[b + spot] ?? 0) > 0) monthsWithAction++;
  }
  for (let i = 0; i < layout.size; i++) {
    const name = layout.names[i] as string;
    if (!layout.declared.has(name)) continue;
    if (layout.booleans.has(i)) {
      let v = 0;
      for (let m = from; m < to; m++) {
        const x = node.sub[m * layout.size + i] ?? 0;
        if (x === 1) v = 1;
        else if (x === -1 && v === 0) v = -1;
      }
      if (v !== 0) out[name] = v === 1;
    } else {
      let v = 0;
      let given = !layout.factFed.has(i);
      for (let m = from; m < to; m++) {
        v += node.sub[m * layout.size + i] ?? 0;
        if (!given && node.seen?.[m * layout.size + i]) given = true;
      }
      // A fact only `fact` records give is missing, not 0, when none gave it.
      if (given) out[name] = v;
    }
  }
  const recorded = out['hazards.recorded'];
  if (typeof recorded === 'number') {
    if (layout.declared.has('hazards.found')) out['hazards.found'] = recorded;
    if (layout.declared.has('hazards.reported')) out['hazards.reported'] = recorded;
  }
  const derived: Record<string, number> = {
    'actions.monthsWithAction': monthsWithAction,
    'inspections.required': required(node, cadences, 'inspection', period),
    'meetings.required': required(node, cadences, 'meeting', period),
    'cadres.visitsRequired': required(node, cadences, 'visit', period),
    'grids.total': node.leaves,
    'grids.withWorker': node.staffedLeaves,
    'grids.withoutWorker': node.leaves - node.staffedLeaves,
  };
  for (const [k, v] of Object.entries(derived)) if (layout.declared.has(k)) out[k] = v;
  return out;
}

/** Hazards of a unit's subtree by tier and state, over the whole period. */
export function hazardTally(node: UnitNode, layout: Layout): HazardTally[] {
  const months = node.sub.length / layout.size;
  const sum = (slot: string) => {
    const i = layout.index.get(slot) as number;
    let v = 0;
    for (let m = 0; m < months; m++) v += node.sub[m * layout.size + i] ?? 0;
    return v;
  };
  return (['general', 'major'] as const).map((tier) => ({
    tier,
    open: sum(`hz.${tier}.open`),
    handled: sum(`hz.${tier}.handled`),
    closed: sum(`hz.${tier}.closed`),
  }));
}
