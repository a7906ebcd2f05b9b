/** Fact values by name. The engine passes a prototype-free object. */
export type Facts = Readonly<Record<string, unknown>>;

/** A compiled condition: true when it holds for the facts. */
export type Predicate = (facts: Facts) => boolean;

/** Named conditions a `{ "condition": id }` reference may use. */
export type NamedConditions = ReadonlyMap<string, import('@gridsafe/schema').TopLevelCondition>;

/** One evaluated leaf: what it compared, what it saw, and whether it held. */
export interface LeafTrace {
  kind: 'leaf';
  fact: string;
  path?: string;
  operator: string;
  /** The rule's value (or, for a fact reference, the other fact's value). */
  value: unknown;
  /** The fact value the condition saw. */
  factValue: unknown;
  result: boolean;
}
/** One evaluated `all` / `any` / `not` / named reference, with its parts. */
export interface GroupTrace {
  kind: 'all' | 'any' | 'not' | 'condition';
  name?: string;
  result: boolean;
  children: Trace[];
}
/** The explanation of a condition: each part with the value it saw and whether it passed. */
export type Trace = LeafTrace | GroupTrace;
