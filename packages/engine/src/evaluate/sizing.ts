import { type Bilingual, type Citation, type Issue, makeIssue, SIZING_MEASURES, type Sizing } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';
import type { ResolvedPack } from '../resolve/types.js';

/** What a sizing rule counts (people or households in a grid, small grids, inspectors, …). */
export type SizingMeasure = (typeof SIZING_MEASURES)[number];

/** A unit of the grid hierarchy with what its sizing rules count. */
export interface SizedUnit {
  id: string;
  /** The unit's level id in the pack's hierarchy. */
  level: string;
  /** The counts the host knows, by measure; a measure left out is reported as unknown. */
  counts: Partial<Record<SizingMeasure, number>>;
}

/** One sizing rule checked on a unit. */
export interface SizingRuleResult {
  id: string;
  title: Bilingual;
  measure: SizingMeasure;
  value: number | null;
  min?: number;
  max?: number;
  /** A standard size (1,000 people to a small grid): guidance, reported as a deviation, never a bound. */
  target?: number;
  /**
   * `met` within min and max, `below` / `above` outside them, `guideline` for a rule with only a
   * target, `unknown` when the count was not given.
   */
  status: 'met' | 'below' | 'above' | 'guideline' | 'unknown';
  /** value / target − 1, for a rule with a target. */
  deviation?: number;
  /** What is wrong, in words, when below or above. */
  gap?: Bilingual;
  source?: Citation[];
  localDefault?: true;
}

/** A unit checked against the sizing rules of its level. */
export interface SizingResult {
  unit: string;
  level: string;
  pack: { id: string; version: string };
  rules: SizingRuleResult[];
  /** No rule below or above its bounds (unknown counts and guidelines do not fail it). */
  ok: boolean;
}

const MEASURE_WORDS: Record<SizingMeasure, Bilingual> = {
  people: { zh: '人口', en: 'people' },
  households: { zh: '户数', en: 'households' },
  smallGrids: { zh: '小网格数', en: 'small grids' },
  fullTimeInspectors: { zh: '专职安监员', en: 'full-time inspectors' },
  gridWorkers: { zh: '网格员', en: 'grid workers' },
  stations: { zh: '网格工作站', en: 'grid stations' },
};

/** A short text of any value, for an issue's `found` (never throws). */
function shown(v: unknown): string {
  if (typeof v === 'string') return v;
  try {
    return JSON.stringify(v)?.slice(0, 60) ?? String(typeof v);
  } catch {
    return typeof v;
  }
}

function check(rule: Sizing, value: number | undefined): SizingRuleResult {
  const measure = rule.measure as SizingMeasure;
  const words = MEASURE_WORDS[measure];
  const base = {
    id: rule.id,
    title: rule.title,
    measure,
    value: value ?? null,
    ...(rule.min !== undefined ? { min: rule.min } : {}),
    ...(rule.max !== undefined ? { max: rule.max } : {}),
    ...(rule.target !== undefined ? { target: rule.target } : {}),
    ...(rule.source ? { source: rule.source } : {}),
    ...(rule.localDefault ? { localDefault: true as const } : {}),
  };
  if (value === undefined) return { ...base, status: 'unknown' };
  const deviation = rule.target ? { deviation: value / rule.target - 1 } : {};
  if (rule.min !== undefined && value < rule.min)
    return {
      ...base,
      ...deviation,
      status: 'below',
      gap: { zh: `${words.zh}为 ${value}，少于规定的 ${rule.min}`, en: `${value} ${words.en}, fewer than the ${rule.min} required` },
    };
  if (rule.max !== undefined && value > rule.max)
    return {
      ...base,
      ...deviation,
      status: 'above',
      gap: { zh: `${words.zh}为 ${value}，多于规定的 ${rule.max}`, en: `${value} ${words.en}, more than the ${rule.max} allowed` },
    };
  const bounded = rule.min !== undefined || rule.max !== undefined;
  return { ...base, ...deviation, status: bounded ? 'met' : 'guideline' };
}

/**
 * Check a unit against the sizing rules of its level (people or households per small grid, small
 * grids per village grid, inspectors per township office, grid workers per grid): each rule met,
 * below or above its bounds with the gap in words, a target-only rule as a guideline with its
 * deviation, and an unknown count as unknown. A unit of an unknown level or a count that is not a
 * non-negative number gives located issues.
 *
 * @example
 * ```ts
 * import { checkSizing, type ResolvedPack } from '@gridsafe/engine';
 * declare const pack: ResolvedPack;
 * const r = checkSizing(pack, { id: 'v1', level: 'xianyou.level.village', counts: { smallGrids: 7 } });
 * if (r._tag === 'Right') for (const x of r.right.rules) console.log(x.id, x.status, x.gap?.zh);
 * ```
 */
export function checkSizing(pack: ResolvedPack, unit: SizedUnit, name = 'unit'): E.Either<Issue[], SizingResult> {
  const at = (pointer: string) => ({ file: name, line: 0, column: 0, pointer });
  const levels = new Set(pack.hierarchies.flatMap((h) => (h.levels ?? []).map((l) => l.id)));
  const issues: Issue[] = [];
  if (
    unit === null ||
    typeof unit !== 'object' ||
    (unit.counts !== undefined && (unit.counts === null || typeof unit.counts !== 'object'))
  ) {
    const expected = '{ id, level, counts: { <measure>: number } }';
    return E.left([makeIssue('codec.invalid', at(''), { expected }, { expected, found: shown(unit) })]);
  }
  const counts: SizedUnit['counts'] = unit.counts ?? {};
  if (!levels.has(unit.level))
    issues.push(makeIssue('ref.unknown', at('/level'), { refKind: 'level', id: shown(unit.level) }, { found: shown(unit.level) }));
  const measures: readonly string[] = SIZING_MEASURES;
  for (const [k, v] of Object.entries(counts)) {
    if (!measures.includes(k)) {
      const expected = SIZING_MEASURES.join(' | ');
      issues.push(makeIssue('codec.invalid', at(`/counts/${k}`), { expected }, { expected, found: k }));
    } else if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      const expected = 'a non-negative number';
      issues.push(makeIssue('codec.invalid', at(`/counts/${k}`), { expected }, { expected, found: shown(v) }));
    }
  }
  if (issues.length > 0) return E.left(issues);
  const rules = pack.hierarchies
    .flatMap((h) => h.sizing ?? [])
    .filter((s) => s.subject === unit.level)
    .map((s) => check(s, counts[s.measure as SizingMeasure]));
  return E.right({
    unit: unit.id,
    level: unit.level,
    pack: { id: pack.id, version: pack.version },
    rules,
    ok: rules.every((r) => r.status !== 'below' && r.status !== 'above'),
  });
}
