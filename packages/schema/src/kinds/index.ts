import type { TSchema } from '@sinclair/typebox';
import { SCHEMA_BASE } from '../common.js';
import { conditionDefs } from '../condition.js';
import { CasesFile } from './cases.js';
import { CatalogFile } from './catalog.js';
import { ChecklistFile } from './checklist.js';
import { EscalationFile } from './escalation.js';
import { HierarchyFile } from './hierarchy.js';
import { PackFile } from './pack.js';
import { RequirementsFile } from './requirements.js';
import { ScoringFile } from './scoring.js';
import { StandardFile } from './standard.js';

/** Every rule-file kind, in the order the docs list them. */
export const RULE_FILE_KINDS = [
  'pack',
  'catalog',
  'hierarchy',
  'checklist',
  'standard',
  'requirements',
  'escalation',
  'scoring',
  'cases',
] as const;
/** A rule-file kind, the value of a file's `kind` property. */
export type RuleFileKind = (typeof RULE_FILE_KINDS)[number];

const sources: Record<RuleFileKind, TSchema> = {
  pack: PackFile,
  catalog: CatalogFile,
  hierarchy: HierarchyFile,
  checklist: ChecklistFile,
  standard: StandardFile,
  requirements: RequirementsFile,
  escalation: EscalationFile,
  scoring: ScoringFile,
  cases: CasesFile,
};

/** The published file name of a kind's schema, e.g. `checklist.schema.json`. */
export function schemaFileName(kind: RuleFileKind): string {
  return `${kind}.schema.json`;
}

/**
 * The JSON Schema (draft 2020-12) of one rule-file kind: self-contained, with a stable `$id`,
 * ready for ajv or an editor.
 *
 * @example
 * ```ts
 * import { ruleFileSchema } from '@gridsafe/schema';
 * const schema = ruleFileSchema('checklist');
 * console.log(schema.$id); // https://gridsafe.dev/schema/v1/checklist.schema.json
 * ```
 */
export function ruleFileSchema(kind: RuleFileKind): Record<string, unknown> {
  const body = JSON.parse(JSON.stringify(sources[kind])) as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${SCHEMA_BASE}${schemaFileName(kind)}`,
    ...body,
    $defs: { ...conditionDefs, ...((body.$defs as Record<string, unknown> | undefined) ?? {}) },
  };
}

/** Whether `value` names a rule-file kind. */
export function isRuleFileKind(value: unknown): value is RuleFileKind {
  return typeof value === 'string' && (RULE_FILE_KINDS as readonly string[]).includes(value);
}

export type { CasesFile, TestCase } from './cases.js';
export type { CatalogFile, FactDecl, FactType, NamedCondition, SectorDecl } from './catalog.js';
export type { ChecklistFile, ChecklistItem } from './checklist.js';
export type { EscalationFile, Tier, TierAction } from './escalation.js';
export type { Cadence, HierarchyFile, Level, Role, Sizing } from './hierarchy.js';
export type { Body, Consequence, Duty, Milestone, Phase, Place, Scope, Seat, UnitKind } from './organisation.js';
export type { OverlayOp, PackFile } from './pack.js';
export type { OperationalRule, RequirementsFile } from './requirements.js';
export type {
  ConditionDeduction,
  CountDecl,
  Deduction,
  Metric,
  PerCountDeduction,
  RangeDeduction,
  ScoringBlock,
  ScoringElement,
  ScoringFile,
  ScoringItem,
} from './scoring.js';
export type { StandardFile, StandardRequirement } from './standard.js';

/** Any rule file, discriminated by `kind`. */
export type RuleFile =
  | import('./pack.js').PackFile
  | import('./catalog.js').CatalogFile
  | import('./hierarchy.js').HierarchyFile
  | import('./checklist.js').ChecklistFile
  | import('./standard.js').StandardFile
  | import('./requirements.js').RequirementsFile
  | import('./escalation.js').EscalationFile
  | import('./scoring.js').ScoringFile
  | import('./cases.js').CasesFile;
