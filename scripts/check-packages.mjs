// Runs publint and arethetypeswrong over every built package. Fails on any problem.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const packages = readdirSync('packages').map((p) => `packages/${p}`);
let failed = false;
for (const dir of packages) {
  for (const [cmd, args] of [
    ['publint', [dir, '--strict']],
    ['attw', ['--pack', dir, '--profile', 'node16', '--format', 'ascii']],
  ]) {
    try {
      const out = execFileSync('npx', ['--no-install', cmd, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      console.log(`✔ ${cmd} ${dir}`);
      if (process.env.VERBOSE) console.log(out);
    } catch (e) {
      failed = true;
      console.error(`✘ ${cmd} ${dir}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
    }
  }
}
process.exit(failed ? 1 : 0);
