import { type Bilingual, type Citation, type Issue, makeIssue, SIZING_MEASURES, type Sizing } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';
import type { ResolvedPack } from '../resolve/types.js';

/** What a sizing rule counts (people or households in a grid, small grids, inspectors, holders of a role, units of a level…). */
export type SizingMeasure = (typeof SIZING_MEASURES)[number];

/** The measures a host gives in {@link SizedUnit.counts}; `holders` and `units` have their own maps. */
export type CountedMeasure = Exclude<SizingMeasure, 'holders' | 'units'>;

/**
 * A count of people: a plain number, or full-time (专职) and part-time (兼职) apart. A rule about
 * full-time people needs the split; a rule about all needs both parts or the plain number.
 */
export type PeopleCount = number | { fullTime?: number; partTime?: number };

/** A unit of the grid hierarchy (or of a unit kind beside it) with what its sizing rules count. */
export interface SizedUnit {
  id: string;
  /** The unit's level id in the pack's hierarchy, or the id of a unit kind. */
  level: string;
  /** The places (ids of the pack's `places`) the unit lies in; rules scoped to places need it. */
  places?: readonly string[];
  /** The counts the host knows, by measure; a measure left out is reported as unknown. */
  counts?: Partial<Record<CountedMeasure, PeopleCount>>;
  /** Holders of each role in the unit, by role id (measure `holders`). */
  holders?: Record<string, PeopleCount>;
  /** Units of each level inside the unit, by level id (measure `units`). */
  units?: Record<string, number>;
}

/** One sizing rule checked on a unit. */
export interface SizingRuleResult {
  id: string;
  title: Bilingual;
  measure: SizingMeasure;
  /** measure `holders`: the role counted; measure `units`: the level counted. */
  role?: string;
  of?: string;
  employment?: 'fullTime' | 'partTime';
  value: number | null;
  min?: number;
  max?: number;
  /** A standard size (1,000 people to a small grid): guidance, reported as a deviation, never a bound. */
  target?: number;
  /**
   * `met` within min and max, `below` / `above` outside them, `guideline` for a rule with only a
   * target, `unknown` when the count was not given (or not split full-time / part-time as the rule
   * needs), `placeUnknown` when the rule holds in named places only and the unit does not say
   * where it lies.
   */
  status: 'met' | 'below' | 'above' | 'guideline' | 'unknown' | 'placeUnknown';
  /** value / target − 1, for a rule with a target. */
  deviation?: number;
  /** What is wrong, in words, when below or above. */
  gap?: Bilingual;
  /** What the text lets the number vary with, when it does: the bounds are not the whole story. */
  varies?: Bilingual;
  /** The places the rule holds in, when it does not hold across the pack. */
  scope?: readonly string[];
  source?: Citation[];
  localDefault?: true;
}

/** A unit checked against the sizing rules of its level. */
export interface SizingResult {
  unit: string;
  level: string;
  pack: { id: string; version: string };
  rules: SizingRuleResult[];
  /** Rules of the level that hold only in other places than the unit's: they do not apply to it. */
  outOfScope: string[];
  /** No rule below or above its bounds (unknown counts, unknown places and guidelines do not fail it). */
  ok: boolean;
}

const MEASURE_WORDS: Record<CountedMeasure, Bilingual> = {
  people: { zh: '人口', en: 'people' },
  households: { zh: '户数', en: 'households' },
  smallGrids: { zh: '小网格数', en: 'small grids' },
  fullTimeInspectors: { zh: '专职安监员', en: 'full-time inspectors' },
  gridWorkers: { zh: '网格员', en: 'grid workers' },
  stations: { zh: '网格工作站', en: 'grid stations' },
};

const EMPLOYMENT_WORDS = { fullTime: { zh: '专职', en: 'full-time ' }, partTime: { zh: '兼职', en: 'part-time ' } } as const;

/** A short text of any value, for an issue's `found` (never throws). */
function shown(v: unknown): string {
  if (typeof v === 'string') return v;
  try {
    return JSON.stringify(v)?.slice(0, 60) ?? String(typeof v);
  } catch {
    return typeof v;
  }
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** The number a rule reads from a people count, or `undefined` when it is not known. */
function read(count: PeopleCount | undefined, employment: 'fullTime' | 'partTime' | undefined): number | undefined {
  if (count === undefined) return undefined;
  if (typeof count === 'number') return employment === undefined ? count : undefined;
  if (employment !== undefined) return count[employment];
  return count.fullTime !== undefined && count.partTime !== undefined ? count.fullTime + count.partTime : undefined;
}

function words(rule: Sizing, titles: Map<string, Bilingual>): Bilingual {
  const who =
    rule.measure === 'holders'
      ? (titles.get(rule.role ?? '') ?? { zh: rule.role ?? '', en: rule.role ?? '' })
      : rule.measure === 'units'
        ? (titles.get(rule.of ?? '') ?? { zh: rule.of ?? '', en: rule.of ?? '' })
        : MEASURE_WORDS[rule.measure as CountedMeasure];
  // A role whose title already says full-time (专职) is not said so twice.
  const e = rule.employment ? EMPLOYMENT_WORDS[rule.employment] : { zh: '', en: '' };
  return {
    zh: who.zh.includes(e.zh) ? who.zh : `${e.zh}${who.zh}`,
    en: who.en.toLowerCase().includes(e.en.trim()) ? who.en : `${e.en}${who.en}`,
  };
}

function countOf(rule: Sizing, unit: SizedUnit): number | undefined {
  if (rule.measure === 'holders') return read(unit.holders?.[rule.role ?? ''], rule.employment);
  if (rule.measure === 'units') return unit.units?.[rule.of ?? ''];
  return read(unit.counts?.[rule.measure as CountedMeasure], rule.employment);
}

function check(rule: Sizing, unit: SizedUnit, titles: Map<string, Bilingual>, placeKnown: boolean): SizingRuleResult {
  const value = countOf(rule, unit);
  const w = words(rule, titles);
  const base = {
    id: rule.id,
    title: rule.title,
    measure: rule.measure as SizingMeasure,
    ...(rule.role !== undefined ? { role: rule.role } : {}),
    ...(rule.of !== undefined ? { of: rule.of } : {}),
    ...(rule.employment !== undefined ? { employment: rule.employment } : {}),
    value: value ?? null,
    ...(rule.min !== undefined ? { min: rule.min } : {}),
    ...(rule.max !== undefined ? { max: rule.max } : {}),
    ...(rule.target !== undefined ? { target: rule.target } : {}),
    ...(rule.varies ? { varies: rule.varies } : {}),
    ...(rule.scope ? { scope: rule.scope.places } : {}),
    ...(rule.source ? { source: rule.source } : {}),
    ...(rule.localDefault ? { localDefault: true as const } : {}),
  };
  if (!placeKnown) return { ...base, status: 'placeUnknown' };
  if (value === undefined) return { ...base, status: 'unknown' };
  const deviation = rule.target ? { deviation: value / rule.target - 1 } : {};
  if (rule.min !== undefined && value < rule.min)
    return {
      ...base,
      ...deviation,
      status: 'below',
      gap: { zh: `${w.zh}为 ${value}，少于规定的 ${rule.min}`, en: `${value} ${w.en}, fewer than the ${rule.min} required` },
    };
  if (rule.max !== undefined && value > rule.max)
    return {
      ...base,
      ...deviation,
      status: 'above',
      gap: { zh: `${w.zh}为 ${value}，多于规定的 ${rule.max}`, en: `${value} ${w.en}, more than the ${rule.max} allowed` },
    };
  const bounded = rule.min !== undefined || rule.max !== undefined;
  return { ...base, ...deviation, status: bounded ? 'met' : 'guideline' };
}

/** Located issues of a people count: a non-negative number, or `{ fullTime?, partTime? }` of them. */
function peopleIssues(v: unknown, pointer: string, issue: (pointer: string, expected: string, found: unknown) => Issue): Issue[] {
  if (isCount(v)) return [];
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const out: Issue[] = [];
    for (const [k, x] of Object.entries(v)) {
      if (k !== 'fullTime' && k !== 'partTime') out.push(issue(`${pointer}/${k}`, 'fullTime | partTime', k));
      else if (!isCount(x)) out.push(issue(`${pointer}/${k}`, 'a non-negative number', x));
    }
    return out;
  }
  return [issue(pointer, 'a non-negative number, or { fullTime, partTime }', v)];
}

/**
 * Check a unit against the sizing rules of its level (people or households per small grid, small
 * grids per village grid, inspectors per township office, grid workers per grid, holders of a role
 * per unit, units of a level inside it; full-time or part-time where the rule says so): each rule
 * met, below or above its bounds with the gap in words, a target-only rule as a guideline with its
 * deviation, an unknown count as unknown. A rule that holds in named places only applies to a unit
 * in one of them; for a unit elsewhere it is listed in `outOfScope`, and for a unit that does not
 * say where it lies its status is `placeUnknown`. A unit of an unknown level or a count that is not
 * a non-negative number gives located issues.
 *
 * @example
 * ```ts
 * import { checkSizing, type ResolvedPack } from '@gridsafe/engine';
 * declare const pack: ResolvedPack;
 * const r = checkSizing(pack, { id: 'v1', level: 'xianyou.level.village', places: ['xianyou.place.bangtou'], counts: { smallGrids: 7 } });
 * if (r._tag === 'Right') for (const x of r.right.rules) console.log(x.id, x.status, x.gap?.zh);
 * ```
 */
export function checkSizing(pack: ResolvedPack, unit: SizedUnit, name = 'unit'): E.Either<Issue[], SizingResult> {
  const at = (pointer: string) => ({ file: name, line: 0, column: 0, pointer });
  const invalid = (pointer: string, expected: string, found: unknown) =>
    makeIssue('codec.invalid', at(pointer), { expected }, { expected, found: shown(found) });
  const his = pack.hierarchies;
  const levels = new Set(his.flatMap((h) => [...(h.levels ?? []), ...(h.units ?? [])].map((l) => l.id)));
  const titles = new Map<string, Bilingual>(
    his.flatMap((h) => [...(h.levels ?? []), ...(h.roles ?? [])].map((x) => [x.id, x.title] as const)),
  );
  if (unit === null || typeof unit !== 'object') {
    return E.left([invalid('', '{ id, level, counts: { <measure>: number } }', unit)]);
  }
  const issues: Issue[] = [];
  const obj = (v: unknown, pointer: string, expected: string): boolean => {
    if (v === undefined) return false;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) return true;
    issues.push(invalid(pointer, expected, v));
    return false;
  };
  if (!levels.has(unit.level))
    issues.push(makeIssue('ref.unknown', at('/level'), { refKind: 'level', id: shown(unit.level) }, { found: shown(unit.level) }));
  if (unit.places !== undefined && (!Array.isArray(unit.places) || !unit.places.every((p) => typeof p === 'string')))
    issues.push(invalid('/places', 'an array of place ids', unit.places));
  const measures: readonly string[] = SIZING_MEASURES.filter((m) => m !== 'holders' && m !== 'units');
  if (obj(unit.counts, '/counts', '{ <measure>: number }'))
    for (const [k, v] of Object.entries(unit.counts as object)) {
      if (!measures.includes(k)) issues.push(invalid(`/counts/${k}`, measures.join(' | '), k));
      else issues.push(...peopleIssues(v, `/counts/${k}`, invalid));
    }
  if (obj(unit.holders, '/holders', '{ <role id>: number }'))
    for (const [k, v] of Object.entries(unit.holders as object)) issues.push(...peopleIssues(v, `/holders/${k}`, invalid));
  if (obj(unit.units, '/units', '{ <level id>: number }'))
    for (const [k, v] of Object.entries(unit.units as object))
      if (!isCount(v)) issues.push(invalid(`/units/${k}`, 'a non-negative number', v));
  if (issues.length > 0) return E.left(issues);
  const places = unit.places;
  const all = his.flatMap((h) => h.sizing ?? []).filter((s) => s.subject === unit.level);
  const outOfScope = all.filter((s) => s.scope && places !== undefined && !s.scope.places.some((p) => places.includes(p)));
  const rules = all.filter((s) => !outOfScope.includes(s)).map((s) => check(s, unit, titles, !s.scope || places !== undefined));
  return E.right({
    unit: unit.id,
    level: unit.level,
    pack: { id: pack.id, version: pack.version },
    rules,
    outOfScope: outOfScope.map((s) => s.id),
    ok: rules.every((r) => r.status !== 'below' && r.status !== 'above'),
  });
}
