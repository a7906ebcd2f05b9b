import type { ChecklistItem, EscalationFile, Severity } from '@gridsafe/schema';
import { compileClosure } from '../compile/closure.js';
import type { Facts, Predicate } from '../compile/types.js';
import type { ResolvedPack } from '../resolve/types.js';
import { namedConditions } from './compiled.js';

interface DirectRoute {
  to: string;
  when?: Predicate;
}

const directCache = new WeakMap<ResolvedPack, DirectRoute[]>();

/** The skip rules that take a major finding straight from the entry tier, their conditions compiled once per pack. */
function directRoutes(pack: ResolvedPack, policy: EscalationFile): DirectRoute[] {
  let routes = directCache.get(pack);
  if (!routes) {
    const named = namedConditions(pack);
    routes = (policy.skips ?? [])
      .filter((s) => s.from === policy.entry && (s.severity === undefined || s.severity === 'major'))
      .map((s) => (s.when ? { to: s.to, when: compileClosure(s.when, named) } : { to: s.to }));
    directCache.set(pack, routes);
  }
  return routes;
}

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
    const skip = directRoutes(pack, policy).find((s) => !s.when || s.when(facts));
    if (skip) return { tier: skip.to, direct: true };
  }
  return { tier: policy.entry, direct: false };
}
