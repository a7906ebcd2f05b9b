import fc from 'fast-check';
import { isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  decode,
  HazardReport,
  type Issue,
  PatrolRecord,
  PeriodData,
  RULE_FILE_KINDS,
  ruleFileSchema,
  StationFacts,
  validateFile,
  validateFiles,
} from '../src/index.js';
import { arbitraryOf, repair } from './arbitrary.js';
import { asInputs, fixturePack } from './fixtures.js';

function wellFormed(issues: Issue[], names: string[]): void {
  for (const i of issues) {
    expect(names).toContain(i.file);
    expect(i.line).toBeGreaterThanOrEqual(1);
    expect(i.column).toBeGreaterThanOrEqual(1);
    expect(typeof i.pointer).toBe('string');
    expect(i.message.zh).not.toBe('');
    expect(i.message.en).not.toBe('');
  }
}

describe('validation laws', () => {
  it.each(RULE_FILE_KINDS)('arbitrary valid %s files generated from the schema validate', (kind) => {
    const schema = ruleFileSchema(kind);
    fc.assert(
      fc.property(arbitraryOf(schema, schema), (value) => {
        const text = JSON.stringify(repair(value), null, 2);
        const r = validateFile(text, `${kind}.json`);
        expect(r.issues).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('arbitrary JSON never throws and yields well-formed issues', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue().map((v) => JSON.stringify(v)),
          fc.string(),
          fc.json(),
        ),
        (text) => {
          const r = validateFile(text, 'any.json');
          expect(r.ok).toBe(r.issues.every((i) => i.severity !== 'error'));
          wellFormed(r.issues, ['any.json']);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('arbitrary mutations of a valid pack set give structured errors, never a throw', () => {
    const files = fixturePack();
    const names = Object.keys(files);
    const mutation = fc.record({
      file: fc.constantFrom(...names),
      pick: fc.nat(),
      action: fc.oneof(
        fc.constant<'delete'>('delete'),
        fc.jsonValue({ maxDepth: 2 }).map((v) => ({ set: v })),
      ),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (mutations) => {
        const copy = structuredClone(files) as Record<string, any>;
        for (const m of mutations) {
          const paths: [any, string | number][] = [];
          const collect = (v: any) => {
            if (v && typeof v === 'object') {
              for (const k of Object.keys(v)) {
                paths.push([v, Array.isArray(v) ? Number(k) : k]);
                collect(v[k]);
              }
            }
          };
          collect(copy[m.file]);
          if (paths.length === 0) continue;
          const [parent, key] = paths[m.pick % paths.length] as [any, string | number];
          if (m.action === 'delete') {
            if (Array.isArray(parent)) parent.splice(key as number, 1);
            else delete parent[key];
          } else parent[key] = m.action.set;
        }
        const r = validateFiles(asInputs(copy));
        wellFormed(r.issues, names);
      }),
      { numRuns: 300 },
    );
  });

  it('truncated files are reported as syntax errors within the text', () => {
    const text = JSON.stringify(fixturePack()['p/region/checklist.json'], null, 2);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: text.length - 1 }), (cut) => {
        const r = validateFile(text.slice(0, cut), 'cut.json');
        expect(r.ok).toBe(false);
        const lines = text.slice(0, cut).split('\n').length;
        for (const i of r.issues) expect(i.line).toBeLessThanOrEqual(lines);
      }),
    );
  });
});

const id = fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/);
const date = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true });
const isoDate = date.map((d) => d.toISOString().slice(0, 10));
const isoDateTime = date.map((d) => d.toISOString().replace(/\.\d{3}Z$/, 'Z'));
const safeKey = id;
// Host input arrives as JSON, where -0 is 0: generate values as they come out of JSON.parse.
const json = fc
  .jsonValue({ maxDepth: 3 })
  .map((v) => JSON.parse(JSON.stringify(v)) as unknown)
  .filter((v) => !JSON.stringify(v).match(/"(__proto__|constructor|prototype)"/));
const photo = fc.record({ uri: id, itemId: id, takenAt: isoDateTime }, { requiredKeys: ['uri'] });
const patrol = fc.record(
  {
    id,
    gridId: id,
    gridType: id,
    workerId: id,
    at: isoDateTime,
    answers: fc.dictionary(
      safeKey,
      fc.oneof(
        fc.boolean(),
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => d + 0),
        fc.string(),
        fc.constant(null),
      ),
    ),
    photos: fc.array(photo, { maxLength: 3 }),
    facts: fc.dictionary(safeKey, json),
    taskId: id,
  },
  { requiredKeys: ['id', 'gridId', 'gridType', 'workerId', 'at', 'answers', 'photos'] },
);

describe('codecs', () => {
  const cases = [
    ['PatrolRecord', PatrolRecord, patrol],
    ['StationFacts', StationFacts, fc.record({ stationId: id, date: isoDate, facts: fc.dictionary(safeKey, json) })],
    [
      'HazardReport',
      HazardReport,
      fc.record({
        id,
        gridId: id,
        reportedAt: isoDateTime,
        reporter: fc.record({ id, role: id }),
        severity: fc.constantFrom('general', 'major'),
        description: fc.string(),
        photos: fc.array(photo, { maxLength: 2 }),
      }),
    ],
    [
      'PeriodData',
      PeriodData,
      fc.record({
        period: fc.record({ kind: fc.constantFrom('month', 'quarter', 'year'), start: isoDate }),
        unit: fc.record({ id, level: id }),
        facts: fc.dictionary(safeKey, json),
        records: fc.array(patrol, { maxLength: 2 }),
      }),
    ],
  ] as const;

  it.each(cases)('%s round-trips: decode(encode(x)) equals x', (_name, codec, arb) => {
    fc.assert(
      fc.property(arb, (value) => {
        const first = decode(codec as any, value);
        expect(isRight(first)).toBe(true);
        if (!isRight(first)) return;
        const again = decode(codec as any, JSON.parse(JSON.stringify((codec as any).encode(first.right))));
        expect(again).toEqual(first);
        expect(first.right).toEqual(value);
      }),
      { numRuns: 200 },
    );
  });

  it('a record that fails its codec yields located errors, never a partial result', () => {
    fc.assert(
      fc.property(patrol, fc.constantFrom('at', 'gridId', 'answers', 'photos'), json, (value, key, bad) => {
        const broken = { ...value, [key]: bad };
        const r = decode(PatrolRecord, broken, 'record');
        if (isRight(r)) return; // the replacement happened to be valid
        for (const issue of r.left) {
          expect(issue.code).toBe('codec.invalid');
          expect(issue.pointer.startsWith(`/${key}`)).toBe(true);
        }
      }),
    );
  });

  it.each(cases)('%s: the type guard accepts exactly what decoding accepts, and decoding returns the input itself', (_name, codec, arb) => {
    const hostile = fc.constantFrom(JSON.parse('{"__proto__":1}'), { constructor: 1 }, { prototype: {} }, new Date(0), [], null);
    const candidates = fc.oneof(
      arb,
      fc.tuple(arb, fc.string(), fc.oneof(json, hostile)).map(([v, k, bad]) => ({ ...(v as object), [k]: bad })),
      fc
        .tuple(arb, fc.constantFrom('answers', 'facts', 'unit', 'reporter'), hostile)
        .map(([v, k, bad]) => ({ ...(v as object), [k]: bad })),
      json,
    );
    fc.assert(
      fc.property(candidates, (value) => {
        const r = decode(codec as any, value);
        expect((codec as any).is(value)).toBe(isRight(r));
        if (isRight(r)) expect(r.right).toBe(value);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects prototype-reaching keys in host input', () => {
    const value = JSON.parse(
      '{"id":"r","gridId":"g","gridType":"t","workerId":"w","at":"2026-03-01T08:00:00Z","answers":{"__proto__":true},"photos":[]}',
    );
    const r = decode(PatrolRecord, value, 'record');
    expect(isRight(r)).toBe(false);
    if (!isRight(r)) expect(r.left.map((i) => i.pointer)).toEqual(['/answers']);
  });
});
