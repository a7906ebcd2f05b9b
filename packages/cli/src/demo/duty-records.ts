import type { ResolvedPack } from '@gridsafe/engine';
import type { NestedCondition, StandardFile, TopLevelCondition } from '@gridsafe/schema';
import type { DemoCase } from './cases.js';
import type { DutyMonth } from './duties.js';
import { hazardRecords } from './records.js';
import { choose, daysOf } from './rng.js';
import type { World } from './world.js';

type Cond = TopLevelCondition | NestedCondition;

/** How often a unit falls short of one requirement of its construction standard. */
const SHORT = 0.25;

/** Set the facts that make a condition's leaves hold (or, `short`, fail); `all`/`any` are walked, others left alone. */
function satisfy(c: Cond, facts: Record<string, unknown>, short: boolean): void {
  if ('all' in c || 'any' in c) {
    for (const k of 'all' in c ? (c as { all: Cond[] }).all : (c as { any: Cond[] }).any) satisfy(k, facts, short);
    return;
  }
  if (!('fact' in c) || c.path) return;
  const v = c.value;
  if (c.operator === 'contains') {
    const list = Array.isArray(facts[c.fact]) ? (facts[c.fact] as unknown[]) : [];
    facts[c.fact] = short ? list.filter((x) => x !== v) : list.includes(v) ? list : [...list, v];
  } else if (c.operator === 'equal' && typeof v === 'boolean') facts[c.fact] = short ? !v : v;
  else if (c.operator === 'greaterThanInclusive' && typeof v === 'number') facts[c.fact] = short ? v - 1 : v;
  else if (c.operator === 'greaterThan' && typeof v === 'number') facts[c.fact] = short ? v : v + 1;
  else if (c.operator === 'equal' && !short) facts[c.fact] = v;
}

/** A station's facts on the standard: every requirement met, or now and then one not. */
function stationFacts(standard: StandardFile, random: () => number): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  const short = random() < SHORT ? choose(random, standard.requirements).id : undefined;
  for (const r of standard.requirements) satisfy(r.condition, facts, false);
  const miss = standard.requirements.find((r) => r.id === short);
  if (miss) satisfy(miss.condition, facts, true);
  return facts;
}

/**
 * The month's period records of a pack without checklists: the units, the hazards of the free-form
 * reports as their cases left them, the records the done duties made, and the facts of each unit a
 * construction standard applies to.
 */
export function dutyRecords(
  pack: ResolvedPack,
  world: World,
  month: string,
  duties: DutyMonth,
  cases: DemoCase[],
  random: () => number,
): Record<string, unknown>[] {
  const days = daysOf(month);
  const last = days[days.length - 1] as string;
  const out: Record<string, unknown>[] = world.units.map((u) => ({ type: 'unit', ...u }));
  out.push(...hazardRecords(cases, last), ...duties.records);
  for (const u of world.units)
    for (const s of pack.standards.filter((x) => x.appliesTo === u.level))
      out.push({ type: 'station', unit: u.id, date: last, facts: stationFacts(s, random) });
  return out;
}
