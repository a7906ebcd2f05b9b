import { describe, expect, it } from 'vitest';
import { LIMITS, validateFile } from '../src/index.js';
import { fixturePack } from './fixtures.js';

const checklistWith = (leaf: Record<string, unknown>) => {
  const c = structuredClone(fixturePack()['p/region/checklist.json']) as Record<string, any>;
  c.items[0].hazardWhen = { all: [leaf] };
  return JSON.stringify(c, null, 2);
};

const corpus: [string, string, string][] = [
  ['__proto__ key', '{"kind": "checklist", "__proto__": {"polluted": true}}', 'json.forbiddenKey'],
  ['nested constructor key', '{"kind": "catalog", "facts": [{"constructor": {"prototype": {}}}]}', 'json.forbiddenKey'],
  ['prototype key', '{"a": {"b": {"prototype": 1}}}', 'json.forbiddenKey'],
  ['deep nesting', `${'['.repeat(LIMITS.maxDepth + 1)}${']'.repeat(LIMITS.maxDepth + 1)}`, 'json.tooDeep'],
  ['very deep nesting', '{"a":'.repeat(200_000), 'json.tooDeep'],
  ['oversized file', `{"kind": "catalog", "pad": "${'x'.repeat(LIMITS.maxFileBytes)}"}`, 'file.tooLarge'],
  ['JSONPath filter', checklistWith({ fact: 'answer', path: '$[?(@.x == 1)]', operator: 'equal', value: true }), 'condition.unsafePath'],
  [
    'JSONPath script',
    checklistWith({ fact: 'answer', path: '$..[(process.exit())]', operator: 'equal', value: true }),
    'condition.unsafePath',
  ],
  ['recursive descent', checklistWith({ fact: 'answer', path: '$..x', operator: 'equal', value: true }), 'condition.unsafePath'],
  ['backreference (not linear-time)', checklistWith({ fact: 'answer', operator: 'matches', value: '^(a+)\\1$' }), 'regex.unsafe'],
  ['lookahead (not linear-time)', checklistWith({ fact: 'answer', operator: 'matches', value: '(?=a)a' }), 'regex.unsafe'],
  ['overlong regex', checklistWith({ fact: 'answer', operator: 'matches', value: 'a'.repeat(LIMITS.maxRegexLength + 1) }), 'regex.unsafe'],
  ['invalid regex', checklistWith({ fact: 'answer', operator: 'matches', value: '(' }), 'regex.unsafe'],
  ['duplicate key smuggling', '{"kind": "catalog", "kind": "pack"}', 'json.duplicateKey'],
];

describe('hostile rule files are rejected with a clear error and nothing of them runs', () => {
  it.each(corpus)('%s', (_name, text, code) => {
    const polluted = ({} as Record<string, unknown>).polluted;
    const r = validateFile(text, 'hostile.json');
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => i.code)).toContain(code);
    for (const i of r.issues) {
      expect(i.line).toBeGreaterThanOrEqual(1);
      expect(i.column).toBeGreaterThanOrEqual(1);
      expect(i.message.zh.length).toBeGreaterThan(0);
      expect(i.message.en.length).toBeGreaterThan(0);
    }
    expect(({} as Record<string, unknown>).polluted).toBe(polluted);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('an oversized file is rejected before it is parsed', () => {
    const r = validateFile(`[${'1,'.repeat(LIMITS.maxFileBytes)}1]`, 'big.json');
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]?.params).toMatchObject({ limit: LIMITS.maxFileBytes });
  });
});
