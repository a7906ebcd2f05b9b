import type { Citation } from '../../common.js';
import type { Location } from '../../errors/issues.js';
import type { PackFile, RuleFile } from '../../kinds/index.js';

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

/** Turns a JSON pointer of one source file into a line and column; parses the text at most once. */
export interface Placed {
  /** The file's name. */
  name: string;
  /** The line and column of `pointer` (of its key, with `key`). */
  at(pointer: string, key?: boolean): Location;
}
