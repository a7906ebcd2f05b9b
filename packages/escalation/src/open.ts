import type { HazardReport } from '@gridsafe/schema';
import { makeRejection } from './errors/render.js';
import type { EventOf } from './events.js';
import { blankCase, type EscalationMachine, machineModel } from './machine/create.js';
import type { CaseSnapshot } from './snapshot.js';
import { type TransitionResult, transition } from './transition.js';

/**
 * Open a case: an empty case pinned to the machine's pack id and version, with the `REPORT` event
 * applied. Rejected if the report lacks photos (unless its kind allows none) or comes from a role
 * other than its kind's entry tier.
 *
 * It is idempotent when the host passes the case it already has under `caseId` (`existing`): the
 * same report again (same event id) is a duplicate and returns `existing` unchanged; another report
 * for an existing case id is rejected (`escalation.caseExists`). Only the first audit entry is
 * looked at.
 *
 * @example
 * ```ts
 * import { openCase, type EscalationMachine } from '@gridsafe/escalation';
 * declare const machine: EscalationMachine;
 * const report = {
 *   id: 'e1', at: '2026-03-01T09:00:00+08:00', actor: 'chen', role: 'xianyou.tier.grid-worker',
 *   grade: 'larger', photos: ['photo-1.jpg'], description: 'LPG filling point in rental housing',
 * };
 * const r = openCase(machine, 'case-1', report);
 * console.log(r.rejected ?? r.snapshot.state); // grid-worker.assign
 * console.log(openCase(machine, 'case-1', report, r.snapshot).duplicate); // true
 * ```
 */
export function openCase(
  machine: EscalationMachine,
  caseId: string,
  report: Omit<EventOf<'REPORT'>, 'type'> & { type?: 'REPORT' },
  existing?: CaseSnapshot,
): TransitionResult {
  const info = machineModel(machine);
  const id = typeof (report as { id?: unknown } | null)?.id === 'string' ? report.id : '';
  if (!info)
    return {
      snapshot: existing as CaseSnapshot,
      effects: [],
      rejected: makeRejection('escalation.notMachine', {}, { id, type: 'REPORT' }),
    };
  if (existing !== undefined && existing !== null && (existing as { state?: unknown }).state !== 'new') {
    const first = Array.isArray(existing.audit) ? existing.audit[0] : undefined;
    if (existing.caseId === caseId && first?.id === id) return { snapshot: existing, effects: [], duplicate: true };
    const rejected = makeRejection(
      'escalation.caseExists',
      { caseId: String(caseId), report: id, existing: String(first?.id ?? '') },
      { id, type: 'REPORT' },
    );
    return { snapshot: existing, effects: [], rejected };
  }
  const event = (report !== null && typeof report === 'object' ? { ...report, type: 'REPORT' } : report) as EventOf<'REPORT'>;
  return transition(machine, blankCase(info.model, typeof caseId === 'string' ? caseId : String(caseId)), event);
}

/**
 * The `REPORT` event of a host's decoded {@link HazardReport} (from `@gridsafe/schema`'s codec):
 * its id, time, reporter, grade (the report's `grade`, else its severity), kind, description,
 * photos, facts, grid and the record and item it came from.
 *
 * @example
 * ```ts
 * import { reportEvent } from '@gridsafe/escalation';
 * import type { HazardReport } from '@gridsafe/schema';
 * declare const report: HazardReport;
 * const event = reportEvent(report, 'xianyou.tier.grid-worker');
 * console.log(event.type, event.photos.length);
 * ```
 */
export function reportEvent(report: HazardReport, role: string): EventOf<'REPORT'> {
  const r = report;
  return {
    type: 'REPORT',
    id: r.id,
    at: r.reportedAt,
    actor: r.reporter.id,
    role,
    ...((r.grade ?? r.severity) ? { grade: r.grade ?? r.severity } : {}),
    ...(r.kind ? { kind: r.kind } : {}),
    description: r.description,
    photos: r.photos.map((p) => p.uri),
    where: { grid: r.gridId, ...(r.units ? { units: r.units } : {}) },
    ...(r.recordId || r.itemId ? { record: { ...(r.recordId ? { id: r.recordId } : {}), ...(r.itemId ? { item: r.itemId } : {}) } } : {}),
    ...(r.facts ? { facts: r.facts } : {}),
  };
}
