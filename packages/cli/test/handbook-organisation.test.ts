import { describe, expect, it } from 'vitest';
import { seedPack } from '../../../test/seed-packs.js';
import { periodDateWords } from '../src/handbook/organisation.js';
import { renderHandbook } from '../src/index.js';

const pack = seedPack;
/** The handbook's text, tags dropped, entities read. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
const section = (html: string, id: string) => {
  const at = html.indexOf(`<section class="${id}"`);
  return at < 0 ? '' : text(html.slice(at, html.indexOf('</section>', at)));
};

describe('the handbook of the organisation constructs', () => {
  it('dates in words, as precise as the text', () => {
    expect(periodDateWords('2017-09', 'zh')).toBe('2017年9月底');
    expect(periodDateWords('2017-10', 'zh', true)).toBe('2017年10月');
    expect(periodDateWords('2018', 'en')).toBe('end of 2018');
    expect(periodDateWords('2017-10-17', 'en')).toBe('17 October 2017');
  });

  it("Chibi: the phases with their dates and tasks, the milestone, the joint meeting, commendation, and each role's duties", () => {
    const html = renderHandbook(pack('chibi'), 'zh');
    const org = section(html, 'organisation');
    expect(org).toContain('1. 准备阶段 2017年9月底前');
    expect(org).toContain('2. 实施阶段 2017年10月至2017年11月底');
    expect(org).toContain('采取安全检查业务比武、检查(巡查)文书评比等形式');
    expect(org).toContain('建立规范运作的安全生产网格化服务管理体系 2017年底前');
    expect(org).toContain('市综治办和市安监局联席会议 联席会议');
    expect(org).toContain('成员：市综治办、市安监局');
    expect(org).toMatch(/表彰 评先表彰 .* 市安委会 由考核结果产生/);
    const levels = section(html, 'levels');
    // Every role's duties, as a list, in a pack with checklists too.
    expect(levels).toContain('市安办');
    expect(levels).toContain('与市综治办统一组织实施全市安全生产网格化管理服务体系建设');
    const cadences = section(html, 'cadences');
    expect(cadences).toContain('市综治办和市安监局联席会议 会议 定期(原文未规定次数)');
    expect(cadences).toContain('对网格员进行经常性的教育培训 培训 经常(原文未规定次数)');
  });

  it("Xianyou: Bangtou's rules say they hold in Bangtou only; the county-direct lead units and the leading group are printed", () => {
    const en = renderHandbook(pack('xianyou'), 'en');
    const org = section(en, 'organisation');
    expect(org).toMatch(/A small grid is 1,000 people .*standard 1000 \(guidance, not a bound\) only in Bangtou town/);
    expect(org).toMatch(
      /One full-time grid data clerk per village grid Village .* holders: Village full-time grid data clerk \(full-time\) exactly 1 only in Bangtou town/,
    );
    expect(org).toContain('County-direct lead units');
    expect(org).toContain('One platform and one plan each');
    expect(org).toContain('Chair: deputy director of the county work safety office');
    expect(org).toContain('Office: the county social-governance grid centre');
    const zh = section(renderHandbook(pack('xianyou'), 'zh'), 'cadences');
    expect(zh).toContain('县网格化中心定期召开例会 会议 定期(原文未规定次数)');
    expect(section(renderHandbook(pack('xianyou'), 'zh'), 'levels')).toMatch(/村级网格管理站站长 .*担任者：村居书记、主任兼任/);
  });

  it('the construction bureau: its consequences with the rules that produce them, the zone sizing and the leading group', () => {
    const org = section(renderHandbook(pack('jianguanju'), 'zh'), 'organisation');
    expect(org).toMatch(/批评 批评 .* 建管局安全生产网格化管理工作领导小组 未达到：工作到位、管理得力、措施严格/);
    expect(org).toMatch(/宣传推广 宣传推广 .* 达到：有好的经验做法/);
    expect(org).toContain('每个责任区1名分管责任人 安全管理责任区 分管责任人(副局长)人数 1');
    expect(org).toContain('组长(主任)：建管局党委书记、局长');
    expect(org).toContain('办公室主任：办公室主任(原文指定连峰担任)');
  });

  it('chanba: the phases with no dates say so; the full-time worker rule says what the number may vary with', () => {
    const org = section(renderHandbook(pack('chanba'), 'en'), 'organisation');
    expect(org).toContain('1. Publicity and mobilisation no date in the text');
    expect(org).toContain('The grid supervision system for work safety built by end of 2018');
    expect(org).toMatch(/grid workers \(full-time\) at least 1 May vary: The number may be adjusted/);
  });

  it('a pack with none of it gets no organisation section and no entry for it in the contents', () => {
    const bare = pack('base');
    const html = renderHandbook(bare, 'en');
    expect(html).not.toContain('id="organisation"');
    expect(html).not.toContain('href="#organisation"');
  });
});

describe('gridsafe check --milestones', () => {
  const root = new URL('../../..', import.meta.url).pathname;
  const cli = async (...argv: string[]) => {
    const { run } = await import('../src/index.js');
    let out = '';
    let err = '';
    const code = await run(argv, { out: (s) => (out += s), err: (s) => (err += s), env: {}, cwd: root, isTTY: false });
    return { code, out, err };
  };

  it('lists the phases and milestones of a day, which are due and which overdue, exit 1 when one is overdue', async () => {
    const r = await cli('check', '--pack', 'chibi', '--milestones', '2017-11-15', '--lang', 'zh');
    expect(r.code).toBe(1);
    expect(r.out).toContain('2017-11-15 的工作阶段与时间节点：');
    expect(r.out).toMatch(/1\. 准备阶段\s+2017-09-30\s+已逾期 \(逾期 46 天\)/);
    expect(r.out).toMatch(/2\. 实施阶段\s+2017-11-30\s+进行中 \(还有 15 天\)/);
    expect(r.out).toContain('✘ 3 项进行中，1 项已逾期');
    const ok = await cli('check', '--pack', 'chibi', '--milestones', '2017-10-15', '--lang', 'en', '--format', 'json');
    expect(ok.code).toBe(1);
    expect(JSON.parse(ok.out).overdue).toEqual(['chibi.phase.preparation']);
    const early = await cli('check', '--pack', 'chibi', '--milestones', '2017-09-01', '--lang', 'en');
    expect([early.code, early.out.trim().split('\n').at(-1)]).toEqual([0, '✔ 3 due, 0 overdue']);
  });

  it('a pack without phases says so; a bad date and a missing records file are usage errors', async () => {
    const none = await cli('check', '--pack', 'mudan', '--milestones', '2017-11-15', '--lang', 'en');
    expect([none.code, none.out]).toEqual([0, 'this pack sets no phases or milestones\n']);
    const bad = await cli('check', '--pack', 'chibi', '--milestones', '2017-02-30', '--lang', 'en');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('expected a calendar date YYYY-MM-DD');
    const neither = await cli('check', '--pack', 'chibi', '--lang', 'en');
    expect(neither.code).toBe(2);
    expect(neither.err).toContain('give a records file, or --milestones DATE for the phases');
  });
});
