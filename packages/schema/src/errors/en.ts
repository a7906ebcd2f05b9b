import { scoringEn } from '../validate/scoring-issues.js';
import type { IssueParams } from './issues.js';

type Messages = { [C in keyof IssueParams]: (p: IssueParams[C]) => string };

const list = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(', ');

/** English messages, one per issue code. */
export const en: Messages = {
  'file.tooLarge': (p) => `file is ${p.size} bytes; rule files may be at most ${p.limit} bytes`,
  'file.unreadable': (p) => `file cannot be read: ${p.reason}`,
  'file.tooMany': (p) => `more than ${p.limit} rule files: this file and those after it were not checked`,
  'file.symlink': (p) => `symbolic link to "${p.target}" not followed: rule files are read only from inside the rules folder`,
  'json.encoding': (p) =>
    p.reason === 'invalidUtf8'
      ? 'bytes that are not valid UTF-8: rule files must be UTF-8 text'
      : 'a lone UTF-16 surrogate (half of a character): text must be whole Unicode characters',
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
      : `"${p.pattern}" is not a regular expression the linear-time engine (RE2) runs${p.detail ? `: ${p.detail}` : ''}`,
  'pack.extendsCycle': (p) => `extends forms a cycle: ${p.cycle.join(' → ')}`,
  'pack.missingFile': (p) => `listed file "${p.file}" does not exist`,
  'pack.unlistedFile': (p) => `file is in the folder of pack "${p.pack}" but not listed in its "files"`,
  'pack.duplicate': (p) => `pack "${p.id}" version ${p.version} is also defined in ${p.firstFile}`,
  'pack.lockedElement': (p) => `cannot ${p.op} "${p.target}": it is locked by ${p.definedIn}:${p.definedLine}`,
  'pack.effectiveOverlap': (p) =>
    `two packs are in force for region "${p.region}" on the same days: this one and "${p.other}" (${p.otherFile})`,
  'escalation.unreachableTier': (p) => `tier "${p.tier}" cannot be reached from the entry tier "${p.entry}"`,
  'escalation.unknownRef': (p) =>
    `unknown ${{ grade: 'severity grade', kind: 'kind of case', reason: 'escalation reason' }[p.what]} "${p.id}"${p.suggestion ? `; did you mean "${p.suggestion}"?` : ''}; this policy defines ${p.known.length ? list(p.known) : 'none'}`,
  'escalation.actionMissing': (p) => `tier "${p.tier}" gives "${p.field}" but its actions do not include "${p.action}"`,
  'escalation.noReason': (p) =>
    `tier "${p.tier}" can escalate but lists no reasons in "escalatesOn": a case goes up only for a reason the policy lists`,
  'escalation.overdueEscalate': (p) =>
    ({
      noTarget: `tier "${p.tier}" escalates when overdue but has no "escalatesTo" or no "escalate" action`,
      noReason: `tier "${p.tier}" escalates when overdue: onOverdue needs the reason to record ("because")`,
      reasonNotListed: `tier "${p.tier}" escalates when overdue for "${p.reason}", which is not in its "escalatesOn"`,
      notEscalate: 'the "because" of onOverdue is only for escalation (action "escalate")',
    })[p.problem],
  'citation.missing': (p) => `${p.element} cites no source: add "source" or mark it "localDefault": true with a "reason"`,
  'citation.reasonMissing': (p) => `${p.element} is a local default but gives no "reason"`,
  'codec.invalid': (p) => `expected ${p.expected}`,
  'pack.notInForce': (p) => `pack ${p.pack} is in force from ${p.from} to ${p.to}, not on ${p.date}: resolve the pack as of that date`,
  'fact.failed': (p) => `the host's function for fact "${p.fact}" failed: ${p.error}`,
  'patrol.taskClosed': (p) => `patrol task "${p.task}" is already ${p.status}; it cannot change`,
  'patrol.outsideWindow': (p) => `patrol task "${p.task}" can be done from ${p.from} to ${p.due}, not on ${p.date}`,
  'cadence.interval': (p) =>
    p.problem === 'both'
      ? `cadence "${p.cadence}" has both "every" and "frequency": write every and count when the text gives a period, frequency alone when it only says "regularly" or "often"`
      : p.problem === 'neither'
        ? `cadence "${p.cadence}" has no period: write every and count, or frequency when the text only says "regularly" or "often"`
        : p.problem === 'countWithoutEvery'
          ? `cadence "${p.cadence}" has a count but no "every": a count needs a period`
          : `cadence "${p.cadence}" has "every" but no count: say how many times each period (at least)`,
  'sizing.measure': (p) => {
    const field =
      p.field === 'role' ? '"role" (the role counted)' : p.field === 'of' ? '"of" (the level whose units are counted)' : '"employment"';
    const measure = p.field === 'role' ? 'holders' : p.field === 'of' ? 'units' : 'gridWorkers, fullTimeInspectors and holders';
    return p.problem === 'missing'
      ? `sizing rule "${p.rule}" measures "${p.measure}" and needs ${field}`
      : `sizing rule "${p.rule}" measures "${p.measure}" and cannot have ${field}: it is only for ${measure}`;
  },
  'sizing.bounds': (p) => `sizing rule "${p.rule}" has min ${p.min} above max ${p.max}`,
  'date.invalid': (p) => `"${p.date}" is not a date that exists`,
  'phase.dates': (p) => `${p.element} starts (${p.from}) after its deadline (${p.by})`,
  'milestone.unknown': (p) => `the pack has no phase or milestone "${p.id}"`,
  ...scoringEn,
};
