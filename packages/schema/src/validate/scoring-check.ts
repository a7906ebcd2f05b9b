import type { Issue } from '../errors/issues.js';
import { makeIssue } from '../errors/render.js';
import type { FactDecl } from '../kinds/catalog.js';
import { isBlock, type ScoringElement, type ScoringFile } from '../kinds/scoring.js';
import { type ConditionContext, checkCondition, type Loc } from './condition-check.js';
import { COUNT_RECORD_FIELDS, recordFieldFacts } from './scoring-records.js';
import { appliesIn, conditionSites, deductionSites, elementSites } from './scoring-walk.js';
import { locate, toPointer } from './source.js';
import { suggest } from './suggest.js';

const EPS = 1e-9;

/** A stand-in locator for a file that has no text (a resolved pack's file): locations are at 1:1. */
export function textlessLoc(name: string): Loc {
  const src = { name, text: '', root: undefined, value: undefined, lineStarts: [0] };
  return (pointer, key) => locate(src, pointer, key);
}

const label = (e: { id: string }) => `"${e.id}"`;

/** Points of the elements of a list that apply in a period. */
const sumIn = (els: readonly ScoringElement[], period: string) => els.filter((e) => appliesIn(e, period)).reduce((s, e) => s + e.points, 0);

/**
 * The checks a scoring file needs beyond its schema, on its own: points that add up (the card to
 * `maxScore`, each block to its points, in every period) unless it declares `normalise`; grades
 * with distinct bounds; caps, floors and ranges that fit; measures with the facts they need;
 * fact declarations that hold; safe paths and regexes in every condition.
 *
 * @example
 * ```ts
 * import { scoringIssues, type ScoringFile } from '@gridsafe/schema';
 * declare const file: ScoringFile;
 * for (const i of scoringIssues(file, 'scoring.json')) console.log(i.pointer, i.message.en);
 * ```
 */
export function scoringIssues(file: ScoringFile, name: string): Issue[] {
  return scoringFileIssues(file, textlessLoc(name));
}

/** {@link scoringIssues} located in the file's text. */
export function scoringFileIssues(file: ScoringFile, src: Loc): Issue[] {
  const at = (path: (string | number)[]) => src(toPointer(path));
  const out: Issue[] = [];
  for (const period of file.periods) {
    const sum = sumIn(file.elements, period);
    if (!file.normalise && Math.abs(sum - file.maxScore) > EPS) {
      out.push(makeIssue('scoring.pointsSum', at(['maxScore']), { element: 'the card', period, sum, points: file.maxScore }));
    }
  }
  for (const { element: e, path } of elementSites(file)) {
    const bound = (field: string, value: number | undefined, limitField: string, limit: number) => {
      if (value !== undefined && value > limit + EPS)
        out.push(makeIssue('scoring.bounds', at([...path, field]), { element: e.id, field, value, limitField, limit }));
    };
    bound('cap', e.cap, 'points', e.points);
    bound('floor', e.floor, e.cap !== undefined ? 'cap' : 'points', e.cap ?? e.points);
    if (isBlock(e)) {
      for (const period of file.periods) {
        if (!appliesIn(e, period) || e.normalise) continue;
        const sum = sumIn(e.elements, period);
        if (Math.abs(sum - e.points) > EPS)
          out.push(makeIssue('scoring.pointsSum', at([...path, 'points']), { element: label(e), period, sum, points: e.points }));
      }
      continue;
    }
    const need = (field: 'numerator' | 'denominator', wanted: boolean) => {
      const has = e[field] !== undefined;
      if (has !== wanted)
        out.push(
          makeIssue('scoring.measure', at(has ? [...path, field] : path), {
            element: e.id,
            measure: e.measure,
            field,
            problem: wanted ? 'missing' : 'unused',
          }),
        );
    };
    need('numerator', e.measure !== 'full');
    need('denominator', e.measure === 'ratio');
  }
  for (const { deduction: d, path } of deductionSites(file)) {
    if (d.kind === 'range' && d.min > d.max + EPS)
      out.push(
        makeIssue('scoring.bounds', at([...path, 'min']), { element: d.id, field: 'min', value: d.min, limitField: 'max', limit: d.max }),
      );
  }
  const grades = file.grades ?? [];
  grades.forEach((g, i) => {
    const other = grades.slice(0, i).find((o) => o.min === g.min);
    if (other) out.push(makeIssue('scoring.gradeMin', at(['grades', i, 'min']), { grade: g.id, other: other.id, min: g.min }));
  });
  (file.facts ?? []).forEach((u, i) => {
    if (!u.required && u.default === undefined)
      out.push(makeIssue('scoring.factUse', at(['facts', i]), { fact: u.id, problem: 'defaultMissing', factType: '' }));
    if (u.required && u.default !== undefined)
      out.push(makeIssue('scoring.factUse', at(['facts', i, 'default']), { fact: u.id, problem: 'defaultWithRequired', factType: '' }));
  });
  const safety: ConditionContext = { facts: undefined, conditions: undefined };
  for (const s of conditionSites(file)) checkCondition(src, s.condition, toPointer(s.path), safety, undefined, out);
  (file.counts ?? []).forEach((c, i) => {
    if (c.where) checkCondition(src, c.where, toPointer(['counts', i, 'where']), safety, undefined, out);
  });
  return out;
}

/** What the pack-level check knows: the catalogue's facts and the named conditions. */
export interface ScoringPackContext {
  facts: Map<string, FactDecl>;
  conditions: Set<string>;
}

const NUMBER_TYPES = new Set(['integer', 'number']);

/**
 * The checks of a scoring file against its pack: every fact it reads, and every fact its counts
 * compute, is a catalogue fact; per-count deductions and counts are numbers; defaults fit their
 * fact's type; conditions fit the catalogue; counts test and add up fields their record kind has.
 *
 * @example
 * ```ts
 * import { scoringPackIssues, type FactDecl, type ScoringFile } from '@gridsafe/schema';
 * declare const file: ScoringFile;
 * declare const facts: Map<string, FactDecl>;
 * console.log(scoringPackIssues(file, { facts, conditions: new Set() }, 'scoring.json').length);
 * ```
 */
export function scoringPackIssues(file: ScoringFile, ctx: ScoringPackContext, name: string): Issue[] {
  return scoringPackFileIssues(file, ctx, textlessLoc(name));
}

/** {@link scoringPackIssues} located in the file's text. */
export function scoringPackFileIssues(file: ScoringFile, ctx: ScoringPackContext, src: Loc): Issue[] {
  const at = (path: (string | number)[]) => src(toPointer(path));
  const out: Issue[] = [];
  const facts = ctx.facts;
  const known = (id: string, path: (string | number)[]): FactDecl | undefined => {
    const decl = facts.get(id);
    if (!decl) {
      const suggestion = suggest(id, facts.keys());
      out.push(makeIssue('ref.unknown', at(path), { refKind: 'fact', id, ...(suggestion ? { suggestion } : {}) }, { found: id }));
    }
    return decl;
  };
  (file.counts ?? []).forEach((c, i) => {
    const decl = known(c.id, ['counts', i, 'id']);
    if (decl && !NUMBER_TYPES.has(decl.type))
      out.push(
        makeIssue(
          'scoring.countFact',
          at(['counts', i, 'id']),
          { count: c.id, problem: 'type', factType: decl.type },
          { found: decl.type },
        ),
      );
    const fields = COUNT_RECORD_FIELDS[c.record];
    if (c.where)
      checkCondition(
        src,
        c.where,
        toPointer(['counts', i, 'where']),
        { facts: recordFieldFacts(c.record), conditions: new Set() },
        undefined,
        out,
      );
    if (c.sum !== undefined && !NUMBER_TYPES.has(fields[c.sum]?.type ?? '')) {
      const allowed = Object.entries(fields)
        .filter(([, f]) => NUMBER_TYPES.has(f.type))
        .map(([k]) => k);
      out.push(makeIssue('scoring.recordField', at(['counts', i, 'sum']), { record: c.record, field: c.sum, allowed }, { found: c.sum }));
    }
  });
  for (const { element: e, path } of elementSites(file)) {
    if (isBlock(e)) continue;
    if (e.numerator) known(e.numerator, [...path, 'numerator']);
    if (e.denominator) known(e.denominator, [...path, 'denominator']);
  }
  for (const { deduction: d, path } of deductionSites(file)) {
    if (d.kind !== 'perCount') continue;
    const decl = known(d.count, [...path, 'count']);
    if (decl && !NUMBER_TYPES.has(decl.type))
      out.push(
        makeIssue(
          'scoring.countType',
          at([...path, 'count']),
          { deduction: d.id, fact: d.count, factType: decl.type },
          { found: decl.type },
        ),
      );
  }
  (file.facts ?? []).forEach((u, i) => {
    const decl = known(u.id, ['facts', i, 'id']);
    if (!decl || u.default === undefined) return;
    const ok = decl.type === 'boolean' ? typeof u.default === 'boolean' : NUMBER_TYPES.has(decl.type) && typeof u.default === 'number';
    if (!ok || (decl.type === 'integer' && !Number.isInteger(u.default)))
      out.push(makeIssue('scoring.factUse', at(['facts', i, 'default']), { fact: u.id, problem: 'defaultType', factType: decl.type }));
  });
  const cctx: ConditionContext = { facts, conditions: ctx.conditions };
  for (const s of conditionSites(file)) checkCondition(src, s.condition, toPointer(s.path), cctx, undefined, out);
  return out;
}
