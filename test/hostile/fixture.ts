import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileInput } from '@gridsafe/schema';

export const root = join(import.meta.dirname, '..', '..');

/** The files of seed packs, as the validator takes them (names relative to the repository). */
export function seedFiles(...packs: string[]): FileInput[] {
  return packs.flatMap((p) =>
    readdirSync(join(root, 'rules', p))
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => ({ name: `rules/${p}/${f}`, text: readFileSync(join(root, 'rules', p, f), 'utf8') })),
  );
}

const cite = { localDefault: true, reason: { zh: '测试', en: 'test' } };

/** A pack `evil` that extends Chibi with the given overlays (each gets a local-default mark unless it has its own provenance). */
export function evilPack(overlays: Record<string, unknown>[], extra: Record<string, unknown> = {}): FileInput {
  const manifest = {
    kind: 'pack',
    id: 'evil',
    version: '1.0.0',
    title: { zh: '恶意', en: 'Evil' },
    source: [{ seed: '002', clause: '全文' }],
    region: { code: 'evil', name: { zh: '恶意', en: 'Evil' } },
    extends: ['chibi'],
    files: [],
    effective: { from: '2018-01-01', ...cite },
    issuer: { zh: '测试', en: 'Test' },
    overlays: overlays.map((o) => ('source' in o || 'localDefault' in o ? o : { ...o, ...cite })),
    ...extra,
  };
  return { name: 'rules/evil/pack.json', text: JSON.stringify(manifest, null, 2) };
}

/** The seed files with one of them changed. */
export function withFile(files: FileInput[], name: string, change: (data: any) => void): FileInput[] {
  return files.map((f) => {
    if (f.name !== name) return f;
    const data = JSON.parse(f.text);
    change(data);
    return { name, text: JSON.stringify(data, null, 2) };
  });
}

/** A fact of type string in the base catalog, and a Chibi community item with a text answer that `matches` a pattern. */
export function regexOverlays(pattern: string): Record<string, unknown>[] {
  return [
    {
      op: 'add',
      into: 'base.catalog',
      element: { id: 'site.name', type: 'string', scope: 'record', title: { zh: '场所名称', en: 'Name of the place' } },
    },
    {
      op: 'add',
      into: 'chibi.checklist.community',
      element: {
        id: 'evil.item',
        number: 99,
        text: { zh: '场所名称', en: 'Name of the place' },
        sector: 'base.sector.fireworks',
        itemKind: 'check',
        answer: 'text',
        hazardWhen: { all: [{ fact: 'answer', operator: 'matches', value: pattern }] },
        severity: { default: 'general' },
        evidence: { photo: 'none' },
        directToTownship: false,
        ...cite,
      },
    },
  ];
}
