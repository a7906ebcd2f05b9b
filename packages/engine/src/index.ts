/**
 * `@gridsafe/engine`: resolve rule packs (extends, overlays, provenance, effective dates) and
 * evaluate checklists, station standards and operational requirements with compiled, explained
 * conditions. No I/O: `@gridsafe/engine/node` loads packs from disk.
 *
 * @packageDocumentation
 */

export { escalationPath } from './cases/escalation.js';
export { caseRecord } from './cases/patrol.js';
export { type CaseResult, type CaseRunner, runCases } from './cases/run.js';
export { compileClosure, explain } from './compile/closure.js';
export { type GeneratedSource, generate, HELPERS, instantiate, toModuleSource } from './compile/codegen.js';
export { atPath, MAX_MATCH_INPUT, matches, numeric, OPERATOR_FNS, pathSegments } from './compile/operators.js';
export type { Facts, GroupTrace, LeafTrace, NamedConditions, Predicate, Trace } from './compile/types.js';
export { type AsyncFact, type AsyncPatrolOptions, evaluatePatrolAsync } from './evaluate/async.js';
export {
  type BodiesResult,
  type BodyResult,
  type BodyState,
  checkBodies,
  type SeatName,
  type SeatResult,
} from './evaluate/bodies.js';
export { type CompileMode, canGenerateCode, compileAll, namedConditions } from './evaluate/compiled.js';
export { type CompilePatrolOptions, compilePatrol } from './evaluate/evaluator.js';
export { checkFacts, factCatalog } from './evaluate/facts.js';
export { formatTrace } from './evaluate/format-trace.js';
export {
  type BatchOptions,
  type EvaluateOptions,
  evaluatePatrol,
  type Finding,
  type FindingYield,
  type PatrolBatch,
  type PatrolEvaluator,
  type PatrolOptions,
  type PatrolResult,
  type PatrolSummary,
} from './evaluate/patrol.js';
export { type HazardReportOptions, hazardReports } from './evaluate/reports.js';
export {
  checkRequirements,
  type ProducedConsequence,
  type RequirementsResult,
  type RuleResult,
  type SkippedRule,
} from './evaluate/requirements.js';
export { directRoute } from './evaluate/route.js';
export {
  type CountedMeasure,
  checkSizing,
  type PeopleCount,
  type SizedUnit,
  type SizingMeasure,
  type SizingResult,
  type SizingRuleResult,
} from './evaluate/sizing.js';
export { assessStation, type RequirementResult, type StationOptions, type StationResult } from './evaluate/station.js';
export { addDays, dayNumber, type Window, windowOf } from './plan/calendar.js';
export { completePatrol, reportUndone } from './plan/complete.js';
export { type MilestoneReport, type MilestoneState, type MilestoneStatus, milestonesDue } from './plan/milestones.js';
export { type PlanOptions, planPatrols } from './plan/plan.js';
export type { PatrolEvent, PatrolGrid, PatrolPlan, PatrolStatus, PatrolTask, UndoneReason, Unscheduled } from './plan/types.js';
export { rng } from './random.js';
export { createRegistry, type PackRegistry, type PackVersionInfo } from './registry/registry.js';
export { packSetFromFiles } from './resolve/load.js';
export { explainProvenance, type ResolveOptions, resolvePack } from './resolve/resolve.js';
export { createResolver, type PackResolver } from './resolve/resolver.js';
export type { PackSet, PackSource, ProvenanceStep, ResolvedPack, SourceRuleFile } from './resolve/types.js';
