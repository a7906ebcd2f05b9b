import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (p: string) => fileURLToPath(new URL(`./packages/${p}`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@gridsafe\/schema\/node$/, replacement: src('schema/src/node.ts') },
      { find: /^@gridsafe\/schema$/, replacement: src('schema/src/index.ts') },
      { find: /^@gridsafe\/engine\/node$/, replacement: src('engine/src/node.ts') },
      { find: /^@gridsafe\/engine$/, replacement: src('engine/src/index.ts') },
      { find: /^@gridsafe\/escalation$/, replacement: src('escalation/src/index.ts') },
      { find: /^@gridsafe\/scoring$/, replacement: src('scoring/src/index.ts') },
      { find: /^@gridsafe\/cli$/, replacement: src('cli/src/index.ts') },
    ],
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'rules/**/*.test.ts', 'examples/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Generous: tests that spawn the CLI many times run for seconds alone and for minutes on a loaded machine.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
