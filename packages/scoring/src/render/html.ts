import type { ScoreReport, UnitScorecard } from '../report.js';
import { esc, fmt, fmtPart, fmtSource, fmtValue } from './format.js';
import { labels, type RenderOptions } from './labels.js';
import { barChart } from './svg/bars.js';
import { lineChart } from './svg/line.js';
import { stackedChart } from './svg/stacked.js';
import { chartUnits, gradeColor, tr, unitName } from './view.js';

const STYLE = `body{font-family:"Noto Sans CJK SC","Microsoft YaHei",system-ui,sans-serif;margin:24px;color:#1f2328;max-width:1100px}
h1{font-size:22px}h2{font-size:18px;margin-top:28px;border-bottom:1px solid #d0d7de}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border:1px solid #d0d7de;padding:4px 6px;vertical-align:top}
th{background:#f6f8fa}td.n{text-align:right;font-variant-numeric:tabular-nums}.src{color:#57606a;font-size:12px}
.veto{background:#ffebe9;border:1px solid #d1242f;padding:8px 12px;margin:12px 0}.summary span{margin-right:24px}
.big{font-size:28px;font-weight:bold}.charts svg{display:block;margin:12px 0;max-width:100%;height:auto}`;

/**
 * The report as one self-contained HTML page: no scripts, no external files. Three inline SVG
 * charts (scores by unit, the score month by month, hazards by tier and state), the metric table
 * where each number shows its numerator, denominator, points and cited rule, and the ranking of
 * each level. Numbers carry `data-*` attributes holding the JSON values. Chinese by default.
 *
 * @example
 * ```ts
 * import { renderHtml, type ScoreReport } from '@gridsafe/scoring';
 * declare const report: ScoreReport;
 * const page = renderHtml(report, { lang: 'zh' });
 * console.log(page.startsWith('<!doctype html>'));
 * ```
 */
export function renderHtml(report: ScoreReport, options: RenderOptions = {}): string {
  const lang = options.lang ?? 'zh';
  const L = labels(lang);
  const c = report.card;
  const title = `${tr(report.title, lang)} — ${unitName(report.unit)} — ${report.period.id}`;
  const units = chartUnits(report);
  const bars = barChart(
    units.map((u) => ({ id: u.unit.id, label: unitName(u.unit), value: u.score, color: gradeColor(report, u) })),
    c.maxScore,
    L.scoresByUnit,
  );
  const trend = lineChart(
    report.trend.map((t) => ({ label: t.period, value: t.score, flagged: t.vetoed })),
    c.maxScore,
    L.trend,
  );
  const colors = { open: '#d1242f', handled: '#bf8700', closed: '#1a7f37' } as const;
  const hazards = stackedChart(
    report.hazards.map((h) => ({
      id: h.tier,
      label: L[h.tier],
      segments: (['closed', 'handled', 'open'] as const).map((s) => ({ id: s, label: L[s], value: h[s], color: colors[s] })),
    })),
    L.hazards,
  );
  const metricRows = c.metrics.map((m) => {
    const rule = `${esc(m.rule.id)}${m.rule.localDefault ? ` (${esc(L.localDefault)})` : ''}<div class="src">${esc(fmtSource(m.rule.source, lang))}</div>`;
    const ded = m.deductions.filter((d) => d.points > 0).map((d) => `<div class="src">−${fmt(d.points)} ${esc(d.id)}</div>`);
    const target = m.target === undefined ? '—' : `${fmt(m.target)}${m.better === 'lower' ? ` (${esc(L.lowerBetter)})` : ''}`;
    return `<tr data-metric="${esc(m.id)}" data-value="${m.value ?? ''}" data-points="${m.points}" data-max="${m.max}"><td>${esc(tr(m.title, lang))}</td><td class="n">${esc(fmtValue(m))}</td><td class="n">${esc(fmtPart(m.numerator))}</td><td class="n">${esc(fmtPart(m.denominator))}</td><td class="n">${target}</td><td class="n" data-field="points">${fmt(m.points)} / ${fmt(m.max)}${ded.join('')}</td><td>${rule}</td></tr>`;
  });
  const veto = c.veto
    ? `<div class="veto" data-veto="${esc(c.veto.id)}"><strong>${esc(L.veto)}</strong>: ${esc(tr(c.veto.title, lang))} (${esc(c.veto.rule.id)})</div>`
    : '';
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${esc(tr(report.title, lang))} — ${esc(unitName(report.unit))}</h1>
<p class="summary"><span>${esc(L.period)}: ${esc(report.period.id)} (${report.period.start} – ${report.period.end})</span><span>${esc(L.records)}: ${report.records.read}</span><span>${esc(L.units)}: ${report.records.units}</span></p>
<p class="summary"><span>${esc(L.score)}: <span class="big" id="score" data-score="${c.score}">${fmt(c.score)}</span> / ${c.maxScore}</span><span>${esc(L.grade)}: <strong id="grade" data-grade="${esc(c.grade?.id ?? '')}">${esc(tr(c.grade?.title, lang) || L.none)}</strong></span><span>${esc(L.rank)}: ${c.rank} / ${c.of}</span></p>
${veto}
<div class="charts">
${bars}
${trend}
${hazards}
</div>
<h2>${esc(L.metrics)}</h2>
<table id="metrics"><thead><tr><th>${esc(L.metric)}</th><th>${esc(L.value)}</th><th>${esc(L.numerator)}</th><th>${esc(L.denominator)}</th><th>${esc(L.target)}</th><th>${esc(L.points)}</th><th>${esc(L.rule)}</th></tr></thead>
<tbody>
${metricRows.join('\n')}
</tbody></table>
<h2>${esc(L.ranking)}</h2>
${report.levels
  .map((l) =>
    rankTable(
      report.units.filter((u) => u.unit.level === l.id),
      tr(l.title, lang),
      options,
    ),
  )
  .join('\n')}
</body>
</html>
`;
}

function rankTable(cards: UnitScorecard[], title: string, options: RenderOptions): string {
  if (cards.length === 0) return '';
  const lang = options.lang ?? 'zh';
  const L = labels(lang);
  const max = options.maxUnitsPerLevel ?? 50;
  const rows = cards
    .slice(0, max)
    .map(
      (u) =>
        `<tr data-unit="${esc(u.unit.id)}" data-score="${u.score}" data-rank="${u.rank}"><td class="n">${u.rank}</td><td>${esc(unitName(u.unit))}</td><td class="n">${fmt(u.score)}</td><td>${esc(tr(u.grade?.title, lang))}${u.veto ? ` (${esc(L.veto)})` : ''}</td></tr>`,
    );
  return `<h3>${esc(title)}${cards.length > max ? ` (${esc(L.showing(max, cards.length))})` : ''}</h3>
<table class="ranking"><thead><tr><th>${esc(L.rank)}</th><th>${esc(L.unit)}</th><th>${esc(L.score)}</th><th>${esc(L.grade)}</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}
