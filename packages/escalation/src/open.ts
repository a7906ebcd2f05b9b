import type { HazardReport } from '@gridsafe/schema';
import type { EventOf } from './events.js';
import { blankCase, type EscalationMachine, machineModel } from './machine/create.js';
import { type TransitionResult, transition } from './transition.js';

/**
 * Open a hazard case: an empty case pinned to the machine's pack id and version, with the `REPORT`
 * event applied. Reject if the report lacks photos or comes from a role other than the entry tier.
 *
 * @example
 * ```ts
 * import { openCase, type EscalationMachine } from '@gridsafe/escalation';
 * declare const machine: EscalationMachine;
 * const r = openCase(machine, 'case-1', {
 *   type: 'REPORT', id: 'e1', at: '2026-03-01T09:00:00+08:00', actor: 'chen', role: 'xianyou.tier.grid-worker',
 *   severity: 'major', photos: ['photo-1.jpg'], description: 'LPG filling point in rental housing',
 * });
 * console.log(r.rejected ?? r.snapshot.state); // grid-worker.assign
 * ```
 */
export function openCase(
  machine: EscalationMachine,
  caseId: string,
  report: Omit<EventOf<'REPORT'>, 'type'> & { type?: 'REPORT' },
): TransitionResult {
  return transition(machine, blankCase(machineModel(machine).model, caseId), { ...report, type: 'REPORT' });
}

/**
 * The `REPORT` event of a host's decoded {@link HazardReport} (from `@gridsafe/schema`'s codec):
 * its id, time, reporter, severity, description, photos and facts.
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
  return {
    type: 'REPORT',
    id: report.id,
    at: report.reportedAt,
    actor: report.reporter.id,
    role,
    severity: report.severity,
    description: report.description,
    photos: report.photos.map((p) => p.uri),
    ...(report.facts ? { facts: report.facts } : {}),
  };
}
