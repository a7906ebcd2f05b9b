import type {
  CasesFile,
  CatalogFile,
  ChecklistFile,
  Citation,
  EscalationFile,
  HierarchyFile,
  PackFile,
  RequirementsFile,
  RuleFile,
  ScoringFile,
  StandardFile,
} from '@gridsafe/schema';

/** A rule file as loaded: its name (for messages), its text (for positions) and its data. */
export interface SourceRuleFile<F extends RuleFile = RuleFile> {
  name: string;
  text?: string;
  data: F;
}

/** One version of a pack: its manifest and member files, all schema-valid. */
export interface PackSource {
  manifest: SourceRuleFile<PackFile>;
  files: SourceRuleFile[];
}

/** Every pack version a resolver may draw on, by pack id. */
export type PackSet = ReadonlyMap<string, readonly PackSource[]>;

/** How an element came to be what it is: one entry per pack operation that touched it. */
export interface ProvenanceStep {
  pack: string;
  version: string;
  file: string;
  op: 'define' | 'add' | 'modify' | 'setParameter' | 'remove';
  /** For overlay operations, the index of the operation in the manifest's `overlays`. */
  overlay?: number;
  /** Fields the operation changed (modify, setParameter). */
  fields?: string[];
  source?: Citation[];
  localDefault?: boolean;
}

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
