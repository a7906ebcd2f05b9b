import type { CasesFile, Issue, TestCase } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';
import { checkRequirements } from '../evaluate/requirements.js';
import { assessStation } from '../evaluate/station.js';
import type { ResolvedPack } from '../resolve/types.js';
import { runEscalationCase } from './escalation.js';
import { runOrganisationCase } from './organisation.js';
import { patrolCaseResults, runPatrolCase } from './patrol.js';

/** The outcome of one test case: pass or fail, with what was expected and what came out. */
export interface CaseResult {
  file: string;
  id: string;
  type: TestCase['type'];
  title: TestCase['title'];
  pass: boolean;
  expected: unknown;
  actual: unknown;
  /** Problems that stopped the case from running (bad input in the case itself). */
  issues?: Issue[];
}

const sorted = (xs: readonly string[]) => [...xs].sort();
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Runs cases of a type another package owns (the scoring package runs `score` cases). */
export type CaseRunner = (pack: ResolvedPack, c: TestCase) => Pick<CaseResult, 'pass' | 'expected' | 'actual' | 'issues'>;

type PatrolResults = ReturnType<typeof patrolCaseResults>;

function runOne(
  pack: ResolvedPack,
  file: CasesFile,
  c: TestCase,
  runners: Partial<Record<TestCase['type'], CaseRunner>>,
  patrols: PatrolResults,
): CaseResult {
  const head = { file: file.id, id: c.id, type: c.type, title: c.title };
  const failed = (issues: Issue[]): CaseResult => ({ ...head, pass: false, expected: c.expect, actual: null, issues });
  switch (c.type) {
    case 'patrol':
      return { ...head, ...runPatrolCase(pack, c, patrols.get(c)) };
    case 'station': {
      const r = assessStation(pack, { stationId: c.id, date: '2000-01-01', facts: c.input.facts }, { standard: c.standard, name: c.id });
      if (E.isLeft(r)) return failed(r.left);
      const actual = {
        unmet: sorted(r.right.requirements.filter((q) => !q.met).map((q) => q.id)),
        ...(c.expect.passed !== undefined ? { passed: r.right.passed } : {}),
      };
      const expected = { unmet: sorted(c.expect.unmet), ...(c.expect.passed !== undefined ? { passed: c.expect.passed } : {}) };
      return { ...head, pass: same(expected, actual), expected, actual };
    }
    case 'requirements': {
      // A case without a unit checks every rule of the file, whatever the levels and places it binds.
      const unit = c.input.unit ? { id: c.id, ...c.input.unit } : { id: c.id, level: 'case' };
      const r = checkRequirements(
        pack,
        { period: { kind: 'month', start: '2000-01-01' }, unit, facts: c.input.facts },
        { requirements: c.requirements, name: c.id, anyUnit: c.input.unit === undefined },
      );
      if (E.isLeft(r)) return failed(r.left);
      const { skipped, consequences } = c.expect;
      const actual = {
        unsatisfied: sorted(r.right.rules.filter((x) => !x.satisfied && x.category !== 'outcome').map((x) => x.id)),
        ...(skipped ? { skipped: sorted(r.right.skipped.map((x) => x.id)) } : {}),
        ...(consequences ? { consequences: sorted(r.right.consequences.map((x) => x.id)) } : {}),
      };
      const expected = {
        unsatisfied: sorted(c.expect.unsatisfied),
        ...(skipped ? { skipped: sorted(skipped) } : {}),
        ...(consequences ? { consequences: sorted(consequences) } : {}),
      };
      return { ...head, pass: same(expected, actual), expected, actual };
    }
    case 'milestones':
    case 'sizing':
    case 'bodies':
    case 'plan':
      return { ...head, ...(runOrganisationCase(pack, c) as NonNullable<ReturnType<typeof runOrganisationCase>>) };
    case 'escalation':
      // The path walk here, unless a runner is given (`@gridsafe/escalation` runs cases through its machine).
      return { ...head, ...(runners.escalation ? runners.escalation(pack, c) : runEscalationCase(pack, c)) };
    default: {
      const runner = runners[c.type];
      if (runner) return { ...head, ...runner(pack, c) };
      return {
        ...head,
        pass: false,
        expected: c.expect,
        actual: `no runner for "${c.type}" cases: pass one in options.runners (the scoring package has it)`,
      };
    }
  }
}

/**
 * Run a pack's test cases (`*.cases.json`): every case of every cases file, or of the one given.
 * Patrol, station, requirements, escalation, milestones, sizing, bodies and plan cases run here; `score` cases need the runner from
 * `@gridsafe/scoring` in `options.runners`, and fail without one. An `escalation` runner in
 * `options.runners` (from `@gridsafe/escalation`) replaces the built-in path walk.
 *
 * @example
 * ```ts
 * import { runCases, type ResolvedPack } from '@gridsafe/engine';
 * declare const pack: ResolvedPack;
 * const failures = runCases(pack).filter((r) => !r.pass);
 * console.log(failures.length === 0 ? 'all cases pass' : failures.map((f) => f.id));
 * ```
 */
export function runCases(
  pack: ResolvedPack,
  options: { only?: CasesFile; runners?: Partial<Record<TestCase['type'], CaseRunner>> } = {},
): CaseResult[] {
  const files = options.only ? [options.only] : pack.cases.filter((f) => f.pack === pack.id);
  // Patrol cases are evaluated in batches, one per checklist, before the cases are reported in order.
  const patrols = patrolCaseResults(
    pack,
    files.flatMap((f) => f.cases.flatMap((c) => (c.type === 'patrol' ? [c] : []))),
  );
  return files.flatMap((file) => file.cases.map((c) => runOne(pack, file, c, options.runners ?? {}, patrols)));
}
