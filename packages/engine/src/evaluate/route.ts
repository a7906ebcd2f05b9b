import type { ChecklistItem, Severity } from '@gridsafe/schema';
import { compileClosure } from '../compile/closure.js';
import type { Facts } from '../compile/types.js';
import type { ResolvedPack } from '../resolve/types.js';
import { namedConditions } from './compiled.js';

/**
 * Where a finding goes: the escalation policy's entry tier, or, for a major finding on an item that
 * allows it, the tier a skip rule sends it to directly.
 */
export function routeOf(
  pack: ResolvedPack,
  item: ChecklistItem,
  severity: Severity,
  facts: Facts,
): { tier: string; direct: boolean } | undefined {
  const policy = pack.escalations[0];
  if (!policy) return undefined;
  if (severity === 'major' && item.directToTownship) {
    const skip = (policy.skips ?? []).find(
      (s) =>
        s.from === policy.entry &&
        (s.severity === undefined || s.severity === 'major') &&
        (!s.when || compileClosure(s.when, namedConditions(pack))(facts)),
    );
    if (skip) return { tier: skip.to, direct: true };
  }
  return { tier: policy.entry, direct: false };
}
