import { type Bilingual, decode, type Issue, makeIssue, type StandardFile, StationFacts } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';
import { explain } from '../compile/closure.js';
import type { Facts, Trace } from '../compile/types.js';
import type { ResolvedPack } from '../resolve/types.js';
import { type CompileMode, compileAll, namedConditions } from './compiled.js';
import { checkFacts } from './facts.js';

/** One requirement of a station standard, met or not, with the gap in words. */
export interface RequirementResult {
  id: string;
  number: number;
  text: Bilingual;
  scope: string;
  met: boolean;
  weight: number;
  /** What is missing, when unmet. */
  gap?: Bilingual;
  explanation: Trace;
}

/** A station assessed against a standard. */
export interface StationResult {
  station: string;
  standard: string;
  pack: { id: string; version: string };
  requirements: RequirementResult[];
  metWeight: number;
  totalWeight: number;
  /** metWeight / totalWeight, in [0, 1]. */
  score: number;
  passMark: number;
  passed: boolean;
}

/** Options of {@link assessStation}. */
export interface StationOptions {
  /** The standard's id; by default the one whose `appliesTo` is the station type, or the only one. */
  standard?: string;
  mode?: CompileMode;
  name?: string;
}

/**
 * Assess a station's facts against a construction standard (the 十有, or the Mudan township
 * office standard): each requirement met or unmet with its gap, and the weighted result.
 *
 * @example
 * ```ts
 * import { assessStation, type ResolvedPack } from '@gridsafe/engine';
 * declare const pack: ResolvedPack;
 * const r = assessStation(pack, { stationId: 's1', date: '2026-03-01', facts: { 'station.hasOffice': true } });
 * if (r._tag === 'Right') console.log(r.right.score, r.right.requirements.filter((x) => !x.met).map((x) => x.gap?.zh));
 * ```
 */
export function assessStation(pack: ResolvedPack, input: unknown, options: StationOptions = {}): E.Either<Issue[], StationResult> {
  const name = options.name ?? 'station';
  const decoded = decode(StationFacts, input, name);
  if (E.isLeft(decoded)) return decoded;
  const station = decoded.right;
  const standard: StandardFile | undefined = options.standard
    ? pack.standards.find((s) => s.id === options.standard)
    : (pack.standards.find((s) => s.appliesTo === station.stationType) ?? (pack.standards.length === 1 ? pack.standards[0] : undefined));
  if (!standard) {
    const id = options.standard ?? station.stationType ?? '(standard)';
    return E.left([
      makeIssue(
        'ref.unknown',
        { file: name, line: 0, column: 0, pointer: options.standard ? '' : '/stationType' },
        { refKind: 'file', id },
        { found: id },
      ),
    ]);
  }
  const { facts, issues } = checkFacts(pack, station.facts, name, ['facts']);
  if (issues.length > 0) return E.left(issues);
  const named = namedConditions(pack);
  const preds = compileAll(
    standard.requirements.map((r) => r.condition),
    named,
    options.mode,
  );
  const requirements = standard.requirements.map((r, i): RequirementResult => {
    const met = (preds[i] as (f: Facts) => boolean)(facts);
    return {
      id: r.id,
      number: r.number,
      text: r.text,
      scope: r.scope,
      met,
      weight: r.weight,
      ...(met ? {} : { gap: r.gap }),
      explanation: explain(r.condition, named, facts),
    };
  });
  const totalWeight = requirements.reduce((s, r) => s + r.weight, 0);
  const metWeight = requirements.reduce((s, r) => s + (r.met ? r.weight : 0), 0);
  const score = totalWeight === 0 ? 1 : metWeight / totalWeight;
  return E.right({
    station: station.stationId,
    standard: standard.id,
    pack: { id: pack.id, version: pack.version },
    requirements,
    metWeight,
    totalWeight,
    score,
    passMark: standard.passMark,
    passed: score >= standard.passMark,
  });
}
