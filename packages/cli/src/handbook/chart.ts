import type { EscalationFile, Lang } from '@gridsafe/schema';
import { pick } from '../i18n.js';

/** A graph to draw: nodes in order, and labelled edges between them. */
export interface Graph {
  /** Tiers first; `leaf` nodes (departments a tier forwards to) are drawn beside the tiers. */
  nodes: { id: string; label: string; sub?: string; leaf?: boolean }[];
  edges: { from: string; to: string; label?: string; kind: 'escalate' | 'forward' | 'skip' | 'other' | 'report' }[];
}

/**
 * The escalation policy as a graph: tiers (entry first, each saying which kinds of case enter
 * there), escalation edges labelled with the reasons a case goes up for, forwarding, sending down
 * (交办), skips with the grades they take, and the bodies a tier reports up to while keeping the case.
 */
export function policyGraph(esc: EscalationFile, lang: Lang, titles: Map<string, string>): Graph {
  const zh = lang === 'zh';
  const sep = zh ? '；' : '; ';
  const grade = (id: string | undefined) => pick(esc.grades?.find((g) => g.id === id)?.title, lang) || (id ?? '');
  const reason = (id: string) => pick(esc.reasons?.find((r) => r.id === id)?.title, lang) || id;
  const kindsAt = (tier: string) => (esc.kinds ?? []).filter((k) => k.entry === tier).map((k) => pick(k.title, lang));
  const order: string[] = [];
  const tiers = new Map(esc.tiers.map((t) => [t.id, t]));
  for (let id: string | undefined = esc.entry; id && tiers.has(id) && !order.includes(id); id = tiers.get(id)?.escalatesTo) order.push(id);
  for (const t of esc.tiers) if (!order.includes(t.id)) order.push(t.id);
  const nodes: Graph['nodes'] = order.map((id) => {
    const t = tiers.get(id);
    const entering = (esc.kinds?.length ?? 0) > 1 ? kindsAt(id) : [];
    const sub = [
      pick(t?.actor, lang),
      ...(entering.length ? [`${zh ? '受理' : 'receives'}: ${entering.join(zh ? '、' : ', ')}`] : []),
    ].filter(Boolean);
    return { id, label: pick(t?.title, lang), ...(sub.length ? { sub: sub.join(zh ? ' · ' : ' · ') } : {}) };
  });
  const edges: Graph['edges'] = [];
  const leaf = (id: string, label: string) => {
    if (!nodes.some((n) => n.id === id)) nodes.push({ id, label, leaf: true });
  };
  for (const t of esc.tiers) {
    if (t.escalatesTo) {
      const why = (t.escalatesOn ?? []).map(reason).join(sep);
      edges.push({
        from: t.id,
        to: t.escalatesTo,
        kind: 'escalate',
        label: `${zh ? '上报' : 'escalate'}${why ? `${zh ? '：' : ': '}${why}` : ''}`,
      });
    }
    // Several departments handle a case together: say when such a team is done.
    const depts = (t.forwardsTo ?? []).filter((f) => !tiers.has(f));
    const joint =
      depts.length > 1
        ? (esc.jointHandling?.resolveWhen ?? 'all') === 'lead'
          ? zh
            ? '；联合处置：牵头单位完成即办结'
            : '; together: done when the lead completes'
          : zh
            ? '；联合处置：各部门完成方办结'
            : '; together: done when all complete'
        : '';
    for (const f of t.forwardsTo ?? []) {
      leaf(f, titles.get(f) ?? f);
      edges.push({ from: t.id, to: f, kind: 'forward', label: `${zh ? '转办' : 'forward'}${tiers.has(f) ? '' : joint}` });
    }
    for (const d of t.sendsDownTo ?? [])
      edges.push({ from: t.id, to: d, kind: 'other', label: zh ? '交办(督办)' : 'send down (supervised)' });
    for (const r of t.reportsUp ?? []) {
      leaf(r.id, r.to.map((b) => pick(b, lang)).join(zh ? '、' : ', '));
      const when = r.atLeast ? `${grade(r.atLeast)}${zh ? '及以上' : ' or higher'}` : '';
      edges.push({
        from: t.id,
        to: r.id,
        kind: 'report',
        label: `${when}${zh ? '即报并保留案件' : `${when ? ': ' : ''}report up, keep the case`}`,
      });
    }
  }
  for (const s of esc.skips ?? []) {
    const g = s.severity ?? s.atLeast;
    const label = g
      ? `${grade(g)}${s.atLeast ? (zh ? '及以上' : ' or higher') : ''}${zh ? '直报' : ': direct'}`
      : zh
        ? '可越级直报'
        : 'may go direct';
    edges.push({ from: s.from, to: s.to, kind: 'skip', label });
  }
  return { nodes, edges };
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

/** Draw a graph as a self-contained SVG: tiers stacked top to bottom, skips on the right, departments on the left. */
export function graphSvg(g: Graph, title: string): string {
  const W = 340;
  const H = 56;
  const GAP = 40;
  const X = 270;
  const LW = 230;
  const LH = 30;
  const pos = new Map<string, { x: number; y: number; w: number; h: number }>();
  g.nodes.filter((n) => !n.leaf).forEach((n, i) => pos.set(n.id, { x: X, y: 40 + i * (H + GAP), w: W, h: H }));
  const leafY = new Map<string, number>();
  for (const e of g.edges) {
    const a = pos.get(e.from);
    const leaf = g.nodes.find((n) => n.id === e.to && n.leaf);
    if (!a || !leaf || pos.has(leaf.id)) continue;
    const y = Math.max(a.y + H + 10, leafY.get(e.from) ?? 0);
    pos.set(leaf.id, { x: 14, y, w: LW, h: LH });
    leafY.set(e.from, y + LH + 8);
  }
  const height = Math.max(...[...pos.values()].map((p) => p.y + p.h)) + 30;
  const parts: string[] = [];
  let skipN = 0;
  for (const e of g.edges) {
    const a = pos.get(e.from);
    const b = pos.get(e.to);
    if (!a || !b) continue;
    if (b.x < X) {
      parts.push(
        `<path d="M${a.x} ${a.y + H / 2 + 10} H${X - 20} V${b.y + LH / 2} H${b.x + b.w}" class="e ${e.kind === 'report' ? 'report' : 'forward'}" fill="none" marker-end="url(#arrow)"><title>${esc(e.label ?? '')}</title></path>`,
      );
    } else if (b.y - a.y === H + GAP && e.kind !== 'skip') {
      parts.push(
        `<line x1="${a.x + W / 2}" y1="${a.y + H}" x2="${b.x + W / 2}" y2="${b.y}" class="e ${e.kind}" marker-end="url(#arrow)"/>`,
      );
      if (e.label) parts.push(`<text x="${a.x + W / 2 + 8}" y="${a.y + H + GAP / 2 + 4}" class="el">${esc(e.label)}</text>`);
    } else {
      const x1 = a.x + W + 30 + 24 * skipN++;
      parts.push(
        `<path d="M${a.x + W} ${a.y + H / 2} H${x1} V${b.y + H / 2} H${b.x + W}" class="e ${e.kind}" fill="none" marker-end="url(#arrow)"/>`,
      );
      if (e.label) parts.push(`<text x="${x1 + 4}" y="${(a.y + b.y + H) / 2}" class="el">${esc(e.label)}</text>`);
    }
  }
  for (const n of g.nodes) {
    const p = pos.get(n.id);
    if (!p) continue;
    parts.push(`<rect x="${p.x}" y="${p.y}" width="${p.w}" height="${p.h}" rx="8" class="${n.leaf ? 'n leaf' : 'n'}"/>`);
    const cy = n.leaf ? p.y + 20 : p.y + (n.sub ? 24 : 33);
    parts.push(
      `<text x="${p.x + p.w / 2}" y="${cy}" class="${n.leaf ? 'ls' : 'nl'}" text-anchor="middle">${esc(n.leaf && n.label.length > 34 ? `${n.label.slice(0, 33)}…` : n.label)}</text>`,
    );
    if (n.sub && !n.leaf) parts.push(`<text x="${p.x + p.w / 2}" y="${p.y + 44}" class="ns" text-anchor="middle">${esc(n.sub)}</text>`);
  }
  const width = X + W + 40 + 24 * Math.max(1, skipN) + 100;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(title)}">
<title>${esc(title)}</title>
<style>.n{fill:#f4f7fb;stroke:#2b5c8a;stroke-width:1.5}.leaf{fill:#f6f3ff;stroke:#6a5acd}.nl{font:600 15px sans-serif;fill:#123}.ns{font:12px sans-serif;fill:#345}.ls{font:11px sans-serif;fill:#345}.e{stroke:#2b5c8a;stroke-width:1.5}.skip{stroke:#b3261e;stroke-dasharray:5 3}.forward{stroke:#6a5acd}.report{stroke:#d9822b;stroke-dasharray:2 2}.el{font:12px sans-serif;fill:#444}</style>
<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0 0L10 5L0 10z" fill="#555"/></marker></defs>
${parts.join('\n')}
</svg>`;
}

/** The graph in Mermaid's flowchart syntax. */
export function graphMermaid(g: Graph): string {
  const id = (s: string) => s.replace(/[^A-Za-z0-9_]/g, '_');
  const q = (s: string) => s.replace(/"/g, '#quot;');
  const lines = ['flowchart TD'];
  for (const n of g.nodes) lines.push(`  ${id(n.id)}["${q(n.label)}${n.sub ? `<br/><small>${q(n.sub)}</small>` : ''}"]`);
  for (const e of g.edges)
    lines.push(`  ${id(e.from)} ${e.kind === 'skip' ? '-.->' : '-->'}${e.label ? `|${q(e.label)}|` : ''} ${id(e.to)}`);
  return `${lines.join('\n')}\n`;
}
