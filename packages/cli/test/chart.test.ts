import { createEscalationMachine, escalationGraph } from '@gridsafe/escalation';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { seedPack } from '../../../test/seed-packs.js';
import { graphMermaid, graphSvg, policyGraph } from '../src/handbook/chart.js';
import { machineSvg } from '../src/handbook/machine-svg.js';

const policy = seedPack;

describe('escalation chart', () => {
  it('Chibi: reasons on the way up, the complaint received at the city and sent down, any major situation direct', () => {
    const chibi = policy('chibi');
    const zh = policyGraph(chibi.escalations[0] as never, 'zh', new Map());
    expect(zh.edges).toContainEqual({
      from: 'chibi.tier.township',
      to: 'chibi.tier.city',
      kind: 'escalate',
      label: '上报：须由上级查处的违法行为；需上级督办整改的重大隐患',
    });
    expect(zh.edges).toContainEqual({ from: 'chibi.tier.city', to: 'chibi.tier.township', kind: 'other', label: '交办(督办)' });
    expect(zh.edges).toContainEqual({ from: 'chibi.tier.grid-worker', to: 'chibi.tier.township', kind: 'skip', label: '重大及以上直报' });
    expect(zh.nodes.find((n) => n.id === 'chibi.tier.city')?.sub).toContain('受理: 投诉举报');
    expect(zh.nodes.find((n) => n.id === 'chibi.tier.grid-worker')?.sub).toContain('受理: 事故隐患、安全生产违法行为');
    const en = graphMermaid(policyGraph(chibi.escalations[0] as never, 'en', new Map()));
    expect(en).toContain('chibi_tier_city -->|send down (supervised)| chibi_tier_township');
    expect(en).toContain('receives: Complaint or tip-off');
    const mudan = policyGraph(policy('mudan').escalations[0] as never, 'zh', new Map());
    expect(mudan.edges.find((e) => e.to === 'base.dept.public-security')?.label).toBe('转办；联合处置：牵头单位完成即办结');
  });
  it('Xianyou: the township reports a major hazard up to the county safety bureau and keeps it; the skip takes any grade', () => {
    const g = policyGraph(policy('xianyou').escalations[0] as never, 'en', new Map());
    expect(g.nodes).toContainEqual({ id: 'xianyou.report-up.major-to-county', label: 'the county safety bureau', leaf: true });
    expect(g.edges).toContainEqual({
      from: 'xianyou.tier.township',
      to: 'xianyou.report-up.major-to-county',
      kind: 'report',
      label: 'Major or higher: report up, keep the case',
    });
    expect(g.edges).toContainEqual({ from: 'xianyou.tier.grid-worker', to: 'xianyou.tier.township', kind: 'skip', label: 'may go direct' });
    expect(g.edges).toContainEqual({
      from: 'xianyou.tier.township',
      to: 'base.dept.housing',
      kind: 'forward',
      label: 'forward; together: done when all complete',
    });
    expect(g.edges).toContainEqual({ from: 'xianyou.tier.county', to: 'xianyou.tier.departments', kind: 'forward', label: 'forward' });
    const svg = graphSvg(g, 'Xianyou');
    expect(svg).toContain('class="e report"');
    expect(svg).toContain('<title>Major or higher: report up, keep the case</title>');
  });
  it('the machine drawing colours sending down and lists it in the legend', () => {
    const m = createEscalationMachine(policy('chibi'));
    if (E.isLeft(m)) throw new Error('no machine');
    const svg = machineSvg(escalationGraph(m.right), 'Chibi');
    expect(svg).toContain('stroke="#00897b"');
    expect(svg).toContain('— SEND_DOWN');
  });
});
