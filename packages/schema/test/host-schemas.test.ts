import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOST_INPUTS, hostSchema } from '../scripts/host-schemas.js';
import { EscalationEventCodec, toJsonSchema } from '../src/index.js';

const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
((addFormats as unknown as { default?: (a: Ajv2020) => void }).default ?? (addFormats as unknown as (a: Ajv2020) => void))(ajv);
const at = '2026-03-01T09:00:00+08:00';
const meta = { id: 'e1', at, actor: 'chen', role: 'xianyou.tier.grid-worker' };

/** Valid samples of every host input, by schema file. */
const SAMPLES: Record<string, Record<string, unknown>[]> = {
  'patrol-record.schema.json': [
    {
      id: 'r1',
      gridId: 'g1',
      gridType: 'village',
      workerId: 'w1',
      at,
      answers: { 'chibi.village.01': true, 'chibi.village.02': 3, x: 'a', y: null },
      photos: [{ uri: 'p.jpg', itemId: 'chibi.village.01' }],
      facts: { storedKg: 120, nested: { a: [1, 2] } },
    },
  ],
  'hazard-report.schema.json': [
    {
      id: 'h1',
      gridId: 'g1',
      reportedAt: at,
      reporter: { id: 'w1', role: 'grid-worker' },
      severity: 'major',
      description: 'LPG in rental housing',
      photos: [{ uri: 'p.jpg' }],
      itemId: 'chibi.village.01',
    },
  ],
  'escalation-event.schema.json': [
    { ...meta, type: 'REPORT', severity: 'general', photos: ['p.jpg'], description: 'x', facts: { a: 1 } },
    { ...meta, type: 'ACCEPT' },
    { ...meta, type: 'RESOLVE', evidence: ['e.jpg'] },
    { ...meta, type: 'ESCALATE', reason: 'r', to: 'xianyou.tier.township' },
    { ...meta, type: 'FORWARD', to: ['base.dept.fire', 'base.dept.market-supervision'] },
    { ...meta, type: 'FORWARD', to: 'base.dept.fire' },
    { ...meta, type: 'SUBMIT_PLAN', plan: { target: 't', method: 'm' } },
    { ...meta, type: 'VERIFY_PASS' },
    { ...meta, type: 'VERIFY_FAIL', reason: 'no' },
    { ...meta, type: 'REQUEST_EXTENSION', until: '2026-03-09T09:00:00Z', reason: 'r' },
    { ...meta, type: 'DECIDE_EXTENSION', approve: false },
    { ...meta, type: 'RETURN', reason: 'r' },
    { ...meta, type: 'DEADLINE', role: 'system' },
    { ...meta, type: 'SUPERVISE', note: 'n' },
    { ...meta, type: 'VOID', reason: 'dup' },
    { ...meta, type: 'CLOSE' },
  ],
  'period-record.schema.json': [
    { type: 'unit', id: 'v1', level: 'xianyou.level.village', staff: { 'grid-worker': 3 } },
    { type: 'patrol', unit: 'g1', date: '2026-03-02', status: 'carried', reported: true },
    { type: 'hazard', unit: 'v1', date: '2026-03-02', tier: 'general', state: 'closed', closedOn: '2026-03-04' },
    { type: 'meeting', unit: 't1', date: '2026-03-05' },
    { type: 'fact', unit: 't1', date: '2026-03-31', fact: 'x.y', value: true },
    { type: 'station', unit: 'v1', date: '2026-03-31', facts: { 'station.hasOffice': true } },
  ],
};

/** A sample changed at one key: removed, or set to another JSON value. */
const mutated = (samples: Record<string, unknown>[]) =>
  fc.tuple(fc.constantFrom(...samples), fc.nat(), fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined })).map(([s, i, v]) => {
    const keys = Object.keys(s);
    const key = keys[i % keys.length] as string;
    const out: Record<string, unknown> = { ...s };
    if (v === undefined) delete out[key];
    else out[key] = v;
    return out;
  });

describe('host input schemas', () => {
  it.each(HOST_INPUTS.map((h) => h.file))('%s is published, current, and compiles in strict mode', (file) => {
    const input = HOST_INPUTS.find((h) => h.file === file) as (typeof HOST_INPUTS)[number];
    const committed = JSON.parse(readFileSync(new URL(`../schemas/${file}`, import.meta.url), 'utf8'));
    expect(committed).toEqual(hostSchema(input));
    expect(committed.$id).toBe(`https://gridsafe.dev/schema/v1/${file}`);
    expect(() => ajv.compile(committed)).not.toThrow();
  });

  it.each(HOST_INPUTS.map((h) => h.file))('%s agrees with its codec on valid and changed inputs (property)', (file) => {
    const input = HOST_INPUTS.find((h) => h.file === file) as (typeof HOST_INPUTS)[number];
    const validate = ajv.compile(toJsonSchema(input.codec));
    const samples = SAMPLES[file] as Record<string, unknown>[];
    for (const s of samples) {
      expect(input.codec.is(s), JSON.stringify(s)).toBe(true);
      expect(validate(s), JSON.stringify(validate.errors)).toBe(true);
    }
    fc.assert(
      fc.property(mutated(samples), (v) => {
        expect(validate(v)).toBe(input.codec.is(v));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses an event whose kind lacks a required field, in both', () => {
    const validate = ajv.compile(toJsonSchema(EscalationEventCodec));
    const bad = { ...meta, type: 'ESCALATE' };
    expect(validate(bad)).toBe(false);
    expect(EscalationEventCodec.is(bad)).toBe(false);
  });
});
