// Example 1: a sixth municipality adapts a region's rules without writing code.
//
// `example-town/pack.json` extends the Chibi pack and overlays it: it adds a checklist item,
// removes one, tightens a due time and raises a weight. This resolves both packs, shows what
// changed and where each change came from, and runs the town's own test cases.
//
//   npx tsx examples/01-resolve-overlay/index.ts [--lang en]
import { fileURLToPath, pathToFileURL } from 'node:url';
import { explainProvenance, type ResolvedPack, resolvePack, runCases } from '@gridsafe/engine';
import { loadPackSet } from '@gridsafe/engine/node';
import * as E from 'fp-ts/lib/Either.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** What the overlay changed, as data: the example's test reads this. */
export interface OverlaySummary {
  added: string[];
  removed: string[];
  communityDue: { before: string | undefined; after: string | undefined };
  weight: { before: number | undefined; after: number | undefined };
  provenance: Record<string, string[]>;
  cases: { id: string; pass: boolean }[];
  lines: string[];
}

const villageItems = (p: ResolvedPack) => p.checklists.find((c) => c.id === 'chibi.checklist.village')?.items.map((i) => i.id) ?? [];
const generalDue = (p: ResolvedPack) =>
  p.escalations[0]?.tiers.find((t) => t.id === 'chibi.tier.community')?.due.find((d) => d.severity === 'general')?.within;
const weightOf = (p: ResolvedPack) => p.standards.flatMap((s) => s.requirements).find((r) => r.id === 'chibi.shiyou.07')?.weight;

/** Resolve Chibi and the example town over it, and describe the difference. */
export function run(lang: 'zh' | 'en' = 'zh'): OverlaySummary {
  const set = loadPackSet([here('../../rules'), here('./example-town')]);
  if (E.isLeft(set)) throw new Error(set.left.map((i) => `${i.file}:${i.line}:${i.column} ${i.message[lang]}`).join('\n'));
  const resolve = (id: string) => {
    const r = resolvePack(set.right, id, { asOf: '2026-03-01' });
    if (E.isLeft(r)) throw new Error(r.left.map((i) => i.message[lang]).join('\n'));
    return r.right;
  };
  const chibi = resolve('chibi');
  const town = resolve('example-town');
  const before = villageItems(chibi);
  const after = villageItems(town);
  const touched = ['example-town.village.11', 'chibi.village.01', 'chibi.tier.community', 'chibi.shiyou.07'];
  const provenance = Object.fromEntries(
    touched.map((id) => [
      id,
      explainProvenance(town, id).map((s) => `${s.pack}@${s.version} ${s.op} ${s.file}${s.fields ? ` (${s.fields.join(', ')})` : ''}`),
    ]),
  );
  const cases = runCases(town).map((c) => ({ id: c.id, pass: c.pass }));
  const summary: OverlaySummary = {
    added: after.filter((i) => !before.includes(i)),
    removed: before.filter((i) => !after.includes(i)),
    communityDue: { before: generalDue(chibi), after: generalDue(town) },
    weight: { before: weightOf(chibi), after: weightOf(town) },
    provenance,
    cases,
    lines: [],
  };
  const zh = lang === 'zh';
  const L = summary.lines;
  L.push(
    zh
      ? `规则包链：${town.chain.map((c) => `${c.id}@${c.version}`).join(' → ')}`
      : `Pack chain: ${town.chain.map((c) => `${c.id}@${c.version}`).join(' → ')}`,
  );
  L.push(`${zh ? '新增条目' : 'Added items'}: ${summary.added.join(', ')}`);
  L.push(`${zh ? '删除条目' : 'Removed items'}: ${summary.removed.join(', ')}`);
  L.push(`${zh ? '社区一般隐患处置时限' : 'Community due time (general)'}: ${summary.communityDue.before} → ${summary.communityDue.after}`);
  L.push(`${zh ? '十有第7项权重' : 'Weight of 十有 item 7'}: ${summary.weight.before} → ${summary.weight.after}`);
  for (const [id, steps] of Object.entries(provenance)) {
    L.push(`${zh ? '来源' : 'Provenance of'} ${id}:`);
    for (const s of steps) L.push(`  ${s}`);
  }
  for (const c of cases) L.push(`${c.pass ? '✔' : '✘'} ${c.id}`);
  return summary;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const summary = run(process.argv.includes('--lang') && process.argv.includes('en') ? 'en' : 'zh');
  console.log(summary.lines.join('\n'));
  process.exitCode = summary.cases.every((c) => c.pass) ? 0 : 1;
}
