import { scoringEn } from '../validate/scoring-issues.js';
import type { IssueParams } from './issues.js';

type Messages = { [C in keyof IssueParams]: (p: IssueParams[C]) => string };

const list = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(', ');

/** English messages, one per issue code. */
export const en: Messages = {
  'file.tooLarge': (p) => `file is ${p.size} bytes; rule files may be at most ${p.limit} bytes`,
  'file.unreadable': (p) => `file cannot be read: ${p.reason}`,
  'file.notObject': () => 'a rule file must be a JSON object',
  'file.unknownKind': (p) => `unknown kind "${p.kind}"; expected one of ${list(p.allowed)}`,
  'json.syntax': (p) => `JSON syntax error: ${p.error}`,
  'json.tooDeep': (p) => `nesting deeper than ${p.limit} levels`,
  'json.duplicateKey': (p) => `key "${p.key}" appears twice in this object`,
  'json.forbiddenKey': (p) => `key "${p.key}" is not allowed in rule files`,
  'schema.required': (p) => `missing required property "${p.property}"`,
  'schema.unknownProperty': (p) => `unknown property "${p.property}"`,
  'schema.type': (p) => `expected ${p.expected}`,
  'schema.enum': (p) => `expected one of ${list(p.allowed)}`,
  'schema.pattern': (p) => `does not match the required form ${p.pattern}`,
  'schema.format': (p) => `expected a valid ${p.format}`,
  'schema.range': (p) => `must be ${p.comparison} ${p.limit}`,
  'schema.size': (p) => `${p.keyword} is ${p.limit}`,
  'schema.unique': (p) => `entries ${p.first} and ${p.second} are the same; entries must be unique`,
  'schema.other': (p) => `${p.keyword}: ${p.detail}`,
  'id.duplicate': (p) => `id "${p.id}" is already defined in ${p.firstFile}:${p.firstLine}`,
  'ref.unknown': (p) => `unknown ${p.refKind} "${p.id}"${p.suggestion ? `; did you mean "${p.suggestion}"?` : ''}`,
  'condition.operatorType': (p) => `operator "${p.operator}" cannot be used on fact "${p.fact}" of type ${p.factType}`,
  'condition.valueType': (p) => `operator "${p.operator}" on fact "${p.fact}" (${p.factType}) needs a value of type ${p.expected}`,
  'condition.unsafePath': (p) => `path "${p.path}" is not allowed: only plain paths like $.name or $.list[0]`,
  'condition.unknownPath': (p) => `fact "${p.fact}" has no property at path "${p.path}"`,
  'regex.unsafe': (p) =>
    p.reason === 'tooLong'
      ? `regular expression longer than ${p.limit} characters`
      : p.reason === 'invalid'
        ? `"${p.pattern}" is not a valid regular expression`
        : `regular expression "${p.pattern}" may take exponential time (nested repetition)`,
  'pack.extendsCycle': (p) => `extends forms a cycle: ${p.cycle.join(' → ')}`,
  'pack.missingFile': (p) => `listed file "${p.file}" does not exist`,
  'pack.unlistedFile': (p) => `file is in the folder of pack "${p.pack}" but not listed in its "files"`,
  'pack.duplicate': (p) => `pack "${p.id}" version ${p.version} is also defined in ${p.firstFile}`,
  'pack.lockedElement': (p) => `cannot ${p.op} "${p.target}": it is locked by ${p.definedIn}:${p.definedLine}`,
  'pack.effectiveOverlap': (p) =>
    `two packs are in force for region "${p.region}" on the same days: this one and "${p.other}" (${p.otherFile})`,
  'escalation.unreachableTier': (p) => `tier "${p.tier}" cannot be reached from the entry tier "${p.entry}"`,
  'citation.missing': (p) => `${p.element} cites no source: add "source" or mark it "localDefault": true with a "reason"`,
  'citation.reasonMissing': (p) => `${p.element} is a local default but gives no "reason"`,
  'codec.invalid': (p) => `expected ${p.expected}`,
  'pack.notInForce': (p) => `pack ${p.pack} is in force from ${p.from} to ${p.to}, not on ${p.date}: resolve the pack as of that date`,
  'fact.failed': (p) => `the host's function for fact "${p.fact}" failed: ${p.error}`,
  'patrol.taskClosed': (p) => `patrol task "${p.task}" is already ${p.status}; it cannot change`,
  'patrol.outsideWindow': (p) => `patrol task "${p.task}" can be done from ${p.from} to ${p.due}, not on ${p.date}`,
  ...scoringEn,
};
