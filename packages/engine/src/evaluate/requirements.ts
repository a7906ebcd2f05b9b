import { type Bilingual, type Consequence, decode, type Issue, makeIssue, type OperationalRule, PeriodData } from '@gridsafe/schema';
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
  /** The consequences the result produces for the unit (the rule's `onUnsatisfied` or `onSatisfied`). */
  consequences: string[];
}

/** A consequence the period's results produce for the unit, and the rules that produced it. */
export interface ProducedConsequence {
  id: string;
  kind: Consequence['kind'];
  title: Bilingual;
  text: Bilingual;
  /** Who issues it (a level, role, body, unit kind or department id), when the pack says. */
  by?: string;
  unit: string;
  rules: string[];
}

/**
 * A rule not checked for the unit, and why: `level` when it binds other levels or unit kinds,
 * `place` when it holds in other places, `placeUnknown` when it holds in named places only and the
 * unit does not say where it lies.
 */
export interface SkippedRule {
  id: string;
  reason: 'level' | 'place' | 'placeUnknown';
}

/** Every operational rule of the pack (or of one requirements file), checked over a period. */
export interface RequirementsResult {
  unit: string;
  period: { kind: string; start: string };
  pack: { id: string; version: string };
  rules: RuleResult[];
  /** Obligations met and not met; `outcome` rules (findings that produce consequences) are not counted. */
  satisfied: number;
  unsatisfied: number;
  /** Rules of the file(s) that were not checked for this unit, each with its reason. */
  skipped: SkippedRule[];
  /** Bulletins, criticism, commendation… the results produce for the unit. */
  consequences: ProducedConsequence[];
}

/** Why a rule is not checked for a unit, or `undefined` when it is. */
function skipReason(
  rule: OperationalRule,
  level: string | undefined,
  places: readonly string[] | undefined,
): SkippedRule['reason'] | undefined {
  if (rule.appliesTo && level !== undefined && !rule.appliesTo.includes(level)) return 'level';
  if (!rule.scope) return undefined;
  if (places === undefined) return 'placeUnknown';
  return rule.scope.places.some((p) => places.includes(p)) ? undefined : 'place';
}

/**
 * Check the pack's operational rules (the 五全, 五定/四清, Chanba's three systems, cadences kept)
 * over one period's data for one unit. A rule that binds some levels or unit kinds (`appliesTo`)
 * is checked for a unit of one of them (the unit's `level` is a level or unit kind id); a rule
 * that holds in named places only (`scope`) for a unit whose `places` include one. The others are
 * listed in `skipped` with the reason. Each result produces the consequences the rule names (a
 * bulletin, criticism, commendation…), gathered in `consequences`. A rule of category `outcome` is
 * a finding rather than an obligation: it produces its consequences (`onSatisfied` when it holds)
 * and is left out of the `satisfied` / `unsatisfied` counts. With `anyUnit`, every rule is
 * checked whatever the unit's level (rule-pack test cases that give no unit).
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
  options: { requirements?: string; name?: string; anyUnit?: boolean } = {},
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
  const rawPlaces = (data.unit as { places?: unknown }).places;
  const places = rawPlaces === undefined ? undefined : Array.isArray(rawPlaces) ? rawPlaces.filter((p) => typeof p === 'string') : [];
  const { facts, issues } = checkFacts(pack, data.facts, name, ['facts']);
  if (rawPlaces !== undefined && (!Array.isArray(rawPlaces) || places?.length !== rawPlaces.length)) {
    const expected = 'an array of place ids';
    issues.push(makeIssue('codec.invalid', { file: name, line: 0, column: 0, pointer: '/unit/places' }, { expected }, { expected }));
  }
  if (issues.length > 0) return E.left(issues);
  const named = namedConditions(pack);
  const level = options.anyUnit ? undefined : data.unit.level;
  const skipped: SkippedRule[] = [];
  const rules: RuleResult[] = files.flatMap((file) =>
    file.rules.flatMap((rule) => {
      const reason = skipReason(rule, level, places);
      if (reason) {
        skipped.push({ id: rule.id, reason });
        return [];
      }
      const explanation = explain(rule.condition, named, facts);
      const evidence = Object.fromEntries(rule.evidence.map((k) => [k, facts[k] ?? null]));
      return [
        {
          id: rule.id,
          requirements: file.id,
          title: rule.title,
          category: rule.category,
          satisfied: explanation.result,
          evidence,
          explanation,
          consequences: [...((explanation.result ? rule.onSatisfied : rule.onUnsatisfied) ?? [])],
        },
      ];
    }),
  );
  const obligations = rules.filter((r) => r.category !== 'outcome');
  const satisfied = obligations.filter((r) => r.satisfied).length;
  return E.right({
    unit: data.unit.id,
    period: { kind: data.period.kind, start: data.period.start },
    pack: { id: pack.id, version: pack.version },
    rules,
    satisfied,
    unsatisfied: obligations.length - satisfied,
    skipped,
    consequences: produced(pack, rules, data.unit.id),
  });
}

/** The consequences the rule results produce, each once, with the rules that produced it, in pack order. */
function produced(pack: ResolvedPack, rules: readonly RuleResult[], unit: string): ProducedConsequence[] {
  const all = pack.hierarchies.flatMap((h) => h.consequences ?? []);
  return all.flatMap((c) => {
    const by = rules.filter((r) => r.consequences.includes(c.id)).map((r) => r.id);
    if (by.length === 0) return [];
    return [{ id: c.id, kind: c.kind, title: c.title, text: c.text, ...(c.by ? { by: c.by } : {}), unit, rules: by }];
  });
}
