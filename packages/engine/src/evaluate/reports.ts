import { type HazardReport, type Issue, makeIssue, type PatrolRecord } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';
import type { ResolvedPack } from '../resolve/types.js';
import type { PatrolResult } from './patrol.js';

/** Options for {@link hazardReports}. */
export interface HazardReportOptions {
  /**
   * The grade the grid worker judged a finding to be, by item id (a grade id of the escalation
   * policy): any finding may be judged major (or 较大…), whatever its item's `majorWhen` says.
   */
  grades?: Record<string, string>;
  /** The units the patrolled grid belongs to, by hierarchy level id, kept on each report. */
  units?: Record<string, string>;
}

/**
 * The hazard reports a patrol raises: one {@link HazardReport} (the schema's codec for what opens a
 * hazard case) for each finding that yields a hazard, with the item's photos, its sector and
 * severity (and the grade the grid worker judged, from `options`), the record's facts, and the
 * escalation policy's entry tier as the reporter's role. A
 * `报告` item's report and a `到位` confirmation open no case. `record` must be the record
 * `result` was evaluated from.
 *
 * @example
 * ```ts
 * import { evaluatePatrol, hazardReports, type ResolvedPack } from '@gridsafe/engine';
 * import type { PatrolRecord } from '@gridsafe/schema';
 * declare const pack: ResolvedPack;
 * declare const record: PatrolRecord;
 * const result = evaluatePatrol(pack, record);
 * if (result._tag === 'Right') {
 *   const reports = hazardReports(pack, record, result.right);
 *   if (reports._tag === 'Right') for (const r of reports.right) console.log(r.id, r.severity, r.photos.length);
 * }
 * ```
 */
export function hazardReports(
  pack: ResolvedPack,
  record: PatrolRecord,
  result: PatrolResult,
  options: HazardReportOptions = {},
): E.Either<Issue[], HazardReport[]> {
  if (record.id !== result.record || result.pack.id !== pack.id || result.pack.version !== pack.version) {
    const at = { file: 'record', line: 0, column: 0, pointer: '/id' };
    const id = `${result.pack.id}@${result.pack.version}/${result.record}`;
    return E.left([makeIssue('ref.unknown', at, { refKind: 'element', id }, { found: `${pack.id}@${pack.version}/${record.id}` })]);
  }
  const role = pack.escalations[0]?.entry ?? 'grid-worker';
  const reports: HazardReport[] = [];
  for (const f of result.findings) {
    if (f.status !== 'hazard' || f.yields !== 'hazard') continue;
    const photos = record.photos.filter((p) => p.itemId === f.item);
    const grade = options?.grades?.[f.item];
    reports.push({
      id: `${record.id}#${f.item}`,
      gridId: record.gridId,
      reportedAt: record.at,
      reporter: { id: record.workerId, role },
      severity: f.severity ?? 'general',
      description: f.text.zh,
      photos,
      recordId: record.id,
      itemId: f.item,
      sector: f.sector,
      ...(record.facts ? { facts: record.facts } : {}),
      ...(typeof grade === 'string' && grade !== '' ? { grade } : {}),
      ...(options?.units ? { units: options.units } : {}),
    } as HazardReport);
  }
  return E.right(reports);
}
