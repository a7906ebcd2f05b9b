import { type Issue, type Location, makeIssue } from '@gridsafe/schema';
import type { Accumulator, UnitCounters } from './accumulate.js';
import { S } from './layout.js';

/** A unit of the roll-up tree with its counters: its own and its whole subtree's. */
export interface UnitNode {
  id: string;
  level: string;
  parent?: string;
  name?: string;
  children: UnitNode[];
  own: Float64Array;
  /** Own counters plus every descendant's, per month. */
  sub: Float64Array;
  /** Fact-fed slots some `fact` record in the subtree gave, per month. */
  seen: Uint8Array | undefined;
  /** Units per level in the subtree (itself included). */
  levels: Map<string, number>;
  /** Staff per role in the subtree. */
  staff: Map<string, number>;
  /** Leaf units in the subtree, and those with at least one staff member. */
  leaves: number;
  staffedLeaves: number;
  counters: UnitCounters;
}

const LEVEL_FACTS: [suffix: string, inspections: number, meetings: number][] = [
  ['county', S['county.inspectionsLed'], S['county.meetingsHeld']],
  ['district', S['county.inspectionsLed'], S['county.meetingsHeld']],
  ['township', S['township.inspectionsLed'], S['township.meetingsHeld']],
  ['village', S['village.inspectionsHeld'], S['village.meetingsHeld']],
  ['community', S['village.inspectionsHeld'], S['village.meetingsHeld']],
];

/**
 * Build the unit tree from the declarations and roll every counter up (a parent's count is its own
 * plus its children's). Undeclared units, unknown parents and cycles come back as located issues.
 */
export function buildTree(
  acc: Accumulator,
  at: (pos: number, field: string) => Location,
): { nodes: Map<string, UnitNode>; roots: UnitNode[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const nodes = new Map<string, UnitNode>();
  const size = acc.layout.size;
  const months = acc.period.months.length;
  for (const u of [...acc.units.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (!u.decl) {
      const expected = 'a unit declared by a "unit" record';
      issues.push(makeIssue('codec.invalid', at(u.firstIndex, 'unit'), { expected }, { expected, found: JSON.stringify(u.id) }));
      continue;
    }
    const staff = new Map<string, number>();
    let staffCount = 0;
    for (const [role, n] of Object.entries(u.decl.staff ?? {})) {
      staff.set(role, n);
      staffCount += n;
    }
    const suffix = u.decl.level.slice(u.decl.level.lastIndexOf('.') + 1);
    const lf = LEVEL_FACTS.find(([s]) => s === suffix);
    if (lf) {
      for (let m = 0; m < months; m++) {
        u.own[m * size + lf[1]] = (u.own[m * size + lf[1]] as number) + (u.own[m * size + S['inspections.led']] ?? 0);
        u.own[m * size + lf[2]] = (u.own[m * size + lf[2]] as number) + (u.own[m * size + S['meetings.held']] ?? 0);
      }
    }
    nodes.set(u.id, {
      id: u.id,
      level: u.decl.level,
      ...(u.decl.parent ? { parent: u.decl.parent } : {}),
      ...(u.decl.name ? { name: u.decl.name } : {}),
      children: [],
      own: u.own,
      sub: u.own.slice(),
      seen: u.seen?.slice(),
      levels: new Map([[u.decl.level, 1]]),
      staff,
      leaves: 0,
      staffedLeaves: staffCount > 0 ? 1 : 0,
      counters: u,
    });
  }
  const roots: UnitNode[] = [];
  for (const n of nodes.values()) {
    const p = n.parent === undefined ? undefined : nodes.get(n.parent);
    if (n.parent !== undefined && !p) {
      const expected = 'the id of a declared unit';
      issues.push(
        makeIssue('codec.invalid', at(n.counters.declIndex ?? 0, 'parent'), { expected }, { expected, found: JSON.stringify(n.parent) }),
      );
    }
    if (p) p.children.push(n);
    else roots.push(n);
  }
  // Post-order from the roots; anything not reached sits on a cycle.
  const seen = new Set<string>();
  const visit = (n: UnitNode): void => {
    seen.add(n.id);
    if (n.children.length === 0) n.leaves = 1;
    else n.staffedLeaves = 0;
    for (const c of n.children) {
      visit(c);
      rollUp(n, c, acc.layout.booleans, size, months);
    }
  };
  for (const r of roots) visit(r);
  for (const n of nodes.values()) {
    if (seen.has(n.id)) continue;
    const expected = 'a parent chain that ends at a root unit (no cycle)';
    issues.push(
      makeIssue('codec.invalid', at(n.counters.declIndex ?? 0, 'parent'), { expected }, { expected, found: JSON.stringify(n.parent) }),
    );
    seen.add(n.id);
  }
  return { nodes, roots, issues };
}

function rollUp(n: UnitNode, c: UnitNode, booleans: Set<number>, size: number, months: number): void {
  for (let m = 0; m < months; m++) {
    const b = m * size;
    for (let i = 0; i < size; i++) {
      const v = c.sub[b + i] ?? 0;
      if (!booleans.has(i)) n.sub[b + i] = (n.sub[b + i] ?? 0) + v;
      else if (v !== 0 && (n.own[b + i] ?? 0) === 0) {
        // A parent that reports nothing itself holds when every child that reports holds.
        const cur = n.sub[b + i] ?? 0;
        n.sub[b + i] = cur === -1 || v === -1 ? -1 : 1;
      }
    }
  }
  if (c.seen) {
    n.seen ??= new Uint8Array(c.seen.length);
    const s = n.seen;
    for (let i = 0; i < s.length; i++) s[i] = (s[i] as number) | (c.seen[i] as number);
  }
  for (const [l, k] of c.levels) n.levels.set(l, (n.levels.get(l) ?? 0) + k);
  for (const [r, k] of c.staff) n.staff.set(r, (n.staff.get(r) ?? 0) + k);
  n.leaves += c.leaves;
  n.staffedLeaves += c.staffedLeaves;
}
