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

const itemMaps = new WeakMap<ChecklistFile, Map<string, ChecklistItem>>();
function itemsById(checklist: ChecklistFile): Map<string, ChecklistItem> {
  let map = itemMaps.get(checklist);
  if (!map) {
    map = new Map(checklist.items.map((i) => [i.id, i]));
    itemMaps.set(checklist, map);
  }
  return map;
}

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
  // The guard accepts exactly what decoding accepts, and decoding these codecs changes nothing, so a
  // well-formed record skips the decoder; only a faulty one pays for its located issues.
  let record: PatrolRecord;
  if (PatrolRecord.is(input)) record = input;
  else {
    const decoded = decode(PatrolRecord, input, name);
    if (E.isLeft(decoded)) return decoded;
    record = decoded.right;
  }
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
  const items = itemsById(checklist);
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
  const items = checklist.items;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as ChecklistItem;
    const answer = answers[i];
    const n = counts[i] as number;
    const required = item.evidence.photo === 'required';
    // Findings are built property by property, in one order: object spreads are slow on this path.
    const finding: Finding = {
      item: item.id,
      number: item.number,
      text: item.text,
      sector: item.sector,
      itemKind: item.itemKind,
      status: 'ok',
      evidence: { required, photos: n, present: !required || n >= (item.evidence.minPhotos ?? 1) },
    };
    findings.push(finding);
    if (notApplicable.has(item.id)) {
      finding.status = 'notApplicable';
      continue;
    }
    if (answer === undefined || answer === null) {
      finding.status = 'notAnswered';
      continue;
    }
    const code = codes[i] as number;
    const hazard = code > 0;
    if (hazard) {
      const severity: Severity = code === 2 ? 'major' : item.severity.default;
      const yields: FindingYield = item.itemKind === '报告' ? 'report' : 'hazard';
      if (yields === 'report') reports++;
      else hazards++;
      facts.answer = answer;
      facts.photos = n;
      const route = routeOf(pack, item, severity, facts as Facts);
      finding.status = 'hazard';
      finding.severity = severity;
      finding.yields = yields;
      if (route) finding.route = route;
    } else if (item.itemKind === '到位') {
      finding.yields = 'confirmation';
    }
    if (explainMode === 'all' || (explainMode === 'hazards' && hazard)) {
      const hazardTrace = (compiled.explainHazard[i] as Explainer)(facts as Facts, answer, n);
      const major = hazard ? compiled.explainMajor[i] : undefined;
      finding.explanation = major ? { hazard: hazardTrace, major: major(facts as Facts, answer, n) } : { hazard: hazardTrace };
    }
  }
  return { record: record.id, pack: { id: pack.id, version: pack.version }, checklist: checklist.id, findings, hazards, reports };
}
