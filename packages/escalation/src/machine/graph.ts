import type { AnyStateMachine, AnyStateNode } from 'xstate';
import type { EscalationMachine } from './create.js';

/** A state of a machine's graph. */
export interface GraphNode {
  /** The state's path, e.g. `township.handle`. */
  id: string;
  label: string;
  /** The compound state (tier) it belongs to. */
  parent?: string;
  kind: 'initial' | 'tier' | 'step' | 'final';
}

/** A transition of a machine's graph (one per source, target and event). */
export interface GraphEdge {
  from: string;
  to: string;
  event: string;
  /** The condition or target kind of the transition, when it has one (e.g. `skip`, `overdue`). */
  label?: string;
}

/** A machine as plain data, for drawing (the CLI's SVG) or analysis. */
export interface MachineGraph {
  id: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

const pathOf = (n: AnyStateNode) => n.path.join('.');

/**
 * The states and transitions of a machine as plain data: every state node (tiers and their steps)
 * and every transition, with internal ones (no target) as self-edges. Labels of generated machines
 * come from their policy data.
 *
 * @example
 * ```ts
 * import { toGraph, type EscalationMachine } from '@gridsafe/escalation';
 * declare const machine: EscalationMachine;
 * const g = toGraph(machine);
 * console.log(g.nodes.length, g.edges.filter((e) => e.event === 'ESCALATE').length);
 * ```
 */
export function toGraph(
  machine: AnyStateMachine | EscalationMachine,
  labels: (params: unknown) => string | undefined = () => undefined,
): MachineGraph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  const visit = (n: AnyStateNode, parent?: string) => {
    const id = pathOf(n);
    const kids = Object.values(n.states) as AnyStateNode[];
    const kind = n.type === 'final' ? 'final' : kids.length ? 'tier' : parent ? 'step' : 'initial';
    nodes.push({ id, label: n.description ?? n.key, ...(parent ? { parent } : {}), kind });
    for (const [event, list] of n.transitions) {
      for (const t of list) {
        const to = t.target?.[0] ? pathOf(t.target[0]) : id;
        const guard = t.guard as { params?: unknown } | undefined;
        const label = labels(guard?.params);
        const key = `${id}|${to}|${event}|${label ?? ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        edges.push({ from: id, to, event, ...(label ? { label } : {}) });
      }
    }
    for (const k of kids) visit(k, id);
  };
  for (const n of Object.values((machine as AnyStateMachine).root.states) as AnyStateNode[]) visit(n);
  return { id: machine.id, nodes, edges };
}
