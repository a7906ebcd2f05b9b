import {
  type Bilingual,
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
import type { Facts, Trace } from '../compile/types.js';
import type { ResolvedPack } from '../resolve/types.js';
import { type CompileMode, compiledChecklist } from './compiled.js';
import { checkFacts } from './facts.js';
import { routeOf } from './route.js';

/** What a finding asks of the grid worker: remove a hazard, file a report, or nothing more. */
export type FindingYield = 'hazard' | 'report' | 'confirmation';

/** The result for one checklist item of a patrol record. */
export interface Finding {
  /** The rule (item) id. */
  item: string;
  number: number;
  text: Bilingual;
  sector: string;
  itemKind: ChecklistItem['itemKind'];
  status: 'ok' | 'hazard' | 'notApplicable' | 'notAnswered';
  severity?: Severity;
  /** A hazard to remove (check), a report to file (报告), or a confirmation that it is in place (到位). */
  yields?: FindingYield;
  evidence: { required: boolean; photos: number; present: boolean };
  /** Who receives it, and whether it goes straight there (a major finding skipping tiers). */
  route?: { tier: string; direct: boolean };
  /** Each condition with the fact value it saw and whether it passed (see {@link PatrolOptions.explain}). */
  explanation?: { hazard: Trace; major?: Trace };
}

/** Every finding of one patrol record. */
export interface PatrolResult {
  record: string;
  pack: { id: string; version: string };
  checklist: string;
  findings: Finding[];
  hazards: number;
  reports: number;
}

/** Options of {@link evaluatePatrol}. */
export interface PatrolOptions {
  /**
   * Which findings carry an explanation: `'hazards'` (the default: why each hazard fired and why
   * it is major), `'all'` (ok findings too), or `false` (none).
   */
  explain?: 'hazards' | 'all' | false;
  /** Use this checklist (by id) instead of the one for the record's grid type. */
  checklist?: string;
  mode?: CompileMode;
  /** Name used in error locations (default `record`). */
  name?: string;
}

const answerFits = (item: ChecklistItem, v: unknown) =>
  v === null ||
  ((item.answer === 'boolean' ? typeof v === 'boolean' : item.answer === 'number' ? typeof v === 'number' : typeof v === 'string') &&
    (item.answer !== 'choice' || !item.choices || item.choices.includes(v as string)));

/**
 * Evaluate a patrol record against the checklist of its grid type: a finding for every item, with
 * status, severity, what it yields, evidence, route and explanation. A record that fails its codec
 * or names unknown items or facts gives located issues and no partial result.
 *
 * @example
 * ```ts
 * import { evaluatePatrol, type ResolvedPack } from '@gridsafe/engine';
 * declare const pack: ResolvedPack;
 * const result = evaluatePatrol(pack, {
 *   id: 'r1', gridId: 'g1', gridType: 'village', workerId: 'w1', at: '2026-03-01T09:00:00+08:00',
 *   answers: { 'chibi.village.02': true }, photos: [{ uri: 'p.jpg', itemId: 'chibi.village.02' }],
 * });
 * if (result._tag === 'Right') for (const f of result.right.findings) console.log(f.item, f.status);
 * ```
 */
export function evaluatePatrol(pack: ResolvedPack, input: unknown, options: PatrolOptions = {}): E.Either<Issue[], PatrolResult> {
  const name = options.name ?? 'record';
  const decoded = decode(PatrolRecord, input, name);
  if (E.isLeft(decoded)) return decoded;
  const record = decoded.right;
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
  const explainMode = options.explain === undefined ? 'hazards' : options.explain;
  const facts: Record<string, unknown> = hostFacts;
  const answers = checklist.items.map((item) => (notApplicable.has(item.id) ? null : record.answers[item.id]));
  const counts = checklist.items.map((item) => photos.get(item.id) ?? 0);
  const codes = new Uint8Array(checklist.items.length);
  compiled.kernel(facts as Facts, answers, counts, codes, 0);
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
  return E.right({ record: record.id, pack: { id: pack.id, version: pack.version }, checklist: checklist.id, findings, hazards, reports });
}
