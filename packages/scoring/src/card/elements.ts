import { explain } from '@gridsafe/engine';
import { type Issue, isBlock, type ScoringBlock, type ScoringElement, type ScoringItem } from '@gridsafe/schema';
import { MEASURES, type MeasureContext } from '../measures/index.js';
import { round4, roundTo } from '../rounding.js';
import { scoreDeduction } from './deductions.js';
import type { FactsContext } from './facts.js';
import type { ScoringModel } from './model.js';
import { type AssessorValue, type BlockScore, type ItemScore, ruleOf } from './types.js';

/** What scoring a list of elements needs. */
export interface ElementsInput {
  model: ScoringModel;
  period: string;
  facts: Record<string, unknown>;
  measure: MeasureContext;
  assessed: (deduction: string) => readonly AssessorValue[];
  ctx: FactsContext;
  issues: Issue[];
}

/** Results of scoring elements, collected depth first. */
export interface ElementsOutput {
  blocks: BlockScore[];
  items: ItemScore[];
}

/** Clamp raw points between floor and cap, and say what each cut or gave back. */
function bound(raw: number, points: number, cap: number | undefined, floor: number | undefined) {
  const upper = Math.min(cap ?? points, points);
  const lower = floor ?? 0;
  const clamped = Math.min(upper, Math.max(lower, raw));
  return {
    points: round4(clamped),
    capped: round4(raw > upper ? raw - upper : 0),
    floored: round4(raw < lower ? lower - raw : 0),
  };
}

function scoreItem(e: ScoringItem, parent: string | undefined, depth: number, input: ElementsInput): ItemScore {
  const round = (x: number) => (e.rounding ? roundTo(x, e.rounding) : x);
  const v = MEASURES[e.measure](e, input.facts, round, input.measure);
  const earned = round4(e.points * v.share);
  const deductions = (e.deductions ?? []).map((d) =>
    scoreDeduction(input.model, d, input.facts, input.assessed(d.id), input.ctx, input.issues),
  );
  const raw = round4(earned - deductions.reduce((s, d) => s + d.points, 0));
  return {
    id: e.id,
    title: e.title,
    ...(parent ? { parent } : {}),
    depth,
    measure: e.measure,
    value: v.value,
    ...(e.numerator ? { numerator: v.numerator } : {}),
    ...(e.denominator ? { denominator: v.denominator } : {}),
    ...(v.target !== undefined ? { target: v.target } : {}),
    better: e.better ?? 'higher',
    max: e.points,
    earned,
    deductions,
    raw,
    ...bound(raw, e.points, e.cap, e.floor),
    rule: ruleOf(e),
  };
}

function scoreBlock(b: ScoringBlock, parent: string | undefined, depth: number, input: ElementsInput, out: ElementsOutput): BlockScore {
  const at = out.blocks.length;
  const kids = scoreList(b.elements, b.id, depth + 1, input, out);
  const sum = round4(kids.reduce((s, k) => s + k.points, 0));
  const max = kids.reduce((s, k) => s + k.max, 0);
  const raw = b.normalise ? (max > 0 ? round4((sum / max) * b.points) : b.points) : sum;
  const vetoHeld = b.veto ? input.model.predicate(b.veto.when)(input.facts) : false;
  const bounded = bound(raw, b.points, b.cap, b.floor);
  const block: BlockScore = {
    id: b.id,
    title: b.title,
    ...(parent ? { parent } : {}),
    depth,
    children: kids.map((k) => k.id),
    max: b.points,
    sum,
    raw,
    // A block veto takes the block to 0; it never raises a block that is below 0.
    ...(vetoHeld ? { ...bounded, points: Math.min(0, bounded.points) } : bounded),
    veto:
      vetoHeld && b.veto
        ? { id: b.veto.id, title: b.veto.title, rule: ruleOf(b.veto), explanation: explain(b.veto.when, input.model.named, input.facts) }
        : null,
    rule: ruleOf(b),
  };
  out.blocks.splice(at, 0, block);
  return block;
}

/** Score a list of elements (those that apply in the period), collecting blocks and items. */
export function scoreList(
  els: readonly ScoringElement[],
  parent: string | undefined,
  depth: number,
  input: ElementsInput,
  out: ElementsOutput,
): { id: string; points: number; max: number }[] {
  const res: { id: string; points: number; max: number }[] = [];
  for (const e of els) {
    if (e.periods && !e.periods.includes(input.period as never)) continue;
    if (isBlock(e)) {
      const b = scoreBlock(e, parent, depth, input, out);
      res.push({ id: b.id, points: b.points, max: b.max });
    } else {
      const it = scoreItem(e, parent, depth, input);
      out.items.push(it);
      res.push({ id: it.id, points: it.points, max: it.max });
    }
  }
  return res;
}
