import { esc, fmt } from '../format.js';

/** One point of a line chart. */
export interface Point {
  label: string;
  value: number;
  /** Marked (a vetoed month) with a hollow red dot. */
  flagged?: boolean;
}

/**
 * A line chart over months as an SVG string, y from 0 to `max`, each point a circle carrying
 * `data-label` and `data-value` with its value written beside it.
 */
export function lineChart(points: readonly Point[], max: number, title: string): string {
  const w = 640;
  const h = 260;
  const left = 44;
  const top = 34;
  const plotW = w - left - 30;
  const plotH = h - top - 40;
  const x = (i: number) => left + (points.length === 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
  const y = (v: number) => top + plotH - (max > 0 ? Math.max(0, Math.min(1, v / max)) : 0) * plotH;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const v = max * f;
    return `<line x1="${left}" y1="${y(v)}" x2="${left + plotW}" y2="${y(v)}" stroke="#e3e3e3"/><text x="${left - 6}" y="${y(v) + 4}" text-anchor="end" font-size="11">${fmt(v)}</text>`;
  });
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const dots = points.map(
    (p, i) =>
      `<circle data-label="${esc(p.label)}" data-value="${p.value}" cx="${x(i).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="5" fill="${p.flagged ? '#fff' : '#1f6feb'}" stroke="${p.flagged ? '#d1242f' : '#1f6feb'}" stroke-width="2"/>` +
      `<text x="${x(i).toFixed(1)}" y="${(y(p.value) - 10).toFixed(1)}" text-anchor="middle" font-size="12">${fmt(p.value)}</text>` +
      `<text x="${x(i).toFixed(1)}" y="${h - 14}" text-anchor="middle" font-size="12">${esc(p.label)}</text>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart" data-chart="trend" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}">`,
    `<title>${esc(title)}</title>`,
    `<text x="0" y="16" font-size="14" font-weight="bold">${esc(title)}</text>`,
    ...ticks,
    `<path d="${path}" fill="none" stroke="#1f6feb" stroke-width="2"/>`,
    ...dots,
    '</svg>',
  ].join('\n');
}
