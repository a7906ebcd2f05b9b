import type { ScoreReport, UnitScorecard } from '../report.js';
import { fmt, fmtPart, fmtSource, fmtValue, mdCell } from './format.js';
import { labels, type RenderOptions } from './labels.js';
import { tr, unitName } from './view.js';

/**
 * The report as Markdown: the focus unit's score and grade, any veto, each metric with its value,
 * numerator, denominator, points and cited rule, the month-by-month trend, hazards by tier and
 * state, and the ranking of each level. Chinese by default, English with `lang: 'en'`.
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
    `- ${L.score}: **${fmt(c.score)}** / ${c.maxScore}`,
    `- ${L.grade}: **${tr(c.grade?.title, lang) || L.none}**`,
    `- ${L.rank}: ${c.rank} / ${c.of}`,
    `- ${L.records}: ${L.read} ${report.records.read}, ${L.outside} ${report.records.outsidePeriod}, ${L.units} ${report.records.units}`,
    '',
  ];
  if (c.veto) out.push(`> **${L.veto}**: ${tr(c.veto.title, lang)} (${c.veto.rule.id})`, '');
  out.push(
    `## ${L.metrics}`,
    '',
    `| ${L.metric} | ${L.value} | ${L.numerator} | ${L.denominator} | ${L.target} | ${L.points} | ${L.rule} |`,
  );
  out.push('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const m of c.metrics) {
    const ded = m.deductions.filter((d) => d.points > 0).map((d) => `−${fmt(d.points)} (${d.id})`);
    const rule = `${m.rule.id}${m.rule.localDefault ? ` (${L.localDefault})` : ''}: ${fmtSource(m.rule.source, lang)}`;
    const target = m.target === undefined ? '—' : `${fmt(m.target)}${m.better === 'lower' ? ` (${L.lowerBetter})` : ''}`;
    out.push(
      `| ${mdCell(tr(m.title, lang))} | ${fmtValue(m)} | ${fmtPart(m.numerator)} | ${fmtPart(m.denominator)} | ${target} | ${fmt(m.points)} / ${fmt(m.max)}${ded.length ? ` ${ded.join(' ')}` : ''} | ${mdCell(rule)} |`,
    );
  }
  out.push('', `## ${L.trend}`, '', `| ${L.period} | ${L.score} |`, '| --- | ---: |');
  for (const t of report.trend) out.push(`| ${t.period} | ${fmt(t.score)}${t.vetoed ? ` (${L.veto})` : ''} |`);
  out.push('', `## ${L.hazards}`, '', `| | ${L.open} | ${L.handled} | ${L.closed} |`, '| --- | ---: | ---: | ---: |');
  for (const h of report.hazards) out.push(`| ${L[h.tier]} | ${h.open} | ${h.handled} | ${h.closed} |`);
  out.push('', `## ${L.ranking}`);
  for (const level of report.levels)
    out.push(
      ...rankTable(
        report.units.filter((u) => u.unit.level === level.id),
        tr(level.title, lang),
        options,
      ),
    );
  return `${out.join('\n')}\n`;
}

function rankTable(cards: UnitScorecard[], title: string, options: RenderOptions): string[] {
  if (cards.length === 0) return [];
  const L = labels(options.lang ?? 'zh');
  const lang = options.lang ?? 'zh';
  const max = options.maxUnitsPerLevel ?? 50;
  const shown = cards.slice(0, max);
  return [
    '',
    `### ${title}${cards.length > max ? ` (${L.showing(max, cards.length)})` : ''}`,
    '',
    `| ${L.rank} | ${L.unit} | ${L.score} | ${L.grade} |`,
    '| ---: | --- | ---: | --- |',
    ...shown.map(
      (u) => `| ${u.rank} | ${mdCell(unitName(u.unit))} | ${fmt(u.score)} | ${tr(u.grade?.title, lang)}${u.veto ? ` (${L.veto})` : ''} |`,
    ),
  ];
}
