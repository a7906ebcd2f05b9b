import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { formatIssue, RULE_FILE_KINDS, ruleFileSchema, schemaFileName, validateFile } from '../src/index.js';
import { fixturePack } from './fixtures.js';

const checklist = () => structuredClone(fixturePack()['p/region/checklist.json']) as Record<string, any>;
const pretty = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
const lines = (text: string, name = 'f.json') =>
  validateFile(text, name).issues.flatMap((i) => [formatIssue(i, 'en'), formatIssue(i, 'zh')]);

describe('published schemas', () => {
  it.each(RULE_FILE_KINDS)('%s.schema.json is generated from the source and is current', (kind) => {
    const committed = JSON.parse(readFileSync(new URL(`../schemas/${schemaFileName(kind)}`, import.meta.url), 'utf8'));
    expect(committed).toEqual(ruleFileSchema(kind));
    expect(committed.$id).toBe(`https://gridsafe.dev/schema/v1/${kind}.schema.json`);
    expect(committed.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('every schema compiles in ajv strict mode', () => {
    const ajv = new Ajv2020({ strict: true, strictRequired: false, discriminator: true, validateFormats: false });
    for (const kind of RULE_FILE_KINDS) expect(() => ajv.compile(ruleFileSchema(kind))).not.toThrow();
  });
});

describe('validateFile', () => {
  it('accepts a valid file', () => {
    expect(validateFile(pretty(checklist()), 'c.json').issues).toEqual([]);
  });

  it('reports malformed JSON at the exact line and column', () => {
    const text = '{\n  "kind": "checklist",\n  "id": "x"\n  "version": "1.0.0"\n}\n';
    const r = validateFile(text, 'broken.json');
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.line, i.column, i.code])).toEqual([[4, 3, 'json.syntax']]);
    expect(lines(text, 'broken.json')).toMatchInlineSnapshot(`
      [
        "broken.json:4:3 error JSON syntax error: CommaExpected [json.syntax]",
        "broken.json:4:3 错误 JSON 语法错误：CommaExpected [json.syntax]",
      ]
    `);
  });

  it('reports every schema problem at once, located, in zh and en', () => {
    const c = checklist();
    c.items[0].itemKind = 'inspect';
    c.items[0].hazardWhen.all[0].operator = 'equals';
    c.items[0].extra = 1;
    delete c.items[0].evidence;
    c.version = '1.0';
    expect(lines(pretty(c), 'c.json')).toMatchInlineSnapshot(`
      [
        "c.json:4:14 error does not match the required form ^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?$ (found "1.0") [schema.pattern /version]",
        "c.json:4:14 错误 不符合要求的格式 ^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?$（实际为 "1.0"） [schema.pattern /version]",
        "c.json:18:5 error missing required property "evidence" [schema.required /items/0]",
        "c.json:18:5 错误 缺少必填属性“evidence” [schema.required /items/0]",
        "c.json:26:19 error expected one of "check", "到位", "报告" (found "inspect") [schema.enum /items/0/itemKind]",
        "c.json:26:19 错误 应为 “check”、“到位”、“报告” 之一（实际为 "inspect"） [schema.enum /items/0/itemKind]",
        "c.json:32:25 error expected one of "equal", "notEqual", "lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive", "in", "notIn", "contains", "doesNotContain", "matches" (found "equals") [schema.enum /items/0/hazardWhen/all/0/operator]",
        "c.json:32:25 错误 应为 “equal”、“notEqual”、“lessThan”、“lessThanInclusive”、“greaterThan”、“greaterThanInclusive”、“in”、“notIn”、“contains”、“doesNotContain”、“matches” 之一（实际为 "equals"） [schema.enum /items/0/hazardWhen/all/0/operator]",
        "c.json:56:7 error unknown property "extra" (found extra) [schema.unknownProperty /items/0/extra]",
        "c.json:56:7 错误 未知属性“extra”（实际为 extra） [schema.unknownProperty /items/0/extra]",
      ]
    `);
  });

  it('reports the unknown kind and a missing kind', () => {
    expect(validateFile('{"kind": "checklists"}', 'k.json').issues.map((i) => i.code)).toEqual(['file.unknownKind']);
    expect(validateFile('{}', 'k.json').issues.map((i) => i.code)).toEqual(['schema.required']);
    expect(validateFile('[1]', 'k.json').issues.map((i) => i.code)).toEqual(['file.notObject']);
  });

  it('reports duplicate ids in one file with the first definition', () => {
    const c = checklist();
    c.items.push({ ...c.items[0], number: 2 });
    const r = validateFile(pretty(c), 'c.json');
    expect(r.issues.map((i) => [i.code, i.pointer, i.related?.pointer])).toEqual([['id.duplicate', '/items/1/id', '/items/0']]);
  });

  it('reports overlay ops with an unknown op as the allowed ops', () => {
    const pack = structuredClone(fixturePack()['p/region/pack.json']) as Record<string, any>;
    pack.overlays = [{ op: 'delete', target: 'x' }, { op: 'remove' }];
    const r = validateFile(pretty(pack), 'pack.json');
    expect(r.issues.map((i) => [i.code, i.pointer, i.params])).toEqual([
      ['schema.enum', '/overlays/0/op', { allowed: ['add', 'remove', 'modify', 'setParameter'] }],
      ['schema.required', '/overlays/1', { property: 'target' }],
    ]);
  });
});
