// Model-based: xstate/graph explores each seed region's generated machine; every state and every
// transition of the machine is reached, and each shortest path replays the same through transition().

import { describe, expect, it } from 'vitest';
import { getAdjacencyMap, getShortestPaths } from 'xstate/graph';
import { type CaseSnapshot, escalationGraph, openCase, transition } from '../src/index.js';
import { candidateEvents } from './candidates.js';
import { machineOf, REGIONS } from './fixtures.js';

// States are told apart by what decides the transitions they allow. The path counts by its last
// two tiers (RETURN and the reporting tier's verification look no further), so a case sent down and
// back up again does not make the state space endless.
const key = (c: CaseSnapshot) =>
  [
    c.state,
    c.kind,
    c.grade ?? '-',
    c.lead === c.owner ? 'L' : c.lead ? 'l' : '',
    c.completed?.length ? 'c' : '',
    c.supervisedBy ?? '',
    c.plan ? 'p' : '',
    c.extension ? 'x' : '',
    Math.min(c.departments?.length ?? 0, 2),
    c.path.slice(-2).join('>'),
  ].join('|');

describe.each(REGIONS)('%s machine', (region) => {
  const machine = machineOf(region);
  const options = {
    events: (s: { context: CaseSnapshot }) => candidateEvents(machine, s.context, true),
    serializeState: (s: { context: CaseSnapshot }) => key(s.context),
    serializeEvent: (e: {
      type: string;
      role?: string;
      to?: unknown;
      approve?: unknown;
      grade?: unknown;
      kind?: unknown;
      reason?: unknown;
      lead?: unknown;
    }) => JSON.stringify([e.type, e.role, e.to, e.approve, e.grade, e.kind, e.reason, e.lead]),
  };
  const adjacency = getAdjacencyMap(machine, options as any);
  const graph = escalationGraph(machine);

  it('reaches every state of the machine', () => {
    const reached = new Set(Object.values(adjacency).map((v) => (v.state.context as CaseSnapshot).state));
    const leaves = graph.nodes.filter((n) => n.kind !== 'tier').map((n) => n.id);
    expect(leaves.filter((s) => !reached.has(s))).toEqual([]);
  });

  it('takes every transition of the machine', () => {
    const taken = new Set<string>();
    for (const v of Object.values(adjacency)) {
      const from = v.state.context as CaseSnapshot;
      for (const t of Object.values(v.transitions) as { event: { type: string }; state: { context: unknown } }[]) {
        const to = t.state.context as CaseSnapshot;
        if (to.audit.length > from.audit.length) taken.add(`${from.state}|${t.event.type}|${to.state}`);
      }
    }
    const edges = graph.edges.map((e) => `${e.from}|${e.event}|${e.to}`);
    expect(edges.filter((e) => !taken.has(e))).toEqual([]);
    expect(taken.size).toBe(new Set(edges).size);
  });

  it('replays every shortest path through transition() to the same case', () => {
    const paths = getShortestPaths(machine, options as any);
    expect(paths.length).toBeGreaterThan(20);
    for (const p of paths) {
      const [report, ...rest] = p.steps.map((s) => s.event as { type: string }).filter((e) => e.type !== 'xstate.init');
      if (!report) continue;
      let c = openCase(machine, '', report as never).snapshot;
      for (const e of rest) c = transition(machine, c, e as never).snapshot;
      // States are merged by key, so the path's end is compared by key, not by its whole history.
      expect(key(c)).toBe(key(p.state.context as CaseSnapshot));
      expect(c.audit.length).toBe(rest.length + 1);
    }
  });
});
