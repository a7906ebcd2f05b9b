import type { ChecklistItem, EscalationFile } from '@gridsafe/schema';
import { compileClosure } from '../compile/closure.js';
import type { Facts, Predicate } from '../compile/types.js';
import type { ResolvedPack } from '../resolve/types.js';
import { namedConditions } from './compiled.js';

interface DirectRoute {
  to: string;
  /** The case's grade must be exactly this one. */
  severity?: string;
  /** The case's grade must be this one or higher. */
  atLeast?: string;
  kinds?: string[];
  when?: Predicate;
}

interface Routes {
  grades: string[];
  /** The kind a hazard finding is: the policy's first kind. */
  kind: string;
  direct: DirectRoute[];
}

const cache = new WeakMap<ResolvedPack, Routes>();

/** The skip rules that take a case straight from the entry tier, their conditions compiled once per pack. */
function routes(pack: ResolvedPack, policy: EscalationFile): Routes {
  let r = cache.get(pack);
  if (!r) {
    const named = namedConditions(pack);
    r = {
      grades: (policy.grades ?? [{ id: 'general' }, { id: 'major' }]).map((g) => g.id),
      kind: policy.kinds?.[0]?.id ?? 'hazard',
      direct: (policy.skips ?? [])
        .filter((s) => s.from === (policy.kinds?.[0]?.entry ?? policy.entry))
        .map((s) => ({
          to: s.to,
          ...(s.severity !== undefined ? { severity: s.severity } : {}),
          ...(s.atLeast !== undefined ? { atLeast: s.atLeast } : {}),
          ...(s.kinds !== undefined ? { kinds: s.kinds } : {}),
          ...(s.when ? { when: compileClosure(s.when, named) } : {}),
        })),
    };
    cache.set(pack, r);
  }
  return r;
}

/**
 * Where a finding of grade `grade` goes: the tier a skip rule of the escalation policy sends it to
 * directly (a grade the rule accepts, exactly or at least, and its condition on the facts), else the
 * entry tier. The grade is the finding's (an item's `majorWhen`) or the one the grid worker judges
 * it to be: any finding of a grade that goes straight up does, whatever its item.
 *
 * @example
 * ```ts
 * import { directRoute, type ResolvedPack } from '@gridsafe/engine';
 * declare const chibi: ResolvedPack;
 * console.log(directRoute(chibi, 'major', {})); // { tier: 'chibi.tier.township', direct: true }
 * ```
 */
export function directRoute(pack: ResolvedPack, grade: string | undefined, facts: Facts): { tier: string; direct: boolean } | undefined {
  const policy = pack.escalations[0];
  if (!policy) return undefined;
  const r = routes(pack, policy);
  const rank = (g: string | undefined) => (g === undefined ? -1 : r.grades.indexOf(g));
  const skip = r.direct.find(
    (s) =>
      (s.severity === undefined || s.severity === grade) &&
      (s.atLeast === undefined || (grade !== undefined && rank(grade) >= rank(s.atLeast) && rank(grade) >= 0)) &&
      (s.kinds === undefined || s.kinds.includes(r.kind)) &&
      (!s.when || s.when(facts)),
  );
  return skip ? { tier: skip.to, direct: true } : { tier: policy.kinds?.[0]?.entry ?? policy.entry, direct: false };
}

/**
 * Where a finding goes (see {@link directRoute}): a major finding of any item goes where the
 * policy's skip rules send a major case; a general one to the entry tier.
 */
export function routeOf(
  pack: ResolvedPack,
  _item: ChecklistItem,
  severity: string,
  facts: Facts,
): { tier: string; direct: boolean } | undefined {
  return directRoute(pack, severity, facts);
}
