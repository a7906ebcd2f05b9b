import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGRAM_REGIONS, diagramPages } from '../scripts/gen-diagrams.js';
import { escalationGraph, toMermaid } from '../src/index.js';
import { machineOf } from './fixtures.js';

const root = join(import.meta.dirname, '..', '..', '..');

describe('diagrams', () => {
  it('docs/escalation pages are up to date (run: npx tsx packages/escalation/scripts/gen-diagrams.ts)', () => {
    for (const [name, text] of diagramPages(join(root, 'rules')))
      expect(readFileSync(join(root, 'docs', 'escalation', name), 'utf8')).toBe(text);
    expect(DIAGRAM_REGIONS).toHaveLength(5);
  });
  it('draws every tier, the skip and the overdue transitions', () => {
    const m = machineOf('xianyou');
    const text = toMermaid(m);
    expect(text.startsWith('stateDiagram-v2\n')).toBe(true);
    for (const t of ['grid_worker', 'village', 'township', 'county', 'departments']) expect(text).toContain(`as ${t} {`);
    const g = escalationGraph(m);
    expect(g.edges).toContainEqual({ from: 'grid-worker.assign', to: 'township.assign', event: 'ESCALATE', label: 'skip' });
    expect(g.edges).toContainEqual({ from: 'county.handle', to: 'county.supervise', event: 'DEADLINE', label: 'overdue' });
    expect(g.nodes.filter((n) => n.kind === 'final').map((n) => n.id)).toEqual(['closed', 'voided']);
  });
});
