import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { Bilingual, header, Id, lockable, provenanceFields, StringEnum, strictObject } from '../common.js';
import { type TopLevelCondition, TopLevelConditionSchema } from '../condition.js';

/** Assessment periods. */
export const PERIODS = ['month', 'quarter', 'year'] as const;

/**
 * The record kinds a scoring `count` may count (or sum a field of).
 *
 * @example
 * ```ts
 * import { COUNT_RECORDS } from '@gridsafe/schema';
 * console.log(COUNT_RECORDS.includes('accident')); // true
 * ```
 */
export const COUNT_RECORDS = ['accident', 'hazard', 'patrol', 'inspection', 'supervision', 'visit', 'report'] as const;

const factRef = Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_.-]{0,79}$' });
const points = (description: string) => Type.Number({ minimum: 0, maximum: 1000, description });
const periodsField = Type.Optional(
  Type.Array(StringEnum(PERIODS), { uniqueItems: true, minItems: 1, description: 'The periods this applies to (default: all).' }),
);

/** Where a file-level value comes from: a citation, or a local-default mark with its reason. */
export const Basis = strictObject({ ...provenanceFields });

/**
 * A deduction per count: `points` off for each `per` of the count (a fact or a `counts` entry),
 * e.g. 2 points per missed report, or 1 point per full 1,000,000 yuan of direct loss
 * (`per: 1000000`, `rounding: "floor"`).
 */
export const PerCountDeduction = strictObject({
  id: Id,
  title: Bilingual,
  kind: Type.Literal('perCount'),
  count: factRef,
  points: points('Points off for each `per` of the count.'),
  per: Type.Optional(Type.Number({ minimum: 1e-6, maximum: 1e12, description: 'How much of the count makes one deduction (default 1).' })),
  unit: Bilingual,
  rounding: StringEnum(['floor', 'ceil', 'exact'], {
    description:
      'How count ÷ per becomes a number of deductions: floor ("per full 1,000,000 yuan"), ceil ("per started"), or exact (pro rata).',
  }),
  cap: Type.Optional(points('At most this many points off.')),
  ...lockable,
  ...provenanceFields,
});

/** A deduction per count. */
export type PerCountDeduction = Static<typeof PerCountDeduction>;

/** A deduction when a condition holds (a yes/no fact, or a condition over facts and counts). */
export const ConditionDeduction = strictObject({
  id: Id,
  title: Bilingual,
  kind: Type.Literal('condition'),
  when: TopLevelConditionSchema,
  points: points('Points off when the condition holds.'),
  ...lockable,
  ...provenanceFields,
});

/** A deduction when a condition holds. */
export type ConditionDeduction = Static<typeof ConditionDeduction>;

/**
 * A deduction an assessor resolves by judgement: from `min` to `max` points off. The assessor's
 * id, value and reason come with the data (an `assessment` record) and are shown in the report.
 * With `when`, the assessment is required whenever the condition holds and refused when it does
 * not; without it, no assessment means the assessor took nothing off.
 */
export const RangeDeduction = strictObject({
  id: Id,
  title: Bilingual,
  kind: Type.Literal('range'),
  min: points('Fewest points off when the assessor applies it.'),
  max: points('Most points off.'),
  when: Type.Optional(TopLevelConditionSchema),
  cap: Type.Optional(points('At most this many points off over a period of several months.')),
  ...lockable,
  ...provenanceFields,
});

/** A deduction an assessor resolves within a range. */
export type RangeDeduction = Static<typeof RangeDeduction>;

/** A deduction: per count, per condition, or a range an assessor resolves. */
export type Deduction = PerCountDeduction | ConditionDeduction | RangeDeduction;
const DeductionSchema = Type.Unsafe<Deduction>({
  type: 'object',
  required: ['kind'],
  properties: { kind: { type: 'string', enum: ['perCount', 'condition', 'range'] } },
  if: { properties: { kind: { const: 'condition' } } },
  then: ConditionDeduction,
  else: { if: { properties: { kind: { const: 'range' } } }, then: RangeDeduction, else: PerCountDeduction },
});

const itemProps = {
  id: Id,
  title: Bilingual,
  measure: StringEnum(['ratio', 'count', 'boolean', 'full'], {
    description:
      'ratio: numerator ÷ denominator; count: numerator against a target; boolean: all or nothing; full: the points less the deductions (扣分制).',
  }),
  numerator: Type.Optional(factRef),
  denominator: Type.Optional(factRef),
  target: Type.Optional(Type.Number({ minimum: 0, description: 'Threshold for full points (ratio or count).' })),
  targetPer: Type.Optional(
    StringEnum(['period', 'month'], {
      description: 'Whether `target` is for the whole period (default) or for each month of it (a quarter then needs 3 × target).',
    }),
  ),
  targetEach: Type.Optional(
    Type.String({
      pattern: Id.pattern,
      description:
        "For a count or a boolean: the level whose every unit is measured (default: the first of `units`, the ground level). A unit above that level is measured by its units' average (a count) or all of them (a boolean); a unit below it is not asked, and the element gives full points.",
    }),
  ),
  better: Type.Optional(
    StringEnum(['higher', 'lower'], {
      description:
        'Whether a higher value is better (default) or a lower one (an overdue rate). With "lower", `target` is the highest value that still earns full points (default 0).',
    }),
  ),
  points: points('Points available.'),
  cap: Type.Optional(points('Most points the element can earn (at most `points`).')),
  floor: Type.Optional(
    Type.Number({
      minimum: -1000,
      maximum: 1000,
      description: 'Fewest points the element can fall to (default 0; negative only when the standard says so).',
    }),
  ),
  rounding: Type.Optional(
    strictObject({ mode: StringEnum(['halfUp', 'floor', 'ceil', 'truncate']), digits: Type.Integer({ minimum: 0, maximum: 6 }) }),
  ),
  deductions: Type.Optional(Type.Array(DeductionSchema, { maxItems: 50 })),
  periods: periodsField,
  ...lockable,
  ...provenanceFields,
};

/** An element that earns points (a leaf): a measure, its points, deductions, cap and floor. */
export const ScoringItem = strictObject(itemProps);
/** A leaf element of a scoring file. */
export type ScoringItem = Static<typeof ScoringItem>;
/** The leaf element, under its earlier name. */
export type Metric = ScoringItem;

/** A veto of one block: when it holds, the block earns nothing whatever its elements earned. */
export const BlockVeto = strictObject({ id: Id, title: Bilingual, when: TopLevelConditionSchema, ...lockable, ...provenanceFields });

const elementRef = Type.Unsafe<ScoringElement>({ $ref: '#/$defs/ScoringElement' });

/** A block of elements (a first- or second-level heading of a standard), to any depth. */
export const ScoringBlockSchema = strictObject({
  id: Id,
  title: Bilingual,
  points: points('Points of the block: its elements must add up to them unless it declares `normalise`.'),
  elements: Type.Array(elementRef, { minItems: 1, maxItems: 200 }),
  cap: Type.Optional(points('Most points the block can earn.')),
  floor: Type.Optional(Type.Number({ minimum: -1000, maximum: 1000, description: 'Fewest points the block can fall to (default 0).' })),
  normalise: Type.Optional(Basis),
  veto: Type.Optional(BlockVeto),
  periods: periodsField,
  ...lockable,
  ...provenanceFields,
});

/** A block of elements. */
export interface ScoringBlock {
  id: string;
  title: Static<typeof Bilingual>;
  points: number;
  elements: ScoringElement[];
  cap?: number;
  floor?: number;
  /** Declares that the elements' points need not add up to the block's: earned points are scaled. */
  normalise?: Static<typeof Basis>;
  veto?: Static<typeof BlockVeto>;
  periods?: (typeof PERIODS)[number][];
  locked?: boolean;
  source?: Static<typeof provenanceFields.source>;
  localDefault?: true;
  reason?: Static<typeof Bilingual>;
  note?: Static<typeof Bilingual>;
}
/** A block or an item. */
export type ScoringElement = ScoringBlock | ScoringItem;

/**
 * Whether an element is a block (it has `elements`).
 *
 * @example
 * ```ts
 * import { isBlock, type ScoringFile } from '@gridsafe/schema';
 * declare const file: ScoringFile;
 * console.log(file.elements.filter(isBlock).map((b) => [b.id, b.points]));
 * ```
 */
export const isBlock = (e: ScoringElement): e is ScoringBlock => Array.isArray((e as ScoringBlock).elements);

/** A fact the scoring reads: required, or with a default (and why). */
export const FactUse = strictObject({
  id: factRef,
  required: Type.Boolean({ description: 'true: a unit without the fact is an error naming the unit, period and fact.' }),
  default: Type.Optional(Type.Union([Type.Number(), Type.Boolean()], { description: 'The value taken when the fact is missing.' })),
  ...provenanceFields,
});

/**
 * How a catalogue fact (an integer or number of period scope) is computed from records: the
 * records of one kind that meet a condition, counted, or one numeric field of them added up.
 */
export const CountDecl = strictObject({
  id: Type.String({ pattern: factRef.pattern, description: 'The catalogue fact this count computes.' }),
  title: Bilingual,
  record: StringEnum(COUNT_RECORDS),
  where: Type.Optional(TopLevelConditionSchema),
  sum: Type.Optional(
    Type.String({ pattern: '^[A-Za-z][A-Za-z0-9]{0,63}$', description: 'Sum this numeric field of the records instead of counting them.' }),
  ),
  unit: Type.Optional(Bilingual),
  ...provenanceFields,
});
/** A count computed from records. */
export type CountDecl = Static<typeof CountDecl>;

/** A gate (eligibility): a unit whose facts do not meet it is not scored, and is reported as ineligible. */
export const Gate = strictObject({ id: Id, title: Bilingual, when: TopLevelConditionSchema, ...lockable, ...provenanceFields });

/** A veto (一票否决): when it holds, the result is the named grade whatever the points. */
export const Veto = strictObject({ id: Id, title: Bilingual, when: TopLevelConditionSchema, grade: Id, ...lockable, ...provenanceFields });

/** A grade band with its lower bound (share of the maximum). */
export const Grade = strictObject({ id: Id, title: Bilingual, min: Type.Number({ minimum: 0, maximum: 1 }), ...provenanceFields });

/** The `$defs` of a scoring file: its elements, to any depth. */
export const scoringDefs: Record<string, TSchema> = {
  ScoringElement: Type.Unsafe({
    type: 'object',
    description: 'A block ({ "elements": [...] }) or an item (a measure with its points).',
    if: { required: ['elements'] },
    then: { $ref: '#/$defs/ScoringBlock' },
    else: { $ref: '#/$defs/ScoringItem' },
  }),
  ScoringBlock: ScoringBlockSchema,
  ScoringItem,
};

/**
 * Assessment scoring: blocks of elements with points, deductions, caps and floors; counts from
 * records; gates, block and card vetoes; grades and periods.
 */
export const ScoringFile = Type.Object(
  {
    ...header('scoring'),
    periods: Type.Array(StringEnum(PERIODS), { minItems: 1, uniqueItems: true }),
    periodsBasis: Type.Optional(Basis),
    maxScore: Type.Number({ minimum: 1, maximum: 10000 }),
    maxScoreBasis: Type.Optional(Basis),
    units: Type.Array(Id, { minItems: 1, maxItems: 10, description: 'Roll-up order, from the ground up (grid → … → county).' }),
    unitsBasis: Type.Optional(Basis),
    normalise: Type.Optional(Basis),
    facts: Type.Optional(Type.Array(FactUse, { maxItems: 500 })),
    counts: Type.Optional(Type.Array(CountDecl, { maxItems: 100 })),
    gates: Type.Optional(Type.Array(Gate, { maxItems: 50 })),
    elements: Type.Array(elementRef, { minItems: 1, maxItems: 500 }),
    vetoes: Type.Optional(Type.Array(Veto, { maxItems: 50 })),
    grades: Type.Array(Grade, { minItems: 1, maxItems: 10 }),
  },
  { additionalProperties: false, description: 'Assessment scoring rules.', $defs: scoringDefs },
);

/** A scoring rule file. */
export type ScoringFile = Omit<Static<typeof ScoringFile>, 'elements'> & { elements: ScoringElement[] };

/** Every condition a gate, veto, block veto or deduction of a scoring file holds. */
export type ScoringCondition = TopLevelCondition;
