import type { ResolvedPack } from '@gridsafe/engine';
import { type Lang, scoringItems } from '@gridsafe/schema';
import { L } from '../handbook/labels.js';
import { pad, pick, width } from '../i18n.js';
import type { DutyMonth, DutyRow } from './duties.js';
import type { ReportMonth } from './freeform.js';
import type { World } from './world.js';

const F = {
  zh: {
    notice: (acts: string) =>
      `本规则包没有巡查清单，因此隐患按自由报告上报(描述、行业领域和照片，不对应任何清单条目)；本月不模拟巡查，模拟的是规则包频次规定的工作：${acts}`,
    units: (n: number, level: string, focus: string, workers: number, reporter: string) =>
      `1 单位与人员：${focus}下辖 ${n} 个“${level}”(最低一级考核单位，隐患由此上报)，报告人 ${workers} 名(${reporter})`,
    cadres: (list: string) => `  干部：${list}`,
    cadre: (role: string, n: number, unit: string) => `${role} ${n} 名(${unit})`,
    duties: '2 工作频次(按规则包频次模拟，不是巡查)：',
    row: (r: DutyRow) =>
      `计划 ${r.planned}，完成 ${r.done}，未完成 ${r.missed}${r.pending ? `，待完成 ${r.pending}(${r.dueBy?.slice(5)} 到期)` : ''}${r.unrecorded ? `，其中 ${r.unrecorded} 次未留工作记录` : ''}`,
    unscored: { offTree: '；不计分：低于考核单位层级', kind: '；不计分：考核没有此类记录' },
    found: (h: number, m: number, sectors: string) => `  自由报告隐患 ${h} 处(重大 ${m})，按行业领域：${sectors}`,
    immediate: (n: number, of: number, tier: string) => `  即时报告：${of} 处中 ${n} 处由${tier}在时限内报出`,
    more: (n: number) => `等 ${n} 个领域`,
    sep: '、',
    outcome: {
      village: (tier: string) => `在${tier}办结`,
      county: (tier: string) => `上报至${tier}并转部门`,
      direct: () => '越级直报处置',
      overdue: () => '逾期(督办、重复提醒，或按本地默认上报)',
      open: () => '月底仍在处置',
    },
    handbook: '工作手册：层级与职责、报送流程图、工作频次(HTML，可打印)',
  },
  en: {
    notice: (acts: string) =>
      `This pack has no patrol checklist, so hazards are reported free-form (a description, a sector and photos, no checklist item); instead of patrols the month simulates the duties its cadences define: ${acts}`,
    units: (n: number, level: string, focus: string, workers: number, reporter: string) =>
      `1 Units and people: ${n} units of "${level}" under ${focus} (the lowest scored level; hazards are reported from there), ${workers} reporters (${reporter})`,
    cadres: (list: string) => `  cadres: ${list}`,
    cadre: (role: string, n: number, unit: string) => `${role} × ${n} (${unit})`,
    duties: "2 Duties (simulated on the pack's cadences; no patrols):",
    row: (r: DutyRow) =>
      `${r.planned} planned, ${r.done} done, ${r.missed} missed${r.pending ? `, ${r.pending} due by ${r.dueBy?.slice(5)}` : ''}${r.unrecorded ? `, ${r.unrecorded} visits without a work record` : ''}`,
    unscored: { offTree: '; not scored: below the scored levels', kind: '; not scored: no record kind for it' },
    found: (h: number, m: number, sectors: string) => `  ${h} hazards reported free-form (${m} major), by sector: ${sectors}`,
    immediate: (n: number, of: number, tier: string) =>
      `  reported immediately: ${n} of ${of} passed on by the ${tier} within the deadline`,
    more: (n: number) => `and ${n} more`,
    sep: ', ',
    outcome: {
      village: (tier: string) => `closed at ${tier}`,
      county: (tier: string) => `up to ${tier} and a department`,
      direct: () => 'straight to a higher tier',
      overdue: () => 'overdue (supervised and reminded, or sent up where a local default says so)',
      open: () => 'still being handled',
    },
    handbook: 'handbook: levels and duties, reporting chart, cadences (HTML, print-ready)',
  },
};

/** The free-form texts of a language. */
export const freeFormText = (lang: Lang) => F[lang];

/** Outcome labels named after the pack's tiers: the tier after the entry (where a case is first handled), and the top of the chain. */
export function outcomeLabels(pack: ResolvedPack, lang: Lang, titles: Map<string, string>): Record<string, string> {
  const esc = pack.escalations[0];
  const tier = (id: string | undefined) => esc?.tiers.find((t) => t.id === id);
  const entry = tier(esc?.entry);
  const first = tier(entry?.escalatesTo) ?? entry;
  let top = first;
  for (let i = 0; i < 8 && top?.escalatesTo; i++) top = tier(top.escalatesTo) ?? top;
  const name = (id: string | undefined) => (id ? (titles.get(id) ?? id) : '');
  const o = F[lang].outcome;
  return { village: o.village(name(first?.id)), county: o.county(name(top?.id)), direct: o.direct(), overdue: o.overdue(), open: o.open() };
}

/** The summary's opening sections for a pack without checklists: the notice, the units and people, the duties and the reports. */
export function dutyLines(
  pack: ResolvedPack,
  lang: Lang,
  world: World,
  duties: DutyMonth,
  reported: ReportMonth,
  immediate: number,
  titles: Map<string, string>,
): string[] {
  const t = F[lang];
  const ff = world.freeForm;
  if (!ff) return [];
  const acts = [...new Set(duties.rows.map((r) => r.cadence.activity))].map((a) => L[lang].activity[a] ?? a);
  const workers = ff.posts.reduce((n, p) => n + p.workers.length, 0);
  const names = new Map(world.units.map((u) => [u.id, u.name]));
  const cadres = world.units.flatMap((u) =>
    Object.entries(u.staff ?? {})
      .filter(([r]) => r !== ff.reporter.role)
      .map(([r, n]) => t.cadre(titles.get(r) ?? r, n, u.name)),
  );
  const lines = [
    t.notice(acts.join(t.sep)),
    '',
    t.units(
      ff.posts.length,
      pick(ff.gridLevel.title, lang),
      names.get(world.focus.id) ?? world.focus.id,
      workers,
      pick(ff.reporter.title, lang),
    ),
  ];
  if (cadres.length) lines.push(t.cadres(cadres.join(t.sep)));
  lines.push(t.duties);
  const w = Math.max(...duties.rows.map((r) => width(pick(r.cadence.title, lang)))) + 2;
  for (const r of duties.rows) lines.push(`  ${pad(pick(r.cadence.title, lang), w)}${t.row(r)}${r.unscored ? t.unscored[r.unscored] : ''}`);
  const by = new Map<string, number>();
  for (const f of reported.found) by.set(f.sector, (by.get(f.sector) ?? 0) + 1);
  const sectors = [...by].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const shown = sectors.slice(0, 5).map(([s, n]) => `${titles.get(s) ?? s} ${n}`);
  if (sectors.length > 5) shown.push(t.more(sectors.length - 5));
  const majors = reported.found.filter((f) => f.severity === 'major').length;
  lines.push(t.found(reported.found.length, majors, shown.join(t.sep)));
  // A pack that scores immediate reporting (Chanba's 即时报告) is told how many were.
  const reads = scoringItems(pack.scorings[0] ?? { elements: [] }).some((m) => m.numerator === 'hazards.reportedImmediately');
  const entry = pack.escalations[0]?.entry;
  if (reads && entry) lines.push(t.immediate(immediate, reported.found.length, titles.get(entry) ?? entry));
  return lines;
}
