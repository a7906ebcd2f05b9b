import type {
  CasesFile,
  CatalogFile,
  ChecklistFile,
  EscalationFile,
  HierarchyFile,
  ProvenanceStep,
  RequirementsFile,
  ScoringFile,
  StandardFile,
} from '@gridsafe/schema';

export type { PackSet, PackSource, ProvenanceStep, SourceRuleFile } from '@gridsafe/schema';

/** A pack with its `extends` chain and overlays applied: what the evaluators run. */
export interface ResolvedPack {
  id: string;
  version: string;
  /** The date the versions were chosen for, if one was given. */
  asOf?: string;
  /** The packs resolved, parents first, with the versions chosen. */
  chain: { id: string; version: string; from: string; to?: string }[];
  /** Dates this resolution is valid for: the intersection of the chain's effective ranges. */
  effective: { from: string; to?: string };
  catalogs: CatalogFile[];
  hierarchies: HierarchyFile[];
  checklists: ChecklistFile[];
  standards: StandardFile[];
  requirements: RequirementsFile[];
  escalations: EscalationFile[];
  scorings: ScoringFile[];
  cases: CasesFile[];
  /** Provenance of every element and file, by id. */
  provenance: ReadonlyMap<string, readonly ProvenanceStep[]>;
}
