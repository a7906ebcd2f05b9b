import type { ScoringIssueParams } from '../validate/scoring-issues.js';

/** What kind of thing a reference names. */
export type RefKind =
  | 'pack'
  | 'file'
  | 'level'
  | 'role'
  | 'cadence'
  | 'sector'
  | 'fact'
  | 'condition'
  | 'tier'
  | 'department'
  | 'item'
  | 'checklist'
  | 'requirement'
  | 'rule'
  | 'grade'
  | 'place'
  | 'unit'
  | 'body'
  | 'phase'
  | 'consequence'
  | 'element';

/** Typed parameters of every issue code. */
export interface IssueParams extends ScoringIssueParams {
  'file.tooLarge': { size: number; limit: number };
  'file.unreadable': { reason: string };
  'file.tooMany': { limit: number };
  'file.symlink': { target: string };
  'json.encoding': { reason: 'invalidUtf8' | 'loneSurrogate' };
  'file.notObject': Record<string, never>;
  'file.unknownKind': { kind: string; allowed: string[] };
  'json.syntax': { error: string };
  'json.tooDeep': { limit: number };
  'json.duplicateKey': { key: string };
  'json.forbiddenKey': { key: string };
  'schema.required': { property: string };
  'schema.unknownProperty': { property: string };
  'schema.type': { expected: string };
  'schema.enum': { allowed: string[] };
  'schema.pattern': { pattern: string };
  'schema.format': { format: string };
  'schema.range': { comparison: string; limit: number };
  'schema.size': { keyword: string; limit: number };
  'schema.unique': { first: number; second: number };
  'schema.other': { keyword: string; detail: string };
  'id.duplicate': { id: string; firstFile: string; firstLine: number };
  'ref.unknown': { refKind: RefKind; id: string; suggestion?: string };
  'condition.operatorType': { fact: string; factType: string; operator: string };
  'condition.valueType': { fact: string; factType: string; operator: string; expected: string };
  'condition.unsafePath': { path: string };
  'condition.unknownPath': { fact: string; path: string };
  'regex.unsafe': { pattern: string; reason: 'tooLong' | 'invalid'; detail?: string; limit: number };
  'pack.extendsCycle': { cycle: string[] };
  'pack.missingFile': { file: string };
  'pack.unlistedFile': { file: string; pack: string };
  'pack.duplicate': { id: string; version: string; firstFile: string };
  'pack.lockedElement': { target: string; op: string; definedIn: string; definedLine: number };
  'pack.effectiveOverlap': { region: string; other: string; otherFile: string };
  'escalation.unreachableTier': { tier: string; entry: string };
  'escalation.unknownRef': { what: 'grade' | 'kind' | 'reason'; id: string; known: string[]; suggestion?: string };
  'escalation.actionMissing': { tier: string; field: string; action: string };
  'escalation.noReason': { tier: string };
  'escalation.overdueEscalate': { tier: string; problem: 'noTarget' | 'noReason' | 'reasonNotListed' | 'notEscalate'; reason: string };
  'citation.missing': { element: string };
  'citation.reasonMissing': { element: string };
  'codec.invalid': { expected: string };
  'pack.notInForce': { pack: string; date: string; from: string; to: string };
  'fact.failed': { fact: string; error: string };
  'patrol.taskClosed': { task: string; status: 'done' | 'missed' };
  'patrol.outsideWindow': { task: string; date: string; from: string; due: string };
  'cadence.interval': { cadence: string; problem: 'both' | 'neither' | 'countWithoutEvery' | 'everyWithoutCount' };
  'sizing.measure': { rule: string; measure: string; field: 'role' | 'of' | 'employment'; problem: 'missing' | 'unexpected' };
  'sizing.bounds': { rule: string; min: number; max: number };
  'date.invalid': { date: string };
  'phase.dates': { element: string; from: string; by: string };
  'milestone.unknown': { id: string };
}

/** Every issue code. */
export type IssueCode = keyof IssueParams;

/** Where a problem is: file, 1-based line and column, and the JSON pointer. */
export interface Location {
  file: string;
  line: number;
  column: number;
  pointer: string;
}

/**
 * One problem found in a rule file or in host input, as data. `params` is typed by `code`;
 * `message` holds the rendered text in both languages.
 */
export type Issue = {
  [C in IssueCode]: Location & {
    code: C;
    severity: 'error' | 'warning';
    params: IssueParams[C];
    /** What was expected, in neutral notation. */
    expected?: string;
    /** What was found, in neutral notation. */
    found?: string;
    /** A second place involved, such as the first definition of a duplicate id. */
    related?: Location;
    message: { zh: string; en: string };
  };
}[IssueCode];
