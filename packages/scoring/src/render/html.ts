import type { Correction, ScoreReport, UnitScorecard } from '../report.js';
import { esc, fmt, fmtPart, fmtSource, fmtValue } from './format.js';
import { type Lang, labels, type RenderOptions } from './labels.js';
import { boundText, deductionText, elementRows, gradeCell, statusText, traceFacts } from './rows.js';
import { barChart } from './svg/bars.js';
import { lineChart } from './svg/line.js';
import { stackedChart } from './svg/stacked.js';
import { chartUnits, gradeColor, tr, unitName } from './view.js';

const STYLE = `body{font-family:"Noto Sans CJK SC","Microsoft YaHei",system-ui,sans-serif;margin:24px;color:#1f2328;max-width:1100px}
h1{font-size:22px}h2{font-size:18px;margin-top:28px;border-bottom:1px solid #d0d7de}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border:1px solid #d0d7de;padding:4px 6px;vertical-align:top}
th{background:#f6f8fa}td.n{text-align:right;font-variant-numeric:tabular-nums}.src{color:#57606a;font-size:12px}
tr.block td{background:#f6f8fa;font-weight:bold}.ded{font-size:12px;margin-top:4px;text-align:left}.cut{color:#bf8700;font-size:12px}
.veto,.ineligible{background:#ffebe9;border:1px solid #d1242f;padding:8px 12px;margin:12px 0}.ineligible{background:#fff8c5;border-color:#bf8700}
.summary span{margin-right:24px}.big{font-size:28px;font-weight:bold}.charts svg{display:block;margin:12px 0;max-width:100%;height:auto}`;

const rule = (
  r: { id: string; localDefault?: boolean; source?: Parameters<typeof fmtSource>[0]; reason?: { zh: string; en: string } },
  lang: Lang,
) =>
  `${esc(r.id)}${r.localDefault ? ` (${esc(labels(lang).localDefault)}${r.reason ? `: ${esc(tr(r.reason, lang))}` : ''})` : ''}<div class="src">${esc(fmtSource(r.source, lang))}</div>`;

function elementsTable(report: ScoreReport, lang: Lang): string {
  const L = labels(lang);
  const rows = elementRows(report.card).map((row) => {
    if (row.kind === 'block') {
      const b = row.block;
      const indent = `padding-left:${6 + 18 * b.depth}px`;
      const cut = boundText(b, lang);
      const veto = b.veto
        ? `<div class="cut" data-block-veto="${esc(b.veto.id)}">${esc(L.blockVeto)}: ${esc(tr(b.veto.title, lang))}</div>`
        : '';
      return `<tr class="block" data-block="${esc(b.id)}" data-points="${b.points}" data-max="${b.max}"><td style="${indent}" colspan="5">${esc(tr(b.title, lang))} — ${esc(L.subtotal)}</td><td class="n" data-field="subtotal">${fmt(b.points)} / ${fmt(b.max)}${cut ? `<div class="cut">${esc(cut)}</div>` : ''}${veto}</td><td>${rule(b.rule, lang)}</td></tr>`;
    }
    const m = row.item;
    const indent = `padding-left:${6 + 18 * m.depth}px`;
    const deds = m.deductions
      .map(
        (d) =>
          `<div class="ded" data-deduction="${esc(d.id)}" data-points="${d.points}">${esc(deductionText(d, lang))}<div class="src">${rule(d.rule, lang)}</div></div>`,
      )
      .join('');
    const cut = boundText(m, lang);
    const target = m.target === undefined ? '—' : `${fmt(m.target)}${m.better === 'lower' ? ` (${esc(L.lowerBetter)})` : ''}`;
    return `<tr data-metric="${esc(m.id)}" data-value="${m.value ?? ''}" data-points="${m.points}" data-max="${m.max}"><td style="${indent}">${esc(tr(m.title, lang))}</td><td class="n">${esc(fmtValue(m))}</td><td class="n">${esc(fmtPart(m.numerator))}</td><td class="n">${esc(fmtPart(m.denominator))}</td><td class="n">${target}</td><td class="n" data-field="points">${fmt(m.points)} / ${fmt(m.max)}${m.deductions.length ? `<div class="src">${esc(L.earned)} ${fmt(m.earned)}</div>` : ''}${cut ? `<div class="cut">${esc(cut)}</div>` : ''}${deds}</td><td>${rule(m.rule, lang)}</td></tr>`;
  });
  return `<h2>${esc(L.metrics)}</h2>
<table id="metrics"><thead><tr><th>${esc(L.metric)}</th><th>${esc(L.value)}</th><th>${esc(L.numerator)}</th><th>${esc(L.denominator)}</th><th>${esc(L.target)}</th><th>${esc(L.points)}</th><th>${esc(L.rule)}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>`;
}

function gatesTable(report: ScoreReport, lang: Lang): string {
  const L = labels(lang);
  const gates = report.card.gates;
  if (gates.length === 0) return '';
  const rows = gates.map(
    (g) =>
      `<tr data-gate="${esc(g.id)}" data-passed="${g.passed}"><td>${esc(tr(g.title, lang))}</td><td>${esc(g.passed ? L.passed : L.failed)}</td><td>${esc(traceFacts(g.explanation).join('; '))}</td><td>${rule(g.rule, lang)}</td></tr>`,
  );
  return `<h2>${esc(L.gates)}</h2>
<table id="gates"><thead><tr><th>${esc(L.gate)}</th><th>${esc(L.status)}</th><th>${esc(L.facts)}</th><th>${esc(L.rule)}</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}

function defaultsTable(report: ScoreReport, lang: Lang): string {
  const L = labels(lang);
  const d = report.card.defaulted;
  if (d.length === 0) return '';
  const rows = d.map(
    (x) =>
      `<tr data-defaulted="${esc(x.fact)}"><td>${esc(x.fact)}</td><td>${esc(JSON.stringify(x.value))}</td><td>${rule(x.rule, lang)}</td></tr>`,
  );
  return `<h2>${esc(L.defaulted)}</h2>
<table id="defaulted"><thead><tr><th>${esc(L.fact)}</th><th>${esc(L.defaultValue)}</th><th>${esc(L.reason)}</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}

function correctionsTable(corrections: readonly Correction[], lang: Lang): string {
  const L = labels(lang);
  if (corrections.length === 0) return '';
  const rows = corrections.map(
    (c) =>
      `<tr data-correction="${esc(c.id ?? '')}"><td>${esc(c.unit)}</td><td>${esc(c.fact)}</td><td>${esc(c.month)}</td><td>${esc(c.replaced.map((r) => JSON.stringify(r.value)).join(' → '))}</td><td>${esc(JSON.stringify(c.value))}</td><td>${esc(c.reason ?? '')}</td></tr>`,
  );
  return `<h2>${esc(L.corrections)}</h2>
<table id="corrections"><thead><tr><th>${esc(L.unit)}</th><th>${esc(L.fact)}</th><th>${esc(L.month)}</th><th>${esc(L.replaced)}</th><th>${esc(L.correctedTo)}</th><th>${esc(L.reason)}</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}

/**
 * The report as one self-contained HTML page: no scripts, no external files. The result (scored,
 * vetoed, or not scored for a failed gate, with the gates and the fact values they saw); the
 * elements table where each block shows its sub-total and each item its value, numerator,
 * denominator, points, and each deduction (count × points, the assessor's value and reason, what a
 * cap cut) with its cited rule; defaulted facts and corrections when there are any; SVG charts
 * (scores by unit, the score month by month when there are two months or more, hazards when there
 * are any); and the ranking of each level. Numbers carry `data-*` attributes holding the JSON
 * values. Chinese by default.
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
  const units = chartUnits(report).filter((u) => u.score !== null);
  const charts: string[] = [];
  if (units.length >= 2)
    charts.push(
      barChart(
        units.map((u) => ({ id: u.unit.id, label: unitName(u.unit), value: u.score ?? 0, color: gradeColor(report, u) })),
        c.maxScore,
        L.scoresByUnit,
      ),
    );
  const trend = report.trend.filter((t) => t.score !== null);
  if (trend.length >= 2)
    charts.push(
      lineChart(
        trend.map((t) => ({ label: t.period, value: t.score ?? 0, flagged: t.vetoed })),
        c.maxScore,
        L.trend,
      ),
    );
  const colors = { open: '#d1242f', handled: '#bf8700', closed: '#1a7f37' } as const;
  if (report.hazards.some((h) => h.open + h.handled + h.closed > 0))
    charts.push(
      stackedChart(
        report.hazards.map((h) => ({
          id: h.tier,
          label: L[h.tier],
          segments: (['closed', 'handled', 'open'] as const).map((s) => ({ id: s, label: L[s], value: h[s], color: colors[s] })),
        })),
        L.hazards,
      ),
    );
  const veto = c.veto
    ? `<div class="veto" data-veto="${esc(c.veto.id)}"><strong>${esc(L.veto)}</strong>: ${esc(tr(c.veto.title, lang))} (${esc(c.veto.rule.id)})</div>`
    : '';
  const failed = c.gates.filter((g) => !g.passed);
  const ineligible =
    c.status === 'ineligible'
      ? `<div class="ineligible" data-ineligible="${esc(failed.map((g) => g.id).join(' '))}"><strong>${esc(L.ineligible)}</strong>: ${esc(failed.map((g) => tr(g.title, lang)).join('; '))}</div>`
      : '';
  const headline =
    c.score === null
      ? `<span class="big" id="score" data-score="">—</span>`
      : `<span class="big" id="score" data-score="${c.score}">${fmt(c.score)}</span> / ${c.maxScore}`;
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
<p class="summary"><span>${esc(L.status)}: <strong id="status" data-status="${c.status}">${esc(statusText(c, lang))}</strong></span><span>${esc(L.score)}: ${headline}</span><span>${esc(L.grade)}: <strong id="grade" data-grade="${esc(c.grade?.id ?? '')}">${esc(tr(c.grade?.title, lang) || L.none)}</strong></span><span>${esc(L.rank)}: ${c.rank === null ? esc(L.notRanked) : `${c.rank} / ${c.of}`}</span></p>
${ineligible}${veto}
${gatesTable(report, lang)}
${charts.length ? `<div class="charts">\n${charts.join('\n')}\n</div>` : ''}
${c.status === 'ineligible' ? '' : elementsTable(report, lang)}
${defaultsTable(report, lang)}
${correctionsTable(report.corrections, lang)}
${rankingSection(report, options)}
</body>
</html>
`;
}

function rankingSection(report: ScoreReport, options: RenderOptions): string {
  const lang = options.lang ?? 'zh';
  const tables = report.levels
    .map((l) =>
      rankTable(
        report.units.filter((u) => u.unit.level === l.id),
        tr(l.title, lang),
        options,
      ),
    )
    .filter(Boolean);
  return tables.length ? `<h2>${esc(labels(lang).ranking)}</h2>\n${tables.join('\n')}` : '';
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
        `<tr data-unit="${esc(u.unit.id)}" data-score="${u.score ?? ''}" data-rank="${u.rank ?? ''}" data-status="${u.status}"><td class="n">${u.rank ?? '—'}</td><td>${esc(unitName(u.unit))}</td><td class="n">${u.score === null ? '—' : fmt(u.score)}</td><td>${esc(gradeCell(u, lang))}</td></tr>`,
    );
  return `<h3>${esc(title)}${cards.length > max ? ` (${esc(L.showing(max, cards.length))})` : ''}</h3>
<table class="ranking"><thead><tr><th>${esc(L.rank)}</th><th>${esc(L.unit)}</th><th>${esc(L.score)}</th><th>${esc(L.grade)}</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}
