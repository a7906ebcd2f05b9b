import { type Static, Type } from '@sinclair/typebox';
import { Bilingual, header, Id, Severity, StringEnum, strictObject } from '../common.js';
import { BodiesCase, MilestonesCase, PlanCase, SizingCase } from './cases-organisation.js';
import { PERIODS } from './scoring.js';

/** The events an escalation case may send. */
export const ESCALATION_CASE_EVENTS = [
  'REPORT',
  'ESCALATE',
  'FORWARD',
  'SEND_DOWN',
  'GRADE',
  'RESOLVE',
  'DEADLINE',
  'VERIFY_PASS',
  'VERIFY_FAIL',
  'RETURN',
  'SUPERVISE',
  'SUBMIT_PLAN',
  'CLOSE',
  'VOID',
  'ACCEPT',
  'REQUEST_EXTENSION',
  'DECIDE_EXTENSION',
] as const;

const Json = Type.Unknown();
const FactValues = Type.Record(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_.-]{0,79}$' }), Json);

/** A case that evaluates one patrol record against a checklist. */
export const PatrolCase = strictObject({
  id: Id,
  type: Type.Literal('patrol'),
  title: Bilingual,
  checklist: Id,
  input: strictObject({
    date: Type.Optional(Type.String({ format: 'date' })),
    answers: Type.Record(Id, Type.Union([Type.Boolean(), Type.Number(), Type.String({ maxLength: 2000 }), Type.Null()])),
    facts: Type.Optional(FactValues),
    photos: Type.Optional(Type.Record(Id, Type.Integer({ minimum: 0, maximum: 100 }))),
  }),
  expect: strictObject({
    hazards: Type.Array(Id, {
      uniqueItems: true,
      description: 'Item ids expected to be hazards; every other answered item is expected ok.',
    }),
    severity: Type.Optional(Type.Record(Id, Severity)),
    directToTownship: Type.Optional(Type.Array(Id, { uniqueItems: true })),
  }),
});

/** A case that assesses one station against a standard. */
export const StationCase = strictObject({
  id: Id,
  type: Type.Literal('station'),
  title: Bilingual,
  standard: Id,
  input: strictObject({ facts: FactValues }),
  expect: strictObject({
    unmet: Type.Array(Id, { uniqueItems: true }),
    passed: Type.Optional(Type.Boolean()),
  }),
});

/** A case that checks operational requirements over one period's facts. */
export const RequirementsCase = strictObject({
  id: Id,
  type: Type.Literal('requirements'),
  title: Bilingual,
  requirements: Id,
  input: strictObject({
    facts: FactValues,
    unit: Type.Optional(
      strictObject(
        { level: Id, places: Type.Optional(Type.Array(Id, { uniqueItems: true, maxItems: 50 })) },
        'The unit checked (a level or unit kind, and its places); without it every rule of the file is checked.',
      ),
    ),
  }),
  expect: strictObject({
    unsatisfied: Type.Array(Id, { uniqueItems: true }),
    skipped: Type.Optional(Type.Array(Id, { uniqueItems: true, description: 'Rules not checked for the unit.' })),
    consequences: Type.Optional(Type.Array(Id, { uniqueItems: true, description: 'Consequences produced for the unit.' })),
  }),
});

/** A case that runs a hazard through the escalation policy. */
export const EscalationCase = strictObject({
  id: Id,
  type: Type.Literal('escalation'),
  title: Bilingual,
  escalation: Id,
  input: strictObject({
    severity: Type.Optional(
      Type.String({
        pattern: Id.pattern,
        description: 'The grade the case is reported with (a grade id of the policy); absent: not graded.',
      }),
    ),
    kind: Type.Optional(
      Type.String({ pattern: Id.pattern, description: "The kind of case (a kind id of the policy); absent: the policy's first kind." }),
    ),
    facts: Type.Optional(FactValues),
    events: Type.Array(
      strictObject({
        type: StringEnum(ESCALATION_CASE_EVENTS),
        to: Type.Optional(Id),
        team: Type.Optional(
          Type.Array(Id, {
            minItems: 1,
            maxItems: 20,
            uniqueItems: true,
            description: 'FORWARD: further departments joining `to` as a joint team.',
          }),
        ),
        lead: Type.Optional(
          Type.String({ pattern: Id.pattern, description: 'FORWARD: the lead department of a joint team (default: `to`).' }),
        ),
        reason: Type.Optional(
          Type.String({
            pattern: Id.pattern,
            description: 'ESCALATE: the escalation reason (default: the first the tier lists that applies).',
          }),
        ),
        grade: Type.Optional(Type.String({ pattern: Id.pattern, description: 'GRADE: the grade the owning tier judges the case to be.' })),
        role: Type.Optional(
          Type.String({
            maxLength: 200,
            description: 'The sender\'s role (a tier or department id, or "system"); by default the role allowed to send it.',
          }),
        ),
      }),
      { maxItems: 100 },
    ),
  }),
  expect: strictObject({
    path: Type.Array(Id, { minItems: 1 }),
    final: Type.Optional(Id),
    state: Type.Optional(Type.String({ maxLength: 200, description: 'The machine state at the end, e.g. "closed" or "township.handle".' })),
    departments: Type.Optional(Type.Array(Id, { uniqueItems: true, description: 'The departments the case was last forwarded to.' })),
    lead: Type.Optional(Type.String({ pattern: Id.pattern, description: 'The lead department of the joint team at the end.' })),
    completed: Type.Optional(Type.Array(Id, { uniqueItems: true, description: 'The departments that completed their part, in order.' })),
    reasons: Type.Optional(Type.Array(Id, { description: 'The reason recorded on each move up, in order.' })),
    reportedUp: Type.Optional(Type.Array(Id, { uniqueItems: true, description: 'The report-up rules that fired, in order.' })),
    grade: Type.Optional(Type.String({ pattern: Id.pattern, description: 'The grade at the end.' })),
    reminders: Type.Optional(Type.Integer({ minimum: 0, description: 'How many overdue reminders the case received.' })),
    rejected: Type.Optional(
      Type.Array(strictObject({ event: Type.Integer({ minimum: 0 }), code: Type.String({ maxLength: 100 }) }), {
        description: 'Events expected to be rejected (index into events) with the rejection code.',
      }),
    ),
  }),
});

const AssessorValueSchema = strictObject({
  assessor: Type.String({ minLength: 1, maxLength: 200 }),
  value: Type.Number(),
  reason: Type.String({ minLength: 1, maxLength: 2000 }),
});
const Points = Type.Record(Id, Type.Number());

/** A case that scores one unit's facts for a period. */
export const ScoreCase = strictObject({
  id: Id,
  type: Type.Literal('score'),
  title: Bilingual,
  scoring: Id,
  period: Type.Optional(StringEnum(PERIODS, { description: "The period kind scored (default: the scoring file's first)." })),
  input: strictObject({
    facts: FactValues,
    assessments: Type.Optional(
      Type.Record(Id, Type.Union([AssessorValueSchema, Type.Array(AssessorValueSchema, { maxItems: 12 })]), {
        description: "Assessors' values of range deductions, by deduction id.",
      }),
    ),
  }),
  expect: strictObject({
    status: Type.Optional(StringEnum(['scored', 'vetoed', 'ineligible'])),
    metrics: Type.Optional(Type.Record(Id, Type.Union([Type.Number(), Type.Null()]), { description: 'Measured values of items, by id.' })),
    elements: Type.Optional(Points),
    blocks: Type.Optional(Points),
    deductions: Type.Optional(Points),
    gates: Type.Optional(Type.Record(Id, Type.Boolean(), { description: 'Whether each gate passed.' })),
    blockVetoes: Type.Optional(Type.Record(Id, Type.Boolean(), { description: 'Whether each block veto held.' })),
    veto: Type.Optional(Type.Union([Id, Type.Null()], { description: 'The card veto that held, or null.' })),
    total: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
    grade: Type.Optional(Type.Union([Id, Type.Null()])),
  }),
});

/** One test case of a pack. */
export const TestCase = Type.Unsafe<
  | Static<typeof PatrolCase>
  | Static<typeof StationCase>
  | Static<typeof RequirementsCase>
  | Static<typeof EscalationCase>
  | Static<typeof ScoreCase>
  | Static<typeof MilestonesCase>
  | Static<typeof SizingCase>
  | Static<typeof BodiesCase>
  | Static<typeof PlanCase>
>({
  type: 'object',
  required: ['type'],
  discriminator: { propertyName: 'type' },
  oneOf: [PatrolCase, StationCase, RequirementsCase, EscalationCase, ScoreCase, MilestonesCase, SizingCase, BodiesCase, PlanCase],
});
/** A test case. */
export type TestCase = Static<typeof TestCase>;

/** A pack's test cases (`*.cases.json`): inputs and the results expected of them. */
export const CasesFile = strictObject(
  { ...header('cases'), pack: Id, cases: Type.Array(TestCase, { minItems: 1, maxItems: 5000 }) },
  'Rule-pack test cases.',
);
/** A cases rule file. */
export type CasesFile = Static<typeof CasesFile>;
