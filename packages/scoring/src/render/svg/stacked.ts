import { esc } from '../format.js';

/** A stacked bar: its segments in order. */
export interface Stack {
  id: string;
  label: string;
  segments: { id: string; label: string; value: number; color: string }[];
}

/**
 * Vertical stacked bars as an SVG string (hazards by tier, stacked by state), with a legend. Each
 * segment carries `data-stack`, `data-segment` and `data-value`.
 */
export function stackedChart(stacks: readonly Stack[], title: string): string {
  const w = 640;
  const h = 300;
  const top = 60;
  const bottom = 40;
  const plotH = h - top - bottom;
  const barW = 90;
  const gap = (w - stacks.length * barW) / (stacks.length + 1);
  const max = Math.max(1, ...stacks.map((s) => s.segments.reduce((a, x) => a + x.value, 0)));
  const legend = (stacks[0]?.segments ?? []).map(
    (s, i) =>
      `<rect x="${i * 110}" y="26" width="12" height="12" fill="${s.color}"/><text x="${i * 110 + 16}" y="37" font-size="12">${esc(s.label)}</text>`,
  );
  const bars = stacks.map((s, i) => {
    const x = gap + i * (barW + gap);
    let y = top + plotH;
    const total = s.segments.reduce((a, x) => a + x.value, 0);
    const segs = s.segments.map((seg) => {
      const sh = (seg.value / max) * plotH;
      y -= sh;
      const label =
        sh >= 14
          ? `<text x="${x + barW / 2}" y="${(y + sh / 2 + 4).toFixed(1)}" text-anchor="middle" font-size="11" fill="#fff">${seg.value}</text>`
          : '';
      return `<rect data-stack="${esc(s.id)}" data-segment="${esc(seg.id)}" data-value="${seg.value}" x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barW}" height="${sh.toFixed(1)}" fill="${seg.color}"/>${label}`;
    });
    return [
      ...segs,
      `<text x="${x + barW / 2}" y="${(y - 6).toFixed(1)}" text-anchor="middle" font-size="12">${total}</text>`,
      `<text x="${x + barW / 2}" y="${h - 16}" text-anchor="middle" font-size="13">${esc(s.label)}</text>`,
    ].join('');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart" data-chart="hazards" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}">`,
    `<title>${esc(title)}</title>`,
    `<text x="0" y="16" font-size="14" font-weight="bold">${esc(title)}</text>`,
    ...legend,
    `<line x1="0" y1="${top + plotH}" x2="${w}" y2="${top + plotH}" stroke="#999"/>`,
    ...bars,
    '</svg>',
  ].join('\n');
}
