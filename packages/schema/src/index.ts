/**
 * `@gridsafe/schema`: the data model of gridsafe rule files (JSON Schemas generated from one
 * TypeBox source, with their static types), located bilingual validation, and io-ts codecs for
 * what a host passes in.
 *
 * @packageDocumentation
 */

export { isIsoDate, isIsoDateTime } from './codecs/datetime.js';
export { decode, decodeOrThrow } from './codecs/decode.js';
export {
  AnswerValue,
  ESCALATION_EVENT_CODECS,
  EscalationEventCodec,
  type EscalationEventInput,
  HazardReport,
  IsoDate,
  type IsoDateBrand,
  IsoDateTime,
  type IsoDateTimeBrand,
  type JsonSchema,
  NonEmpty,
  type NonEmptyBrand,
  PatrolRecord,
  Period,
  PeriodData,
  Photo,
  RemediationPlanCodec,
  SafeJson,
  StationFacts,
  safeRecord,
  toJsonSchema,
} from './codecs/index.js';
export { Bilingual, Citation, SCHEMA_BASE, Severity } from './common.js';
export type {
  AllCondition,
  AnyCondition,
  ConditionReference,
  FactReference,
  JsonValue,
  LeafCondition,
  NestedCondition,
  NotCondition,
  Operator,
  TopLevelCondition,
} from './condition.js';
export { OPERATORS } from './condition.js';
export type { Issue, IssueCode, IssueParams, Location, RefKind } from './errors/issues.js';
export { formatIssue, type IssueExtras, type Lang, makeIssue, message } from './errors/render.js';
export { GridsafeError, orThrow, type Problem } from './errors/throw.js';
export { FACT_SCOPES, FACT_TYPES } from './kinds/catalog.js';
export { ANSWER_TYPES, ITEM_KINDS } from './kinds/checklist.js';
export { PLAN_FIELDS, TIER_ACTIONS } from './kinds/escalation.js';
export { CADENCE_ACTIVITIES, CADENCE_FREQUENCIES, EMPLOYMENTS, SIZING_MEASURES } from './kinds/hierarchy.js';
export * from './kinds/index.js';
export { BODY_KINDS, CONSEQUENCE_KINDS } from './kinds/organisation.js';
export { PARAMETER_FIELDS } from './kinds/pack.js';
export { COUNT_RECORDS, isBlock, PERIODS } from './kinds/scoring.js';
export { type FileInput, type PackSummary, type ValidationReport, validateFile, validateFiles } from './validate/index.js';
export { FORBIDDEN_KEYS, LIMITS } from './validate/limits.js';
export { periodDateExists, periodDateRange } from './validate/organisation.js';
export { type Merged, mergeChain } from './validate/resolve/merge.js';
export type { Origins, Place } from './validate/resolve/origins.js';
export type { Obj, Slot, WorkingFile, Workspace } from './validate/resolve/overlay.js';
export { linearize } from './validate/resolve/select.js';
export type { PackSet, PackSource, Placed, ProvenanceStep, SourceRuleFile } from './validate/resolve/types.js';
export { type ScoringPackContext, scoringIssues, scoringPackIssues } from './validate/scoring-check.js';
export { COUNT_RECORD_FIELDS } from './validate/scoring-records.js';
export { deductionSites, type ElementSite, elementSites, scoringItems } from './validate/scoring-walk.js';
export { locatePointer, pointerSegments, toPointer } from './validate/source.js';
