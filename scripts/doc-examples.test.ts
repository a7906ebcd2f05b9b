import { describe, expect, it } from 'vitest';
import { check, collect } from './doc-examples.js';

describe('API doc examples', () => {
  it('are found in every package', () => {
    const where = collect().map((e) => e.where.split('/')[1]);
    for (const pkg of ['schema', 'engine', 'escalation', 'scoring', 'cli']) expect(where).toContain(pkg);
  });

  it('type-check against the public API', () => {
    const { errors } = check();
    expect(errors).toEqual([]);
  }, 120_000);
});
