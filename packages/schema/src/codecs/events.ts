import * as t from 'io-ts';
import { IsoDateTime, NonEmpty, SafeJson, safeRecord } from './primitives.js';

const meta = { id: NonEmpty, at: IsoDateTime, actor: t.string, role: t.string };
const event = <T extends string, P extends t.Props, Q extends t.Props>(type: T, required: P, optional: Q) =>
  t.intersection([t.type({ type: t.literal(type), ...meta, ...required }), t.partial(optional)], `${type} event`);
const text = t.string;
const ids = t.array(NonEmpty);
/** Where a case is: its grid, and its unit at each level of the hierarchy (level id → unit id). */
const CasePlaceCodec = t.partial({ grid: NonEmpty, units: safeRecord(NonEmpty) }, 'CasePlace');
/** Who has a case: a unit, and a person where one is named. */
const AssigneeCodec = t.partial({ unit: NonEmpty, person: NonEmpty }, 'Assignee');

/**
 * A remediation plan (整改方案) as a `SUBMIT_PLAN` event carries it: one text per field the policy requires.
 *
 * @example
 * ```ts
 * import { RemediationPlanCodec } from '@gridsafe/schema';
 * console.log(RemediationPlanCodec.is({ target: 'ban', method: 'seize cylinders' })); // true
 * ```
 */
export const RemediationPlanCodec = t.partial(
  { target: text, method: text, funds: text, responsible: text, deadline: text, safetyMeasures: text },
  'RemediationPlan',
);

/**
 * The io-ts codec of every event a hazard case accepts (the `EscalationEvent` of
 * `@gridsafe/escalation`), by `type`: each carries `id` (unique per case), `at` (an ISO date-time
 * with a zone), `actor` and `role`, and the fields of its kind. What a host receives from a client
 * goes through it before it reaches a case.
 *
 * @example
 * ```ts
 * import { decode, EscalationEventCodec } from '@gridsafe/schema';
 * const r = decode(EscalationEventCodec, { type: 'ACCEPT', id: 'e2', at: '2026-03-01T10:00:00+08:00', actor: 'li', role: 'xianyou.tier.village' });
 * console.log(r._tag); // Right
 * ```
 */
export const EscalationEventCodec = t.union(
  [
    event(
      'REPORT',
      { photos: t.array(t.string) },
      {
        kind: NonEmpty,
        grade: NonEmpty,
        description: text,
        facts: safeRecord(SafeJson),
        where: CasePlaceCodec,
        record: t.partial({ id: NonEmpty, item: NonEmpty }),
        assignee: AssigneeCodec,
      },
    ),
    event('ACCEPT', {}, { note: text, assignee: AssigneeCodec }),
    event('RESOLVE', { evidence: t.array(t.string) }, { note: text }),
    event('ESCALATE', { reason: text }, { note: text, to: NonEmpty, assignee: AssigneeCodec }),
    event('FORWARD', { to: t.union([NonEmpty, ids]) }, { lead: NonEmpty, reason: text, assignee: AssigneeCodec }),
    event('SEND_DOWN', { to: NonEmpty }, { note: text, assignee: AssigneeCodec }),
    event('GRADE', { grade: NonEmpty }, { note: text }),
    event('SUBMIT_PLAN', { plan: RemediationPlanCodec }, {}),
    event('VERIFY_PASS', {}, { note: text }),
    event('VERIFY_FAIL', { reason: text }, {}),
    event('REQUEST_EXTENSION', { until: IsoDateTime, reason: text }, {}),
    event('DECIDE_EXTENSION', { approve: t.boolean }, { note: text }),
    event('RETURN', { reason: text }, {}),
    event('DEADLINE', {}, {}),
    event('SUPERVISE', {}, { note: text }),
    event('VOID', { reason: text }, {}),
    event('CLOSE', {}, { note: text }),
  ],
  'EscalationEvent',
);

/**
 * The codec of each kind of escalation event, by `type`: decoding a value with the codec of its
 * own type locates a fault at its field (`/reason`), where the union can only say that no kind fits.
 *
 * @example
 * ```ts
 * import { decode, ESCALATION_EVENT_CODECS } from '@gridsafe/schema';
 * const r = decode(ESCALATION_EVENT_CODECS.ESCALATE, { type: 'ESCALATE', id: 'e2', at: '2026-03-01T10:00:00+08:00', actor: 'li', role: 'x' });
 * if (r._tag === 'Left') console.log(r.left.map((i) => i.pointer)); // [ '/reason' ]
 * ```
 */
export const ESCALATION_EVENT_CODECS = Object.fromEntries(
  EscalationEventCodec.types.map((c) => [(c.types[0].props.type as t.LiteralC<string>).value, c]),
) as unknown as Record<t.TypeOf<typeof EscalationEventCodec>['type'], t.Mixed>;

/** An escalation event as decoded. */
export type EscalationEventInput = t.TypeOf<typeof EscalationEventCodec>;
