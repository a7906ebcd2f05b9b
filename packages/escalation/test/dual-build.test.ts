// Issue 18: a machine built by the ESM build works with the CJS build. A host whose code loads the
// package both ways (an ESM service with a CommonJS plug-in) gets two copies of the module; the
// machine's model is found through a key in the global symbol registry, not a module-local map.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const pkg = join(root, 'packages', 'escalation');
const newest = (dir: string): number =>
  Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true }).map((d) =>
      d.isDirectory() ? newest(join(dir, d.name)) : statSync(join(dir, d.name)).mtimeMs,
    ),
  );

beforeAll(() => {
  // The packages' JavaScript as npm ships it, rebuilt when missing or older than the sources.
  const built = existsSync(join(pkg, 'dist', 'index.cjs')) ? statSync(join(pkg, 'dist', 'index.cjs')).mtimeMs : 0;
  if (!existsSync(join(root, 'packages', 'engine', 'dist', 'node.js')) || built < newest(join(pkg, 'src')))
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'ignore' });
}, 900_000);

const script = `
import { createRequire } from 'node:module';
import { resolvePack } from '@gridsafe/engine';
import { loadPackSet } from '@gridsafe/engine/node';
import * as esm from '@gridsafe/escalation';
const cjs = createRequire(${JSON.stringify(join(pkg, 'package.json'))})('./dist/index.cjs');
const set = loadPackSet(${JSON.stringify(join(root, 'rules'))});
const pack = resolvePack(set.right, 'xianyou').right;
const machine = esm.createEscalationMachine(pack).right;
const report = { id: 'r', at: '2026-03-02T09:00:00+08:00', actor: 'chen', role: 'xianyou.tier.grid-worker', grade: 'general', photos: ['p.jpg'] };
const opened = cjs.openCase(machine, 'dual', report);
const up = cjs.transition(machine, opened.snapshot, { type: 'ESCALATE', id: 'e', at: '2026-03-02T10:00:00+08:00', actor: 'chen', role: 'xianyou.tier.grid-worker', reason: 'xianyou.reason.report' });
console.log(JSON.stringify({
  twoCopies: cjs.transition !== esm.transition,
  opened: opened.rejected?.message.en ?? opened.snapshot.state,
  up: up.rejected?.message.en ?? up.snapshot.owner,
  allowed: cjs.allowedEvents(machine, up.snapshot).map((a) => a.type).slice(0, 3),
  model: cjs.machineModel(machine)?.model.pack,
  notAMachine: cjs.transition({}, opened.snapshot, report).rejected?.code,
}));
`;

describe('the ESM and CJS builds share machines', () => {
  it('a machine made by the ESM build opens and moves a case through the CJS build', () => {
    // Inside the repository, so that @gridsafe/* resolve from its node_modules as a host's install would.
    const file = join(pkg, 'test', `.dual-build-${process.pid}.mjs`);
    writeFileSync(file, script);
    let out: string;
    try {
      out = execFileSync(process.execPath, [file], { cwd: root, encoding: 'utf8' });
    } finally {
      rmSync(file, { force: true });
    }
    expect(JSON.parse(out)).toEqual({
      twoCopies: true,
      opened: 'grid-worker.assign',
      up: 'xianyou.tier.village',
      allowed: ['ACCEPT', 'RESOLVE', 'ESCALATE'],
      model: { id: 'xianyou', version: '1.0.0' },
      notAMachine: 'escalation.notMachine',
    });
  });
});
