import type { PatrolTask, ResolvedPack } from '@gridsafe/engine';
import { STEP_TITLES, type Step } from '@gridsafe/escalation';
import type { Lang } from '@gridsafe/schema';
import type { ScoreReport } from '@gridsafe/scoring';
import { pad, pick, width } from '../i18n.js';
import type { DemoCase } from './cases.js';
import type { DutyMonth } from './duties.js';
import type { ReportMonth } from './freeform.js';
import type { PatrolMonth } from './patrols.js';
import { dutyLines, freeFormText, outcomeLabels } from './summary-duties.js';
import type { World } from './world.js';

/** The outcome a case is counted under in the summary. */
export type Outcome = 'village' | 'county' | 'direct' | 'overdue' | 'open';

/** Where a case ended up: overdue first, then up the chain and forwarded (to a department, or a departments' tier), straight to the township, closed at the village, or still open. */
export function outcomeOf(c: DemoCase): Outcome {
  if (c.overdue) return 'overdue';
  if ((c.snapshot.departments?.length ?? 0) > 0 || c.snapshot.audit.some((a) => a.event === 'FORWARD')) return 'county';
  if (c.scenario === 'direct') return 'direct';
  return c.snapshot.state === 'closed' ? 'village' : 'open';
}

/** Patrol task counts: planned, done on time, done late (carried), missed, and missed but reported. */
export function patrolCounts(tasks: readonly PatrolTask[]) {
  const done = tasks.filter((t) => t.status === 'done' && !t.late).length;
  const late = tasks.filter((t) => t.status === 'done' && t.late).length;
  const missed = tasks.filter((t) => t.status !== 'done');
  const reported = missed.filter((t) => t.report?.code === 'reported' || t.history.some((h) => h.reason?.code === 'reported')).length;
  return { planned: tasks.length, done, late, missed: missed.length, reported };
}

const T = {
  zh: {
    title: (region: string, town: string, month: string, seed: number) => `gridsafe 演示 · ${region} ${town} · ${month} · 种子 ${seed}`,
    pack: (id: string, v: string, chain: string) => `规则包 ${id}@${v}(${chain})`,
    grids: (v: number, g: number) => `1 网格与人员：${v} 个下辖单位，${g} 个网格，每格 1 名网格员`,
    patrols: (c: ReturnType<typeof patrolCounts>) =>
      `2 巡查：计划 ${c.planned} 次，按时完成 ${c.done}，次日补巡 ${c.late}，漏巡 ${c.missed}(其中已报告 ${c.reported})`,
    found: (r: number, h: number, m: number, p: number) => `  巡查记录 ${r} 份，发现隐患 ${h} 处(重大 ${m})，需报告事项 ${p} 项`,
    cases: '3 隐患处置(按报送处置流程，在模拟时钟上运行)：',
    outcome: {
      village: '村级办结',
      county: '上报至县并转职能部门',
      direct: '重大隐患直报乡镇处置',
      overdue: '逾期(督办、重复提醒)',
      open: '月底仍在处置',
    },
    stillOpen: (n: number) => `  月底未办结 ${n} 件`,
    example: '  示例：',
    closed: '已办结',
    state: '目前在',
    major: '重大',
    general: '一般',
    score: (u: string, s: string, max: number, g: string) => `4 月度通报：${u} 得分 ${s} / ${max}，等次 ${g}`,
    rank: '  下辖单位排名：',
    outputs: '输出：',
    files: {
      report: '月度考核报告(HTML)',
      handbook: '巡查工作手册(HTML，可打印)',
      patrols: '巡查记录，可用 gridsafe check 复核',
      reports: '自由报告的隐患(HazardReport)，每行一份',
      records: '考核记录，可用 gridsafe score 复算',
    },
  },
  en: {
    title: (region: string, town: string, month: string, seed: number) => `gridsafe demo · ${region} · ${town} · ${month} · seed ${seed}`,
    pack: (id: string, v: string, chain: string) => `rule pack ${id}@${v} (${chain})`,
    grids: (v: number, g: number) => `1 Grids and people: ${v} units under the township, ${g} grids, one grid worker each`,
    patrols: (c: ReturnType<typeof patrolCounts>) =>
      `2 Patrols: ${c.planned} planned, ${c.done} done on time, ${c.late} carried to the next day, ${c.missed} missed (${c.reported} of them reported)`,
    found: (r: number, h: number, m: number, p: number) => `  ${r} patrol records, ${h} hazards found (${m} major), ${p} matters reported`,
    cases: '3 Hazard cases (through the escalation machine, on a simulated clock):',
    outcome: {
      village: 'closed at the first tier (village)',
      county: 'up to the county and a department',
      direct: 'major, straight to the township',
      overdue: 'overdue (supervised, reminded)',
      open: 'still being handled',
    },
    stillOpen: (n: number) => `  ${n} still open at the end of the month`,
    example: '  for example:',
    closed: 'closed',
    state: 'now at ',
    major: 'major',
    general: 'general',
    score: (u: string, s: string, max: number, g: string) => `4 Monthly bulletin: ${u} scores ${s} / ${max}, grade ${g}`,
    rank: '  units ranked:',
    outputs: 'Written:',
    files: {
      report: 'monthly assessment report (HTML)',
      handbook: 'patrol handbook (HTML, print-ready)',
      patrols: 'patrol records, for gridsafe check',
      reports: 'free-form hazard reports (HazardReport), one a line',
      records: 'period records, for gridsafe score',
    },
  },
};

/** What the month was made of: patrols on checklists, or (for a pack without checklists) duties and free-form reports. */
export type MonthBody =
  | { patrols: PatrolMonth }
  | {
      freeForm: {
        pack: ResolvedPack;
        duties: DutyMonth;
        reported: ReportMonth /** Hazards passed on in time by the tier that took the report. */;
        immediate: number;
      };
    };

const OUTCOMES = ['village', 'county', 'direct', 'overdue', 'open'] as const;

/** The readable summary of the simulated month. */
export function summary(
  lang: Lang,
  head: { region: string; month: string; seed: number; pack: { id: string; version: string }; chain: string },
  world: World,
  body: MonthBody,
  cases: DemoCase[],
  report: ScoreReport,
  titles: Map<string, string>,
  files: [keyof (typeof T)['zh']['files'], string][],
): string {
  const t = T[lang];
  const ff = 'freeForm' in body ? body.freeForm : undefined;
  const lines = [t.title(head.region, world.focus.name, head.month, head.seed), t.pack(head.pack.id, head.pack.version, head.chain)];
  if (ff) lines.push('', ...dutyLines(ff.pack, lang, world, ff.duties, ff.reported, ff.immediate, titles));
  else if ('patrols' in body) {
    const patrols = body.patrols;
    const majors = patrols.found.filter((f) => f.severity === 'major').length;
    lines.push(
      '',
      t.grids(world.units.filter((u) => u.parent === world.focus.id).length, world.grids.length),
      t.patrols(patrolCounts(patrols.tasks)),
      t.found(patrols.records, patrols.found.length, majors, patrols.reports),
    );
  }
  lines.push('', t.cases);
  const by = new Map<Outcome, DemoCase[]>();
  for (const c of cases) by.set(outcomeOf(c), [...(by.get(outcomeOf(c)) ?? []), c]);
  // Without a skip in the policy no case goes straight up: a pack without checklists is not told of it.
  const labels: Record<Outcome, string> = ff ? (outcomeLabels(ff.pack, lang, titles) as Record<Outcome, string>) : t.outcome;
  const shown = OUTCOMES.filter((o) => !ff || o !== 'direct' || (ff.pack.escalations[0]?.skips ?? []).length > 0);
  const w = ff ? Math.max(lang === 'zh' ? 26 : 36, ...shown.map((o) => width(labels[o]) + 2)) : lang === 'zh' ? 26 : 36;
  for (const o of shown) lines.push(`  ${pad(labels[o], w)} ${by.get(o)?.length ?? 0}`);
  lines.push(t.stillOpen(cases.filter((c) => c.snapshot.state !== 'closed').length), t.example);
  for (const o of ['village', 'county', 'direct', 'overdue'] as const) {
    const c = by.get(o)?.[0];
    if (!c) continue;
    const path = c.path.map((p) => titles.get(p) ?? p).concat((c.snapshot.departments ?? []).map((d) => titles.get(d) ?? d));
    const close = c.snapshot.audit.find((a) => a.event === 'CLOSE');
    const step = c.snapshot.state.split('.').at(-1) as string;
    const where = `${titles.get(c.snapshot.owner) ?? c.snapshot.owner}${lang === 'zh' ? '，' : ', '}${pick(STEP_TITLES[step as Step], lang) || step}`;
    const end = close ? `${t.closed} ${close.at.slice(5, 10)}` : `${t.state}${where}`;
    lines.push(
      `   ${c.found.id} [${c.found.severity === 'major' ? t.major : t.general}] ${pick(c.found.text, lang)}`,
      `        ${path.join(' → ')} · ${end}`,
    );
  }
  const card = report.card;
  lines.push(
    '',
    t.score(
      report.unit.name ?? report.unit.id,
      card.score === null ? '—' : String(Math.round(card.score * 100) / 100),
      card.maxScore,
      pick(card.grade?.title, lang) || '—',
    ),
  );
  const children = report.units.filter((u) => u.unit.parent === report.unit.id);
  if (children.length)
    lines.push(
      `${t.rank} ${children.map((u) => `${u.rank}. ${u.unit.name ?? u.unit.id} ${u.score === null ? '—' : Math.round(u.score * 100) / 100}`).join('  ')}`,
    );
  const label = (k: keyof typeof t.files) => (ff && k === 'handbook' ? freeFormText(lang).handbook : t.files[k]);
  lines.push('', t.outputs, ...files.map(([k, f]) => `  ${pad(f, Math.max(...files.map(([, x]) => x.length)) + 2)}${label(k)}`));
  return `${lines.join('\n')}\n`;
}
