import type { EventOf, ReportDetails } from '../events.js';
import type { PolicyModel, TierModel } from '../policy/model.js';
import type { CaseSnapshot } from '../snapshot.js';
import { first, move, needList, needRole, type Rule, reject, stateOf } from './rule.js';

const isText = (x: unknown) => typeof x === 'string' && x.length <= 2000;
const textRecord = (x: unknown) =>
  x !== null && typeof x === 'object' && !Array.isArray(x) && Object.values(x as object).every((v) => typeof v === 'string');

/** Why a REPORT's optional details are malformed (field and what was expected), or undefined. */
function badDetails(model: PolicyModel, e: EventOf<'REPORT'>): [string, string] | undefined {
  if (e.kind !== undefined && !model.kinds.has(e.kind)) return ['kind', `one of ${[...model.kinds.keys()].join(', ')}`];
  if (e.grade !== undefined && !model.grades.includes(e.grade))
    return ['grade', `one of ${model.grades.join(', ')}, or absent (not graded)`];
  if (e.description !== undefined && !isText(e.description)) return ['description', 'a text of at most 2000 characters'];
  if (e.facts !== undefined && (e.facts === null || typeof e.facts !== 'object' || Array.isArray(e.facts))) return ['facts', 'an object'];
  const w = e.where as unknown;
  if (w !== undefined) {
    if (w === null || typeof w !== 'object' || Array.isArray(w)) return ['where', 'an object with grid and units'];
    const { grid, units } = w as { grid?: unknown; units?: unknown };
    if (grid !== undefined && typeof grid !== 'string') return ['where.grid', 'a string'];
    if (units !== undefined && !textRecord(units)) return ['where.units', 'an object of unit ids by level id'];
  }
  for (const [field, v] of [
    ['record', e.record],
    ['assignee', e.assignee],
  ] as const)
    if (v !== undefined && !textRecord(v)) return [field, 'an object of strings'];
  return undefined;
}

/** The case's details from its REPORT, as kept on the case. */
function details(e: EventOf<'REPORT'>, kind: string): Partial<CaseSnapshot> {
  const d: ReportDetails = e;
  return {
    kind,
    ...(d.grade !== undefined ? { grade: d.grade } : {}),
    ...(d.facts ? { facts: d.facts } : {}),
    ...(d.where ? { where: d.where } : {}),
    ...(d.record ? { record: d.record } : {}),
    evidence: { report: [...e.photos] },
  };
}

/**
 * REPORT: a case of a kind, reported by that kind's entry tier (a grid worker, or the city for a
 * complaint), with photos unless the kind says they are optional; the case reaches the entry tier.
 */
export function reportRules(model: PolicyModel): Rule[] {
  const kindOf = (e: EventOf<'REPORT'>) => e.kind ?? (model.kinds.keys().next().value as string);
  const entries = [...new Set(model.kinds.values())];
  const photosOptional = new Set((model.policy.kinds ?? []).filter((k) => k.photos === 'optional').map((k) => k.id));
  return entries.map(
    (entry: TierModel): Rule => ({
      event: 'REPORT',
      from: 'new',
      to: stateOf(entry, 'assign'),
      when: (_c, e) => (model.kinds.get(kindOf(e as EventOf<'REPORT'>)) ?? model.entry) === entry,
      check: (_c, e) => {
        const ev = e as EventOf<'REPORT'>;
        const kind = kindOf(ev);
        return first(
          () => needRole(e, [entry.id]),
          () => {
            const bad = badDetails(model, ev);
            return bad ? reject('escalation.badEvent', { event: e.type, field: bad[0], expected: bad[1] }, e) : undefined;
          },
          () =>
            photosOptional.has(kind) && Array.isArray(ev.photos) && ev.photos.every((p) => typeof p === 'string' && p !== '')
              ? undefined
              : needList(e, 'photos', ev.photos),
        );
      },
      apply: (c, e) => {
        const ev = e as EventOf<'REPORT'>;
        const patch = { ...details(ev, kindOf(ev)), path: [entry.id], owner: entry.id };
        return move(model, c, e, stateOf(entry, 'assign'), patch, { detail: ev.description });
      },
    }),
  );
}
