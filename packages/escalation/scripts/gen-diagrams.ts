// Writes docs/escalation/<region>.md: each seed region's machine, generated from its pack.
// A test (packages/escalation/test/diagrams.test.ts) fails when the committed pages are stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolvePack } from '@gridsafe/engine';
import { loadPackSet } from '@gridsafe/engine/node';
import * as E from 'fp-ts/lib/Either.js';
import { createEscalationMachine, escalationMarkdown } from '../src/index.js';

/** The seed regions with a diagram page. */
export const DIAGRAM_REGIONS = ['chanba', 'chibi', 'jianguanju', 'mudan', 'xianyou'];

/** Every region's page, by file name. */
export function diagramPages(rulesDir: string): Map<string, string> {
  const set = loadPackSet(rulesDir);
  if (E.isLeft(set)) throw new Error(set.left.map((i) => i.message.en).join('; '));
  const pages = new Map<string, string>();
  for (const id of DIAGRAM_REGIONS) {
    const pack = resolvePack(set.right, id);
    if (E.isLeft(pack)) throw new Error(pack.left.map((i) => i.message.en).join('; '));
    const machine = createEscalationMachine(pack.right);
    if (E.isLeft(machine)) throw new Error(machine.left.map((i) => i.message.en).join('; '));
    pages.set(`${id}.md`, escalationMarkdown(machine.right));
  }
  return pages;
}

const root = join(import.meta.dirname, '..', '..', '..');
if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const out = join(root, 'docs', 'escalation');
  mkdirSync(out, { recursive: true });
  for (const [name, text] of diagramPages(join(root, 'rules'))) writeFileSync(join(out, name), text);
  console.log(`wrote ${DIAGRAM_REGIONS.length} diagrams to ${out}`);
}
