import { esc, fmt } from '../format.js';

/** One bar of a bar chart. */
export interface Bar {
  id: string;
  label: string;
  value: number;
  color: string;
}

/**
 * A horizontal bar chart as an SVG string: one labelled bar per item against `max`. Every bar
 * carries `data-id` and `data-value`, so a test can read the numbers back.
 */
export function barChart(bars: readonly Bar[], max: number, title: string): string {
  const row = 26;
  const labelW = 220;
  const plotW = 420;
  const h = 30 + bars.length * row + 10;
  const w = labelW + plotW + 70;
  const items = bars.map((b, i) => {
    const y = 30 + i * row;
    const bw = max > 0 ? Math.max(0, Math.min(1, b.value / max)) * plotW : 0;
    return [
      `<text x="${labelW - 8}" y="${y + 16}" text-anchor="end" font-size="13">${esc(b.label)}</text>`,
      `<rect data-id="${esc(b.id)}" data-value="${b.value}" x="${labelW}" y="${y + 3}" width="${bw.toFixed(1)}" height="${row - 8}" fill="${b.color}"/>`,
      `<text x="${labelW + bw + 6}" y="${y + 16}" font-size="12">${fmt(b.value)}</text>`,
    ].join('');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart" data-chart="bars" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}">`,
    `<title>${esc(title)}</title>`,
    `<text x="0" y="16" font-size="14" font-weight="bold">${esc(title)}</text>`,
    `<line x1="${labelW}" y1="26" x2="${labelW}" y2="${h - 8}" stroke="#999"/>`,
    ...items,
    '</svg>',
  ].join('\n');
}
