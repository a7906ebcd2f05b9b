import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGRAM_REGIONS, diagramPages } from '../scripts/gen-diagrams.js';
import { escalationGraph, graphToMermaid, toMermaid } from '../src/index.js';
import { machineOf } from './fixtures.js';

const root = join(import.meta.dirname, '..', '..', '..');

describe('diagrams', () => {
  it('docs/escalation pages are up to date (run: npx tsx packages/escalation/scripts/gen-diagrams.ts)', () => {
    for (const [name, text] of diagramPages(join(root, 'rules')))
      expect(readFileSync(join(root, 'docs', 'escalation', name), 'utf8')).toBe(text);
    expect(DIAGRAM_REGIONS).toHaveLength(5);
  });
  it('draws every tier, the reasons of each way up, the skip, the overdue, reminder and joint transitions', () => {
    const m = machineOf('xianyou');
    const text = toMermaid(m);
    expect(text.startsWith('stateDiagram-v2\n')).toBe(true);
    for (const t of ['grid_worker', 'village', 'township', 'county', 'departments']) expect(text).toContain(`as ${t} {`);
    const g = escalationGraph(m);
    expect(g.edges).toContainEqual({ from: 'grid-worker.assign', to: 'township.assign', event: 'ESCALATE', label: 'skip (report)' });
    expect(g.edges).toContainEqual({ from: 'village.handle', to: 'township.assign', event: 'ESCALATE', label: 'cannot-remove-at-once' });
    expect(g.edges).toContainEqual({ from: 'county.handle', to: 'county.supervise', event: 'DEADLINE', label: 'overdue' });
    expect(g.edges).toContainEqual({ from: 'county.supervise', to: 'county.supervise', event: 'DEADLINE', label: 'reminder' });
    expect(g.edges).toContainEqual({ from: 'township.handle', to: 'township.handle', event: 'RESOLVE', label: 'joint: part done' });
    expect(graphToMermaid(g)).toContain('grid_worker_assign --> township_assign : ESCALATE [skip (report)]');
    expect(g.nodes.filter((n) => n.kind === 'final').map((n) => n.id)).toEqual(['closed', 'voided']);
  });
});

describe('diagrams of the new constructs', () => {
  it("Chibi: the complaint's entry at the city, 交办 down to the township, and the reasons of the way up", () => {
    const g = escalationGraph(machineOf('chibi'));
    expect(g.edges).toContainEqual({ from: 'new', to: 'city.assign', event: 'REPORT' });
    expect(g.edges).toContainEqual({ from: 'city.handle', to: 'township.assign', event: 'SEND_DOWN', label: '交办' });
    expect(g.edges).toContainEqual({
      from: 'township.handle',
      to: 'city.assign',
      event: 'ESCALATE',
      label: 'higher-investigation / major-supervision',
    });
    expect(g.edges).toContainEqual({ from: 'grid-worker.assign', to: 'township.assign', event: 'ESCALATE', label: 'skip (report)' });
  });
  it('Mudan: the local default of going up when overdue, with its reason', () => {
    const g = escalationGraph(machineOf('mudan'));
    expect(g.edges).toContainEqual({ from: 'village.assign', to: 'township.assign', event: 'DEADLINE', label: 'overdue (overdue)' });
  });
});
