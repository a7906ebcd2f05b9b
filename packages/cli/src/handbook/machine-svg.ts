import type { MachineGraph } from '@gridsafe/escalation';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

const COLORS: Record<string, string> = {
  ESCALATE: '#b3261e',
  DEADLINE: '#d9822b',
  FORWARD: '#6a5acd',
  RETURN: '#2e7d32',
  REPORT: '#2b5c8a',
  SEND_DOWN: '#00897b',
};

/**
 * Draw the hazard-case machine (the escalation package's graph export) as a self-contained SVG: the
 * initial state on top, one band per tier with its steps left to right, the final states at the
 * bottom; one arrow per pair of states, labelled with the events that take it.
 */
export function machineSvg(g: MachineGraph, title: string): string {
  const BW = 118;
  const BH = 34;
  const GX = 22;
  const ROW = 96;
  const LEFT = 170;
  const tiers = g.nodes.filter((n) => n.kind === 'tier');
  const pos = new Map<string, { x: number; y: number }>();
  const rows: { label: string; y: number }[] = [];
  const top = g.nodes.filter((n) => n.kind === 'initial' && !n.parent);
  top.forEach((n, i) => pos.set(n.id, { x: LEFT + i * (BW + GX), y: 30 }));
  tiers.forEach((t, r) => {
    const y = 30 + (r + 1) * ROW;
    rows.push({ label: t.label, y });
    g.nodes.filter((n) => n.parent === t.id).forEach((n, i) => pos.set(n.id, { x: LEFT + i * (BW + GX), y }));
  });
  const finals = g.nodes.filter((n) => n.kind === 'final' && !n.parent);
  const fy = 30 + (tiers.length + 1) * ROW;
  finals.forEach((n, i) => pos.set(n.id, { x: LEFT + i * (BW + GX), y: fy }));
  const maxX = Math.max(...[...pos.values()].map((p) => p.x)) + BW + 60;
  const height = fy + BH + 40;
  const pairs = new Map<string, { from: string; to: string; events: Set<string> }>();
  for (const e of g.edges) {
    if (e.from === e.to || !pos.has(e.from) || !pos.has(e.to)) continue;
    const k = `${e.from}>${e.to}`;
    const p = pairs.get(k) ?? { from: e.from, to: e.to, events: new Set<string>() };
    p.events.add(e.label ? `${e.event}(${e.label})` : e.event);
    pairs.set(k, p);
  }
  const parts: string[] = [];
  for (const r of rows) {
    parts.push(`<rect x="10" y="${r.y - 14}" width="${maxX - 20}" height="${BH + 28}" rx="10" class="band"/>`);
    parts.push(
      `<text x="18" y="${r.y + BH / 2 + 4}" class="tier">${esc(r.label.length > 12 ? `${r.label.slice(0, 11)}…` : r.label)}</text>`,
    );
  }
  for (const p of pairs.values()) {
    const a = pos.get(p.from) as { x: number; y: number };
    const b = pos.get(p.to) as { x: number; y: number };
    const first = [...p.events][0]?.split('(')[0] ?? '';
    const color = COLORS[first] ?? '#777';
    const x1 = a.x + BW / 2;
    const x2 = b.x + BW / 2;
    const down = b.y > a.y;
    const y1 = a.y === b.y ? a.y : down ? a.y + BH : a.y;
    const y2 = a.y === b.y ? b.y : down ? b.y : b.y + BH;
    const bend = a.y === b.y ? -28 : 0;
    const cx = (x1 + x2) / 2 + (a.y === b.y ? 0 : (x2 - x1) * 0.15 + 12);
    const cy = (y1 + y2) / 2 + bend;
    // Skips, the clock and sending down (交办, supervised from above) are dashed.
    const dashed = [...p.events].some((e) => e.includes('skip') || e.startsWith('DEADLINE') || e.startsWith('SEND_DOWN'));
    parts.push(
      `<path d="M${x1} ${y1} Q${cx} ${cy} ${x2} ${y2}" stroke="${color}" class="edge${dashed ? ' dashed' : ''}" marker-end="url(#m)"><title>${esc([...p.events].join(', '))}</title></path>`,
    );
  }
  for (const n of g.nodes) {
    const p = pos.get(n.id);
    if (!p) continue;
    const label = n.label.length > 9 ? `${n.label.slice(0, 8)}…` : n.label;
    parts.push(
      `<g><title>${esc(n.id)}</title><rect x="${p.x}" y="${p.y}" width="${BW}" height="${BH}" rx="${n.kind === 'final' || n.kind === 'initial' ? 17 : 6}" class="s ${n.kind}"/>`,
    );
    parts.push(`<text x="${p.x + BW / 2}" y="${p.y + BH / 2 + 5}" text-anchor="middle" class="sl">${esc(label)}</text></g>`);
  }
  const legend = Object.entries(COLORS).map(
    ([ev, c], i) => `<text x="${LEFT + i * 120}" y="${height - 12}" fill="${c}" class="lg">— ${ev}</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${maxX} ${height}" width="${maxX}" height="${height}" role="img" aria-label="${esc(title)}">
<title>${esc(title)}</title>
<style>.band{fill:#f6f8fb;stroke:#d5dde8}.tier{font:600 13px sans-serif;fill:#234}.s{fill:#fff;stroke:#2b5c8a;stroke-width:1.3}.final{fill:#e8f5e9;stroke:#2e7d32}.initial{fill:#e3f2fd}.sl{font:12px sans-serif;fill:#123}.edge{fill:none;stroke-width:1.2;opacity:.75}.dashed{stroke-dasharray:5 3}.lg{font:12px sans-serif}</style>
<defs><marker id="m" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#555"/></marker></defs>
${parts.join('\n')}
${legend.join('\n')}
</svg>`;
}
