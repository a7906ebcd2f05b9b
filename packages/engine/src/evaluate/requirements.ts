import { type Bilingual, decode, type Issue, makeIssue, PeriodData } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';
import { explain } from '../compile/closure.js';
import type { Trace } from '../compile/types.js';
import type { ResolvedPack } from '../resolve/types.js';
import { namedConditions } from './compiled.js';
import { checkFacts } from './facts.js';

/** One operational rule checked over a period, with its evidence. */
export interface RuleResult {
  id: string;
  requirements: string;
  title: Bilingual;
  category: string;
  satisfied: boolean;
  /** The facts the rule names as evidence, with their values in the period. */
  evidence: Record<string, unknown>;
  explanation: Trace;
}

/** Every operational rule of the pack (or of one requirements file), checked over a period. */
export interface RequirementsResult {
  unit: string;
  period: { kind: string; start: string };
  pack: { id: string; version: string };
  rules: RuleResult[];
  satisfied: number;
  unsatisfied: number;
}

/**
 * Check the pack's operational rules (the 五全, 五定/四清, Chanba's three systems, cadences kept)
 * over one period's data for one unit.
 *
 * @example
 * ```ts
 * import { checkRequirements, type ResolvedPack } from '@gridsafe/engine';
 * declare const pack: ResolvedPack;
 * const r = checkRequirements(pack, { period: { kind: 'month', start: '2026-03-01' }, unit: { id: 't1', level: 'township' }, facts: {} });
 * if (r._tag === 'Right') console.log(r.right.rules.filter((x) => !x.satisfied).map((x) => x.id));
 * ```
 */
export function checkRequirements(
  pack: ResolvedPack,
  input: unknown,
  options: { requirements?: string; name?: string } = {},
): E.Either<Issue[], RequirementsResult> {
  const name = options.name ?? 'period';
  const decoded = decode(PeriodData, input, name);
  if (E.isLeft(decoded)) return decoded;
  const data = decoded.right;
  const files = options.requirements ? pack.requirements.filter((r) => r.id === options.requirements) : pack.requirements;
  if (options.requirements && files.length === 0) {
    return E.left([
      makeIssue(
        'ref.unknown',
        { file: name, line: 0, column: 0, pointer: '' },
        { refKind: 'file', id: options.requirements },
        { found: options.requirements },
      ),
    ]);
  }
  const { facts, issues } = checkFacts(pack, data.facts, name, ['facts']);
  if (issues.length > 0) return E.left(issues);
  const named = namedConditions(pack);
  const rules: RuleResult[] = files.flatMap((file) =>
    file.rules.map((rule) => {
      const explanation = explain(rule.condition, named, facts);
      const evidence = Object.fromEntries(rule.evidence.map((k) => [k, facts[k] ?? null]));
      return {
        id: rule.id,
        requirements: file.id,
        title: rule.title,
        category: rule.category,
        satisfied: explanation.result,
        evidence,
        explanation,
      };
    }),
  );
  const satisfied = rules.filter((r) => r.satisfied).length;
  return E.right({
    unit: data.unit.id,
    period: { kind: data.period.kind, start: data.period.start },
    pack: { id: pack.id, version: pack.version },
    rules,
    satisfied,
    unsatisfied: rules.length - satisfied,
  });
}
