import type { ScoreReport, UnitScorecard } from '../report.js';
import { fmt, fmtPart, fmtSource, fmtValue, mdCell } from './format.js';
import { type Lang, labels, type RenderOptions } from './labels.js';
import { boundText, deductionText, elementRows, gradeCell, statusText, traceFacts } from './rows.js';
import { tr, unitName } from './view.js';

const ruleText = (
  r: { id: string; localDefault?: boolean; source?: Parameters<typeof fmtSource>[0]; reason?: { zh: string; en: string } },
  lang: Lang,
) =>
  `${r.id}${r.localDefault ? ` (${labels(lang).localDefault}${r.reason ? `: ${tr(r.reason, lang)}` : ''})` : ''}${r.source?.length ? `: ${fmtSource(r.source, lang)}` : ''}`;

/**
 * The report as Markdown: the focus unit's result (scored, vetoed, or not scored for a failed
 * gate), its gates with the fact values they saw, each block's sub-total and each item with its
 * value, numerator, denominator, points and cited rule, each deduction (count × points, the
 * assessor's value and reason, what a cap cut), defaulted facts and corrections when there are any,
 * the month-by-month trend (two months or more), hazards (when there are any), and the ranking of
 * each level. No empty tables. Chinese by default, English with `lang: 'en'`.
 *
 * @example
 * ```ts
 * import { renderMarkdown, type ScoreReport } from '@gridsafe/scoring';
 * declare const report: ScoreReport;
 * console.log(renderMarkdown(report, { lang: 'en' }));
 * ```
 */
export function renderMarkdown(report: ScoreReport, options: RenderOptions = {}): string {
  const lang = options.lang ?? 'zh';
  const L = labels(lang);
  const c = report.card;
  const out: string[] = [
    `# ${tr(report.title, lang)} — ${unitName(report.unit)}`,
    '',
    `- ${L.period}: ${report.period.id} (${report.period.start} – ${report.period.end})`,
    `- ${L.unit}: ${unitName(report.unit)} (${report.unit.id})`,
    `- ${L.status}: **${statusText(c, lang)}**`,
    `- ${L.score}: ${c.score === null ? '—' : `**${fmt(c.score)}** / ${c.maxScore}`}`,
    `- ${L.grade}: **${tr(c.grade?.title, lang) || L.none}**`,
    `- ${L.rank}: ${c.rank === null ? L.notRanked : `${c.rank} / ${c.of}`}`,
    `- ${L.records}: ${L.read} ${report.records.read}, ${L.outside} ${report.records.outsidePeriod}, ${L.units} ${report.records.units}`,
    '',
  ];
  if (c.veto) out.push(`> **${L.veto}**: ${tr(c.veto.title, lang)} (${c.veto.rule.id})`, '');
  if (c.gates.length > 0) {
    out.push(`## ${L.gates}`, '', `| ${L.gate} | ${L.status} | ${L.facts} | ${L.rule} |`, '| --- | --- | --- | --- |');
    for (const g of c.gates)
      out.push(
        `| ${mdCell(tr(g.title, lang))} | ${g.passed ? L.passed : L.failed} | ${mdCell(traceFacts(g.explanation).join('; '))} | ${mdCell(ruleText(g.rule, lang))} |`,
      );
    out.push('');
  }
  if (c.status !== 'ineligible') {
    out.push(
      `## ${L.metrics}`,
      '',
      `| ${L.metric} | ${L.value} | ${L.numerator} | ${L.denominator} | ${L.target} | ${L.points} | ${L.rule} |`,
      '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
    );
    for (const row of elementRows(c)) {
      if (row.kind === 'block') {
        const b = row.block;
        const notes = [boundText(b, lang), b.veto ? `${L.blockVeto}: ${tr(b.veto.title, lang)}` : ''].filter(Boolean).join('; ');
        out.push(
          `| ${'  '.repeat(b.depth)}**${mdCell(tr(b.title, lang))} — ${L.subtotal}** | | | | | **${fmt(b.points)} / ${fmt(b.max)}**${notes ? ` ${mdCell(notes)}` : ''} | ${mdCell(ruleText(b.rule, lang))} |`,
        );
        continue;
      }
      const m = row.item;
      const notes = [
        boundText(m, lang),
        ...m.deductions.map((d) => `−${fmt(d.points)} ${deductionText(d, lang)} [${ruleText(d.rule, lang)}]`),
      ]
        .filter(Boolean)
        .join('<br>');
      const target = m.target === undefined ? '—' : `${fmt(m.target)}${m.better === 'lower' ? ` (${L.lowerBetter})` : ''}`;
      out.push(
        `| ${'  '.repeat(m.depth)}${mdCell(tr(m.title, lang))} | ${fmtValue(m)} | ${fmtPart(m.numerator)} | ${fmtPart(m.denominator)} | ${target} | ${fmt(m.points)} / ${fmt(m.max)}${notes ? ` ${mdCell(notes)}` : ''} | ${mdCell(ruleText(m.rule, lang))} |`,
      );
    }
    out.push('');
  }
  if (c.defaulted.length > 0) {
    out.push(`## ${L.defaulted}`, '', `| ${L.fact} | ${L.defaultValue} | ${L.reason} |`, '| --- | --- | --- |');
    for (const d of c.defaulted) out.push(`| ${d.fact} | ${JSON.stringify(d.value)} | ${mdCell(ruleText(d.rule, lang))} |`);
    out.push('');
  }
  if (report.corrections.length > 0) {
    out.push(
      `## ${L.corrections}`,
      '',
      `| ${L.unit} | ${L.fact} | ${L.month} | ${L.replaced} | ${L.correctedTo} | ${L.reason} |`,
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const x of report.corrections)
      out.push(
        `| ${mdCell(x.unit)} | ${x.fact} | ${x.month} | ${x.replaced.map((r) => JSON.stringify(r.value)).join(' → ')} | ${JSON.stringify(x.value)} | ${mdCell(x.reason ?? '')} |`,
      );
    out.push('');
  }
  if (report.trend.filter((t) => t.score !== null).length >= 2) {
    out.push(`## ${L.trend}`, '', `| ${L.period} | ${L.score} |`, '| --- | ---: |');
    for (const t of report.trend)
      out.push(
        `| ${t.period} | ${t.score === null ? `— (${L[t.status]}${t.missing ? `: ${L.missing} ${t.missing.join(', ')}` : ''})` : fmt(t.score)}${t.vetoed ? ` (${L.veto})` : ''} |`,
      );
    out.push('');
  }
  if (report.hazards.some((h) => h.open + h.handled + h.closed > 0)) {
    out.push(`## ${L.hazards}`, '', `| | ${L.open} | ${L.handled} | ${L.closed} |`, '| --- | ---: | ---: | ---: |');
    for (const h of report.hazards) out.push(`| ${L[h.tier]} | ${h.open} | ${h.handled} | ${h.closed} |`);
    out.push('');
  }
  const ranks = report.levels.flatMap((level) =>
    rankTable(
      report.units.filter((u) => u.unit.level === level.id),
      tr(level.title, lang),
      options,
    ),
  );
  if (ranks.length > 0) out.push(`## ${L.ranking}`, ...ranks);
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

function rankTable(cards: UnitScorecard[], title: string, options: RenderOptions): string[] {
  if (cards.length === 0) return [];
  const lang = options.lang ?? 'zh';
  const L = labels(lang);
  const max = options.maxUnitsPerLevel ?? 50;
  const shown = cards.slice(0, max);
  return [
    '',
    `### ${title}${cards.length > max ? ` (${L.showing(max, cards.length)})` : ''}`,
    '',
    `| ${L.rank} | ${L.unit} | ${L.score} | ${L.grade} |`,
    '| ---: | --- | ---: | --- |',
    ...shown.map(
      (u) => `| ${u.rank ?? '—'} | ${mdCell(unitName(u.unit))} | ${u.score === null ? '—' : fmt(u.score)} | ${gradeCell(u, lang)} |`,
    ),
  ];
}
