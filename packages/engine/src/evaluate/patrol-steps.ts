import {
  type ChecklistFile,
  type ChecklistItem,
  decode,
  type Issue,
  makeIssue,
  PatrolRecord,
  type Severity,
  toPointer,
} from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';
import type { Explainer } from '../compile/codegen.js';
import type { Facts } from '../compile/types.js';
import type { ResolvedPack } from '../resolve/types.js';
import { type CompiledChecklist, compiledChecklist } from './compiled.js';
import { checkFacts } from './facts.js';
import type { Finding, FindingYield, PatrolOptions, PatrolResult } from './patrol.js';
import { routeOf } from './route.js';

const answerFits = (item: ChecklistItem, v: unknown) =>
  v === null ||
  ((item.answer === 'boolean' ? typeof v === 'boolean' : item.answer === 'number' ? typeof v === 'number' : typeof v === 'string') &&
    (item.answer !== 'choice' || !item.choices || item.choices.includes(v as string)));

/** A decoded, checked patrol record, laid out for a checklist kernel. */
export interface PreparedPatrol {
  record: PatrolRecord;
  checklist: ChecklistFile;
  compiled: CompiledChecklist;
  facts: Record<string, unknown>;
  notApplicable: Set<string>;
  /** Per item: the answer (null when not applicable), and the count of photos. */
  answers: unknown[];
  counts: number[];
}

/** Decode and check a record against its checklist; every problem located, or the prepared record. */
export function preparePatrol(pack: ResolvedPack, input: unknown, options: PatrolOptions): E.Either<Issue[], PreparedPatrol> {
  const name = options.name ?? 'record';
  const decoded = decode(PatrolRecord, input, name);
  if (E.isLeft(decoded)) return decoded;
  const record = decoded.right;
  // The rules in force on the record's own day (its local date) are the ones that apply.
  const day = record.at.slice(0, 10);
  const { from, to = '9999-12-31' } = pack.effective;
  if (day < from || day > to) {
    const at = { file: name, line: 0, column: 0, pointer: '/at' };
    return E.left([makeIssue('pack.notInForce', at, { pack: `${pack.id}@${pack.version}`, date: day, from, to }, { found: day })]);
  }
  const checklist: ChecklistFile | undefined = options.checklist
    ? pack.checklists.find((c) => c.id === options.checklist)
    : pack.checklists.find((c) => c.gridType === record.gridType);
  const at = (path: (string | number)[]) => ({ file: name, line: 0, column: 0, pointer: toPointer(path) });
  if (!checklist) {
    const id = options.checklist ?? record.gridType;
    return E.left([makeIssue('ref.unknown', at(options.checklist ? [] : ['gridType']), { refKind: 'file', id }, { found: id })]);
  }
  const { facts: hostFacts, issues } = checkFacts(pack, record.facts ?? {}, name, ['facts']);
  const items = new Map(checklist.items.map((i) => [i.id, i]));
  for (const [k, v] of Object.entries(record.answers)) {
    const item = items.get(k);
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
    if (!items.has(k)) issues.push(makeIssue('ref.unknown', at(['notApplicable', i]), { refKind: 'item', id: k }, { found: k }));
  }
  if (issues.length > 0) return E.left(issues);

  const compiled = compiledChecklist(pack, checklist, options.mode);
  const photos = new Map<string, number>();
  for (const p of record.photos) if (p.itemId) photos.set(p.itemId, (photos.get(p.itemId) ?? 0) + 1);
  const notApplicable = new Set<string>(record.notApplicable ?? []);
  const facts: Record<string, unknown> = hostFacts;
  const answers = checklist.items.map((item) => (notApplicable.has(item.id) ? null : record.answers[item.id]));
  const counts = checklist.items.map((item) => photos.get(item.id) ?? 0);
  return E.right({ record, checklist, compiled, facts, notApplicable, answers, counts });
}

/**
 * Findings from per-item codes (0 ok, 1 hazard, 2 major hazard), with explanations and routes read
 * off `prepared.facts`.
 */
export function finishPatrol(pack: ResolvedPack, prepared: PreparedPatrol, codes: ArrayLike<number>, options: PatrolOptions): PatrolResult {
  const { record, checklist, compiled, facts, notApplicable, answers, counts } = prepared;
  const explainMode = options.explain === undefined ? 'hazards' : options.explain;
  const findings: Finding[] = [];
  let hazards = 0;
  let reports = 0;
  checklist.items.forEach((item, i) => {
    const answer = answers[i];
    const n = counts[i] as number;
    const required = item.evidence.photo === 'required';
    const base = { item: item.id, number: item.number, text: item.text, sector: item.sector, itemKind: item.itemKind };
    const evidence = { required, photos: n, present: !required || n >= (item.evidence.minPhotos ?? 1) };
    if (notApplicable.has(item.id)) return findings.push({ ...base, status: 'notApplicable', evidence });
    if (answer === undefined || answer === null) return findings.push({ ...base, status: 'notAnswered', evidence });
    const code = codes[i] as number;
    const hazard = code > 0;
    const severity: Severity | undefined = hazard ? (code === 2 ? 'major' : item.severity.default) : undefined;
    let explanation: Finding['explanation'];
    if (explainMode === 'all' || (explainMode === 'hazards' && hazard)) {
      const major = hazard ? compiled.explainMajor[i] : undefined;
      const hazardExplainer = compiled.explainHazard[i] as Explainer;
      explanation = { hazard: hazardExplainer(facts as Facts, answer, n), ...(major ? { major: major(facts as Facts, answer, n) } : {}) };
    }
    if (!hazard) {
      return findings.push({
        ...base,
        status: 'ok',
        ...(item.itemKind === '到位' ? { yields: 'confirmation' as const } : {}),
        evidence,
        ...(explanation ? { explanation } : {}),
      });
    }
    const yields: FindingYield = item.itemKind === '报告' ? 'report' : 'hazard';
    if (yields === 'report') reports++;
    else hazards++;
    facts.answer = answer;
    facts.photos = n;
    const route = routeOf(pack, item, severity as Severity, facts as Facts);
    return findings.push({
      ...base,
      status: 'hazard',
      severity,
      yields,
      evidence,
      ...(route ? { route } : {}),
      ...(explanation ? { explanation } : {}),
    });
  });
  return { record: record.id, pack: { id: pack.id, version: pack.version }, checklist: checklist.id, findings, hazards, reports };
}
