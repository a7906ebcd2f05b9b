// Rule files stay in canonical form (schema key order, two-space indentation), as `gridsafe fmt` writes them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonical } from '@gridsafe/cli';
import { describe, expect, it } from 'vitest';

const dir = import.meta.dirname;
const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('rule files are canonical', () => {
  it('finds the rule files', () => expect(files.length).toBeGreaterThan(40));
  it.each(files)('%s', (f) => {
    const text = readFileSync(join(dir, f), 'utf8');
    expect(text).toBe(canonical(JSON.parse(text)));
  });
});
