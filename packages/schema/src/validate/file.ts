import type { TopLevelCondition } from '../condition.js';
import type { Issue } from '../errors/issues.js';
import { makeIssue } from '../errors/render.js';
import { isRuleFileKind, RULE_FILE_KINDS, type RuleFile, type RuleFileKind, type ScoringFile } from '../kinds/index.js';
import { checkCondition } from './condition-check.js';
import { type FileIndex, indexFile } from './elements.js';
import { organisationIssues } from './organisation.js';
import { checkSchema } from './schema-check.js';
import { scoringFileIssues } from './scoring-check.js';
import { locate, parseSource, type SourceFile } from './source.js';

/** A rule file after the checks that need no other file. */
export interface CheckedFile {
  source: SourceFile;
  kind?: RuleFileKind;
  /** Present when the file is schema-valid. */
  data?: RuleFile;
  index?: FileIndex;
  issues: Issue[];
}

function citationIssues(file: SourceFile, index: FileIndex): Issue[] {
  const out: Issue[] = [];
  for (const site of index.cited) {
    const { source, localDefault, reason } = site.value;
    if (source === undefined && localDefault !== true) {
      out.push(makeIssue('citation.missing', locate(file, site.pointer), { element: site.label }));
    } else if (localDefault === true && reason === undefined) {
      out.push(makeIssue('citation.reasonMissing', locate(file, `${site.pointer}/localDefault`, true), { element: site.label }));
    }
  }
  return out;
}

function duplicateIdIssues(file: SourceFile, index: FileIndex): Issue[] {
  const out: Issue[] = [];
  const first = new Map<string, string>();
  for (const d of index.defs) {
    const key = `${d.refKind === 'fact' ? 'fact' : 'id'}:${d.id}`;
    const prior = first.get(key);
    if (prior === undefined) first.set(key, d.pointer);
    else {
      const firstAt = locate(file, prior);
      out.push(
        makeIssue(
          'id.duplicate',
          locate(file, `${d.pointer}/id`),
          { id: d.id, firstFile: file.name, firstLine: firstAt.line },
          { found: d.id, related: firstAt },
        ),
      );
    }
  }
  return out;
}

/** Path and regex checks that need no fact catalogue: they run on every condition of every file. */
function conditionSafetyIssues(file: SourceFile, index: FileIndex): Issue[] {
  const out: Issue[] = [];
  const ctx = { facts: undefined, conditions: undefined };
  for (const site of index.conditions)
    checkCondition((p, k) => locate(file, p, k), site.condition as TopLevelCondition, site.pointer, ctx, site.answerType, out);
  return out;
}

/**
 * Check one rule file on its own: size, depth, syntax, keys, kind, schema, citations, duplicate
 * ids, paths and regexes. Never throws.
 */
export function checkFile(text: string, name: string): CheckedFile {
  const { file, issues } = parseSource(text, name);
  const result: CheckedFile = { source: file, issues };
  if (file.value === undefined) return result;
  const value = file.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    issues.push(makeIssue('file.notObject', locate(file, ''), {}));
    return result;
  }
  const kind = (value as { kind?: unknown }).kind;
  if (!isRuleFileKind(kind)) {
    const at = kind === undefined ? locate(file, '') : locate(file, '/kind');
    issues.push(
      kind === undefined
        ? makeIssue('schema.required', at, { property: 'kind' }, { expected: RULE_FILE_KINDS.join(' | ') })
        : makeIssue('file.unknownKind', at, { kind: String(kind), allowed: [...RULE_FILE_KINDS] }, { found: JSON.stringify(kind) }),
    );
    return result;
  }
  result.kind = kind;
  const schemaIssues = checkSchema(file, kind, value);
  issues.push(...schemaIssues);
  if (schemaIssues.length > 0) return result;
  result.data = value as RuleFile;
  result.index = indexFile(result.data);
  issues.push(
    ...citationIssues(file, result.index),
    ...duplicateIdIssues(file, result.index),
    ...conditionSafetyIssues(file, result.index),
    ...organisationIssues(file, result.data),
  );
  if (kind === 'scoring') issues.push(...scoringFileIssues(result.data as ScoringFile, (p, k) => locate(file, p, k)));
  return result;
}
