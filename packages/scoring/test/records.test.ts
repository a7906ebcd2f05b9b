// The fields a scoring `count` may test or add up (COUNT_RECORD_FIELDS in @gridsafe/schema) are
// the fields the period-record codecs accept, with the same types.
import { COUNT_RECORD_FIELDS } from '@gridsafe/schema';
import { describe, expect, it } from 'vitest';
import { RECORD_CODECS } from '../src/index.js';

const base: Record<string, Record<string, unknown>> = {
  accident: { level: 'general' },
  hazard: { tier: 'general', state: 'open' },
  patrol: { status: 'done' },
  inspection: {},
  supervision: { closed: true },
  visit: {},
  report: {},
};
const sample = (f: { type: string; enum?: string[] | undefined }): unknown =>
  f.enum
    ? f.enum[0]
    : f.type === 'boolean'
      ? true
      : f.type === 'integer'
        ? 2
        : f.type === 'number'
          ? 2.5
          : f.type === 'date'
            ? '2026-07-02'
            : 'x';
const wrong = (f: { type: string }): unknown => (f.type === 'boolean' || f.type === 'date' || f.type === 'string' ? 7 : 'seven');

describe.each(Object.entries(COUNT_RECORD_FIELDS))('%s records', (kind, fields) => {
  const codec = RECORD_CODECS[kind as keyof typeof RECORD_CODECS];
  it.each(Object.entries(fields))('accept %s of its declared type, and refuse another', (field, f) => {
    const ok = { type: kind, unit: 'u', date: '2026-07-01', ...base[kind], [field]: sample(f) };
    expect(codec.is(ok)).toBe(true);
    expect(codec.is({ ...ok, [field]: wrong(f) })).toBe(false);
  });
});
