import { type ChecklistFile, type ChecklistItem, decode, type Issue, makeIssue, PatrolRecord, toPointer } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';
import type { ResolvedPack } from '../resolve/types.js';
import { type CompiledChecklist, type CompileMode, compiledChecklist } from './compiled.js';
import { checkFacts } from './facts.js';

/** Whether an answer has its item's answer type (null, not answered, always does). */
export const answerFits = (item: ChecklistItem, v: unknown): boolean =>
  v === null ||
  ((item.answer === 'boolean' ? typeof v === 'boolean' : item.answer === 'number' ? typeof v === 'number' : typeof v === 'string') &&
    (item.answer !== 'choice' || !item.choices || item.choices.includes(v as string)));

/** A decoded, checked patrol record, laid out for its checklist's kernel. */
export interface PreparedPatrol {
  record: PatrolRecord;
  compiled: CompiledChecklist;
  /** Per item: the answer; null when not applicable, undefined when not answered. */
  answers: unknown[];
  /** Per item: 1 when the record marks it not applicable. */
  na: Uint8Array;
  /** Per item: the number of photos of it. */
  counts: number[];
  /** The record facts the kernel reads, by slot (`compiled.slots`). */
  fv: unknown[];
  /** The host's facts, checked, in a prototype-free object (built on first call, then the same object). */
  facts(): Record<string, unknown>;
}

/** The checklist a record is judged by: the one named in the options, else its grid type's. */
export function checklistFor(pack: ResolvedPack, gridType: unknown, checklist: string | undefined): ChecklistFile | undefined {
  return checklist ? pack.checklists.find((c) => c.id === checklist) : pack.checklists.find((c) => c.gridType === gridType);
}

/** The record's local day is outside the pack's effective range. */
export function notInForce(pack: ResolvedPack, at: string, name: string): Issue[] | undefined {
  const day = at.slice(0, 10);
  const { from, to = '9999-12-31' } = pack.effective;
  if (day >= from && day <= to) return undefined;
  const where = { file: name, line: 0, column: 0, pointer: '/at' };
  return [makeIssue('pack.notInForce', where, { pack: `${pack.id}@${pack.version}`, date: day, from, to }, { found: day })];
}

/**
 * Decode and check a record against its checklist: every problem located, or the prepared record.
 * The path every record can take; well-formed ones usually take the evaluator's faster one.
 */
export function preparePatrol(
  pack: ResolvedPack,
  input: unknown,
  options: { name?: string; checklist?: string; mode?: CompileMode },
): E.Either<Issue[], PreparedPatrol> {
  const name = options.name ?? 'record';
  const decoded = decode(PatrolRecord, input, name);
  if (E.isLeft(decoded)) return decoded;
  const record = decoded.right;
  // The rules in force on the record's own day (its local date) are the ones that apply.
  const stale = notInForce(pack, record.at, name);
  if (stale) return E.left(stale);
  const checklist = checklistFor(pack, record.gridType, options.checklist);
  const at = (path: (string | number)[]) => ({ file: name, line: 0, column: 0, pointer: toPointer(path) });
  if (!checklist) {
    const id = options.checklist ?? record.gridType;
    return E.left([makeIssue('ref.unknown', at(options.checklist ? [] : ['gridType']), { refKind: 'file', id }, { found: id })]);
  }
  const compiled = compiledChecklist(pack, checklist, options.mode);
  const { facts: hostFacts, issues } = checkFacts(pack, record.facts ?? {}, name, ['facts']);
  const items = checklist.items;
  for (const [k, v] of Object.entries(record.answers)) {
    const i = compiled.index.get(k);
    const item = i === undefined ? undefined : items[i];
    if (!item) issues.push(makeIssue('ref.unknown', at(['answers', k]), { refKind: 'item', id: k }, { found: k }));
    else if (!answerFits(item, v)) {
      const expected =
        item.answer === 'choice' && item.choices
          ? item.choices.join(' | ')
          : item.answer === 'number'
            ? 'number'
            : item.answer === 'boolean'
              ? 'boolean'
              : 'string';
      issues.push(makeIssue('codec.invalid', at(['answers', k]), { expected }, { expected, found: JSON.stringify(v) }));
    }
  }
  for (const [i, k] of (record.notApplicable ?? []).entries()) {
    if (!compiled.index.has(k)) issues.push(makeIssue('ref.unknown', at(['notApplicable', i]), { refKind: 'item', id: k }, { found: k }));
  }
  if (issues.length > 0) return E.left(issues);

  const n = items.length;
  const na = new Uint8Array(n);
  for (const k of record.notApplicable ?? []) na[compiled.index.get(k) as number] = 1;
  const counts = new Array<number>(n).fill(0);
  for (const p of record.photos) {
    const i = p.itemId === undefined ? undefined : compiled.index.get(p.itemId);
    if (i !== undefined) counts[i] = (counts[i] as number) + 1;
  }
  // Answers are read as own properties only: an item named like an Object.prototype member
  // (`constructor`) that the record does not answer is not answered.
  const answers = items.map((item, i) => (na[i] ? null : Object.hasOwn(record.answers, item.id) ? record.answers[item.id] : undefined));
  const fv = compiled.slots.map((f) => (Object.hasOwn(hostFacts, f) ? hostFacts[f] : undefined));
  return E.right({ record, compiled, answers, na, counts, fv, facts: () => hostFacts });
}
