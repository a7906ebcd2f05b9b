// Example 2: evaluate one patrol record against Chibi's community checklist (十一查二到位) and
// print its findings, each hazard with the conditions that made it fire.
//
//   npx tsx examples/02-evaluate-patrol/index.ts [--lang en] [record.json]
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { evaluatePatrol, formatTrace, type PatrolResult, resolvePack } from '@gridsafe/engine';
import { loadPackSet } from '@gridsafe/engine/node';
import { formatIssue, type Lang } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** Evaluate a record (by default `record.json`) and render its findings; `lines` is what is printed. */
export function run(lang: Lang = 'zh', recordFile = here('./record.json')): { result?: PatrolResult; lines: string[] } {
  const set = loadPackSet(here('../../rules'));
  if (E.isLeft(set)) return { lines: set.left.map((i) => formatIssue(i, lang)) };
  const pack = resolvePack(set.right, 'chibi', { asOf: '2026-03-02' });
  if (E.isLeft(pack)) return { lines: pack.left.map((i) => formatIssue(i, lang)) };
  const record: unknown = JSON.parse(readFileSync(recordFile, 'utf8'));
  const evaluated = evaluatePatrol(pack.right, record);
  // A record that fails its codec gives located errors and no partial result.
  if (E.isLeft(evaluated)) return { lines: evaluated.left.map((i) => formatIssue(i, lang)) };
  const result = evaluated.right;
  const zh = lang === 'zh';
  const lines = [
    zh
      ? `记录 ${result.record}（${result.checklist}，规则包 ${result.pack.id}@${result.pack.version}）：隐患 ${result.hazards} 项，报告 ${result.reports} 项`
      : `Record ${result.record} (${result.checklist}, pack ${result.pack.id}@${result.pack.version}): ${result.hazards} hazards, ${result.reports} reports`,
  ];
  for (const f of result.findings) {
    const status = zh
      ? { ok: '正常', hazard: f.severity === 'major' ? '重大隐患' : '一般隐患', notApplicable: '不适用', notAnswered: '未作答' }[f.status]
      : { ok: 'ok', hazard: `${f.severity} hazard`, notApplicable: 'not applicable', notAnswered: 'not answered' }[f.status];
    lines.push(`${String(f.number).padStart(2)}. ${f.text[lang]} — ${status}`);
    if (f.status !== 'hazard') continue;
    if (f.route) {
      const to = pack.right.escalations[0]?.tiers.find((t) => t.id === f.route?.tier)?.title[lang] ?? f.route.tier;
      lines.push(
        zh
          ? `    首先处置：${to}${f.route.direct ? '（重大情况直报）' : ''}`
          : `    Handled first by: ${to}${f.route.direct ? ' (major: reported directly)' : ''}`,
      );
    }
    lines.push(
      zh
        ? `    照片：${f.evidence.photos} 张${f.evidence.present ? '' : '（缺少必需照片）'}`
        : `    Photos: ${f.evidence.photos}${f.evidence.present ? '' : ' (required photo missing)'}`,
    );
    if (f.explanation) {
      lines.push(zh ? '    为何是隐患：' : '    Why it is a hazard:');
      lines.push(...formatTrace(pack.right, f.explanation.hazard, lang, 3));
      if (f.explanation.major) {
        lines.push(zh ? '    为何重大：' : '    Why it is major:');
        lines.push(...formatTrace(pack.right, f.explanation.major, lang, 3));
      }
    }
  }
  return { result, lines };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const lang: Lang = args.includes('en') ? 'en' : 'zh';
  const file = args.find((a) => a.endsWith('.json'));
  const { result, lines } = run(lang, file);
  console.log(lines.join('\n'));
  process.exitCode = result ? 0 : 2;
}
