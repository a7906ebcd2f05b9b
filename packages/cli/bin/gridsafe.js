#!/usr/bin/env node
// The `gridsafe` command. An installed package runs its built program, dist/bin.js. In a clone of
// the gridsafe repository nothing is built before the first `npm run build`, so the first run there
// builds the packages (once, saying so on stderr) and then runs the command.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const program = new URL('../dist/bin.js', import.meta.url);
if (!existsSync(program)) {
  const checkout = fileURLToPath(new URL('../../../', import.meta.url));
  if (!existsSync(`${checkout}scripts/build.mjs`)) {
    console.error('gridsafe: this installation has no dist/bin.js; reinstall @gridsafe/cli');
    process.exit(2);
  }
  console.error('gridsafe: first run in this checkout, building the packages (npm run build)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const built = spawnSync(npm, ['run', 'build', '--silent'], { cwd: checkout, stdio: ['ignore', 2, 2] });
  if (built.status !== 0 || !existsSync(program)) {
    console.error('gridsafe: the build failed; run `npm run build` in the checkout to see why');
    process.exit(2);
  }
}
await import(program.href);
