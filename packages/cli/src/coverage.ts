import {
  assessStation,
  caseRecord,
  checkRequirements,
  escalationPath,
  evaluatePatrol,
  namedConditions,
  type ResolvedPack,
  type Trace,
} from '@gridsafe/engine';
import { runEscalationCase } from '@gridsafe/escalation';
import type { NestedCondition, TestCase, TopLevelCondition } from '@gridsafe/schema';
import { scoreCaseOutcomes, scoringRules } from './coverage-score.js';

/** Coverage of one rule: whether any case evaluated it, and which condition outcomes were seen. */
export interface RuleCoverage {
  id: string;
  kind: 'item' | 'requirement' | 'rule' | 'tier' | 'metric' | 'block' | 'deduction' | 'gate' | 'veto';
  covered: boolean;
  /** Condition nodes × outcomes (true, false). */
  branches: number;
  branchesSeen: number;
  /** Outcomes no case produced, as `role:path=true|false` (path of child indexes). */
  missing: string[];
}

/** Coverage of a pack by its cases. */
export interface Coverage {
  rules: { total: number; covered: number; percent: number };
  branches: { total: number; covered: number; percent: number };
  byRule: RuleCoverage[];
}

type Cond = TopLevelCondition | NestedCondition;

/** Every node path of a condition, in the shape of its explain trace (named references expanded). */
function nodes(cond: Cond, named: ReturnType<typeof namedConditions>, path: string, seen: string[], out: string[]): void {
  out.push(path);
  if ('all' in cond || 'any' in cond) {
    const kids = 'all' in cond ? (cond as { all: Cond[] }).all : (cond as { any: Cond[] }).any;
    kids.forEach((c, i) => nodes(c, named, `${path}.${i}`, seen, out));
  } else if ('not' in cond) nodes(cond.not, named, `${path}.0`, seen, out);
  else if ('condition' in cond) {
    const target = named.get(cond.condition);
    if (target && !seen.includes(cond.condition)) nodes(target, named, `${path}.0`, [...seen, cond.condition], out);
  }
}

function record(trace: Trace, path: string, out: Set<string>): void {
  out.add(`${path}=${trace.result}`);
  if (trace.kind !== 'leaf') trace.children.forEach((c, i) => record(c, `${path}.${i}`, out));
}

const pct = (a: number, b: number) => (b === 0 ? 100 : Math.round((1000 * a) / b) / 10);

/**
 * Which rules and which condition branches a pack's cases exercise: every checklist item (its
 * hazard and major conditions), station requirement, operational rule, escalation tier (passed
 * through the escalation machine), and of a scoring file every element and block (computed by a
 * score case), deduction (two branches: it took points off, and it took none), gate (passed,
 * failed) and block or card veto (held, did not hold). A condition branch is one condition node
 * with one outcome, true or false, read from the engine's explain traces.
 *
 * @example
 * ```ts
 * import { coverageOf } from '@gridsafe/cli';
 * import type { ResolvedPack } from '@gridsafe/engine';
 * declare const pack: ResolvedPack;
 * const cov = coverageOf(pack, pack.cases.flatMap((f) => f.cases));
 * console.log(`${cov.branches.percent}% of condition branches`, cov.byRule.filter((r) => !r.covered).map((r) => r.id));
 * ```
 */
export function coverageOf(pack: ResolvedPack, cases: readonly TestCase[]): Coverage {
  const named = namedConditions(pack);
  const conds = new Map<string, { kind: RuleCoverage['kind']; roots: [string, Cond][] }>();
  for (const cl of pack.checklists)
    for (const it of cl.items) {
      const roots: [string, Cond][] = [['hazard', it.hazardWhen]];
      if (it.severity.majorWhen) roots.push(['major', it.severity.majorWhen]);
      conds.set(it.id, { kind: 'item', roots });
    }
  for (const st of pack.standards)
    for (const r of st.requirements) conds.set(r.id, { kind: 'requirement', roots: [['when', r.condition]] });
  for (const rq of pack.requirements) for (const r of rq.rules) conds.set(r.id, { kind: 'rule', roots: [['when', r.condition]] });
  for (const esc of pack.escalations) for (const t of esc.tiers) conds.set(t.id, { kind: 'tier', roots: [] });
  const outcomes = new Map<string, string[]>();
  for (const sc of pack.scorings) scoringRules(sc, conds, outcomes);

  const seen = new Map<string, Set<string>>();
  const hit = (id: string) => {
    const s = seen.get(id) ?? new Set<string>();
    seen.set(id, s);
    return s;
  };
  for (const c of cases) {
    if (c.type === 'patrol') {
      const r = evaluatePatrol(pack, caseRecord(pack, c), { checklist: c.checklist, explain: 'all' });
      if (r._tag === 'Left') continue;
      for (const f of r.right.findings) {
        if (!f.explanation) continue;
        record(f.explanation.hazard, 'hazard', hit(f.item));
        if (f.explanation.major) record(f.explanation.major, 'major', hit(f.item));
      }
    } else if (c.type === 'station') {
      const r = assessStation(pack, { stationId: c.id, date: '2000-01-01', facts: c.input.facts }, { standard: c.standard, name: c.id });
      if (r._tag === 'Right') for (const q of r.right.requirements) record(q.explanation, 'when', hit(q.id));
    } else if (c.type === 'requirements') {
      const r = checkRequirements(
        pack,
        {
          period: { kind: 'month', start: '2000-01-01' },
          unit: c.input.unit ? { id: c.id, ...c.input.unit } : { id: c.id, level: 'case' },
          facts: c.input.facts,
        },
        { requirements: c.requirements, name: c.id, anyUnit: c.input.unit === undefined },
      );
      if (r._tag === 'Right') for (const x of r.right.rules) record(x.explanation, 'when', hit(x.id));
    } else if (c.type === 'escalation') {
      // The tiers the case passed through the escalation machine (the engine's path walk without it).
      const actual = runEscalationCase(pack, c).actual as { path?: string[] } | null;
      for (const t of actual?.path ?? escalationPath(pack, c).path) hit(t);
    } else if (c.type === 'score') scoreCaseOutcomes(pack, c, hit);
  }
  const byRule: RuleCoverage[] = [];
  for (const [id, { kind, roots }] of conds) {
    const s = seen.get(id);
    const all: string[] = [];
    for (const [role, cond] of roots) nodes(cond, named, role, [], all);
    const wanted = [...all.flatMap((p) => [`${p}=true`, `${p}=false`]), ...(outcomes.get(id) ?? [])];
    const missing = wanted.filter((o) => !s?.has(o));
    byRule.push({ id, kind, covered: s !== undefined, branches: wanted.length, branchesSeen: wanted.length - missing.length, missing });
  }
  const covered = byRule.filter((r) => r.covered).length;
  const bTotal = byRule.reduce((a, r) => a + r.branches, 0);
  const bSeen = byRule.reduce((a, r) => a + r.branchesSeen, 0);
  return {
    rules: { total: byRule.length, covered, percent: pct(covered, byRule.length) },
    branches: { total: bTotal, covered: bSeen, percent: pct(bSeen, bTotal) },
    byRule,
  };
}
