import type { AnyStateMachine } from 'xstate';
import type { EscalationMachine } from './create.js';
import { type MachineGraph, toGraph } from './graph.js';

const mid = (id: string) => id.replace(/[^A-Za-z0-9_]/g, '_');
const text = (s: string) => s.replace(/["\n:;]/g, ' ');

/** Mermaid `stateDiagram-v2` text of a machine graph. */
export function graphToMermaid(g: MachineGraph, initial = 'new'): string {
  const lines = ['stateDiagram-v2', `  [*] --> ${mid(initial)}`];
  const children = (parent?: string) => g.nodes.filter((n) => n.parent === parent);
  const emit = (parent: string | undefined, indent: string) => {
    for (const n of children(parent)) {
      if (n.kind === 'tier') {
        lines.push(`${indent}state "${text(n.label)}" as ${mid(n.id)} {`);
        const first = children(n.id)[0];
        if (first) lines.push(`${indent}  [*] --> ${mid(first.id)}`);
        emit(n.id, `${indent}  `);
        lines.push(`${indent}}`);
      } else lines.push(`${indent}state "${text(n.label)}" as ${mid(n.id)}`);
    }
  };
  emit(undefined, '  ');
  for (const n of g.nodes.filter((x) => x.kind === 'final')) lines.push(`  ${mid(n.id)} --> [*]`);
  for (const e of g.edges) lines.push(`  ${mid(e.from)} --> ${mid(e.to)} : ${e.event}${e.label ? ` [${text(e.label)}]` : ''}`);
  return `${lines.join('\n')}\n`;
}

/**
 * A Mermaid `stateDiagram-v2` of any XState machine (for a generated escalation machine, use the
 * machine made by `createEscalationMachine`: its states carry the tiers' and steps' titles and its
 * transitions the policy's conditions).
 *
 * @example
 * ```ts
 * import { toMermaid, type EscalationMachine } from '@gridsafe/escalation';
 * declare const machine: EscalationMachine;
 * console.log(toMermaid(machine).split('\n')[0]); // stateDiagram-v2
 * ```
 */
export function toMermaid(machine: AnyStateMachine | EscalationMachine, labels?: (params: unknown) => string | undefined): string {
  return graphToMermaid(toGraph(machine, labels), String((machine as AnyStateMachine).config.initial ?? 'new'));
}
