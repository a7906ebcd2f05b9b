import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every citation names a seed text (rules/seeds/NNN_*.txt) and, where it quotes, the words must be
// in that text. The web copies annotate characters with pinyin in brackets, "進(jìn)", and wrap
// lines anywhere; both are read through.
const root = import.meta.dirname;
const seedDir = join(root, 'seeds');
const PINYIN = /\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ\s]+\)/g;
const normalise = (s: string) => s.replace(PINYIN, '').replace(/[\s\u3000]/g, '');
const seeds = new Map(
  readdirSync(seedDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => [f.slice(0, 3), normalise(readFileSync(join(seedDir, f), 'utf8'))] as const),
);

interface Citation {
  file: string;
  pointer: string;
  seed: string;
  quote?: string;
}

function citations(value: unknown, file: string, pointer = ''): Citation[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => citations(v, file, `${pointer}/${i}`));
  if (value === null || typeof value !== 'object') return [];
  const o = value as Record<string, unknown>;
  const here: Citation[] =
    typeof o.seed === 'string' && typeof o.clause === 'string'
      ? [{ file, pointer, seed: o.seed, ...(typeof o.quote === 'string' ? { quote: o.quote } : {}) }]
      : [];
  return [...here, ...Object.entries(o).flatMap(([k, v]) => citations(v, file, `${pointer}/${k}`))];
}

const files = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'seeds')
  .flatMap((d) =>
    readdirSync(join(root, d.name))
      .filter((f) => f.endsWith('.json'))
      .map((f) => join(d.name, f)),
  );
const all = files.flatMap((f) => citations(JSON.parse(readFileSync(join(root, f), 'utf8')), f));

/** Where a quote is not in its seed text, or the seed does not exist. */
function misquoted(list: readonly Citation[]): string[] {
  return list
    .filter((c) => !seeds.has(c.seed) || (c.quote !== undefined && !(seeds.get(c.seed) as string).includes(normalise(c.quote))))
    .map((c) => `${c.file}${c.pointer}: seed ${c.seed}${c.quote ? ` "${c.quote}"` : ''}`);
}

describe('citations', () => {
  it('the five seed texts are here', () => {
    expect([...seeds.keys()].sort()).toEqual(['000', '001', '002', '003', '004']);
  });

  it('every rule file cites, and most citations quote their seed', () => {
    expect(files.length).toBeGreaterThan(40);
    for (const f of files) expect(all.some((c) => c.file === f)).toBe(true);
    expect(all.filter((c) => c.quote).length).toBeGreaterThan(400);
  });

  it('every quote is in the seed text it cites', () => {
    expect(misquoted(all)).toEqual([]);
  });

  it('a quote that is not in its seed, or a seed that does not exist, is caught', () => {
    const fake = [
      { file: 'x.json', pointer: '/source/0', seed: '004', quote: '每月報送信息不少于3條' },
      { file: 'x.json', pointer: '/source/1', seed: '009', quote: '網格' },
      { file: 'x.json', pointer: '/source/2', seed: '004', quote: '每月報送信息不少于2條' },
    ];
    expect(misquoted(fake)).toEqual(['x.json/source/0: seed 004 "每月報送信息不少于3條"', 'x.json/source/1: seed 009 "網格"']);
  });
});
