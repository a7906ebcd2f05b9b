import type { ResolvedPack } from '@gridsafe/engine';
import type { Bilingual, Body, Cadence, Lang, Seat, Sizing } from '@gridsafe/schema';
import { colon, pick } from '../i18n.js';
import { h } from './html.js';
import { cadenceWords } from './words.js';

const W = {
  zh: {
    section: '组织、阶段与处理',
    bodies: '领导机构与联合机制',
    bodyKind: { leadingGroup: '领导小组', committee: '委员会', jointMeeting: '联席会议', jointInspection: '联合稽查' },
    chair: '组长(主任)',
    deputies: '副组长',
    members: '成员',
    lead: '牵头单位',
    office: '办公室',
    officeHead: '办公室主任',
    level: '层级',
    units: '层级之外的责任单位',
    beside: '所在层级',
    departments: '包括',
    phases: '工作阶段与时间节点',
    phaseCols: ['阶段', '时间', '任务'],
    milestoneCols: ['时间节点', '期限', '须完成'],
    undated: '原文未规定时间',
    consequences: '通报、批评与表彰',
    consequenceCols: ['类别', '事项', '由谁作出', '何时产生'],
    consequenceKind: { bulletin: '通报', criticism: '批评', commendation: '表彰', promotion: '宣传推广', accountability: '依法处理' },
    whenUnsatisfied: (rules: string) => `未达到：${rules}`,
    whenSatisfied: (rules: string) => `达到：${rules}`,
    byScoring: '由考核结果产生',
    sizing: '规模与人员配备',
    sizingCols: ['规则', '对象', '计量', '标准', '说明'],
    fullTime: '专职',
    partTime: '兼职',
    holdersOf: (r: string) => `${r}人数`,
    unitsOf: (l: string) => `${l}个数`,
    bounds: (min?: number, max?: number, target?: number) =>
      [
        min !== undefined && max !== undefined ? (min === max ? `${min}` : `${min}–${max}`) : '',
        min !== undefined && max === undefined ? `不少于 ${min}` : '',
        max !== undefined && min === undefined ? `不多于 ${max}` : '',
        target !== undefined ? `标准 ${target}(参照，不作上下限)` : '',
      ]
        .filter(Boolean)
        .join('；'),
    varies: '可调整：',
    only: (places: string) => `仅适用于${places}`,
    localDefault: '本地默认',
    measure: {
      people: '人口',
      households: '户数',
      smallGrids: '小网格数',
      fullTimeInspectors: '专职安监员',
      gridWorkers: '网格员',
      stations: '网格工作站',
    } as Record<string, string>,
    frequency: { regular: '定期(原文未规定次数)', often: '经常(原文未规定次数)' },
    each: (l: string) => `每个${l}`,
    sep: '、',
    end: (d: string) => d,
  },
  en: {
    section: 'Organisation, phases and consequences',
    bodies: 'Leading groups and joint systems',
    bodyKind: { leadingGroup: 'leading group', committee: 'committee', jointMeeting: 'joint meeting', jointInspection: 'joint inspection' },
    chair: 'Chair',
    deputies: 'Deputy chairs',
    members: 'Members',
    lead: 'Lead department',
    office: 'Office',
    officeHead: 'head of office',
    level: 'Level',
    units: 'Responsible units beside the levels',
    beside: 'Beside',
    departments: 'Includes',
    phases: 'Phases and milestones',
    phaseCols: ['Phase', 'When', 'Tasks'],
    milestoneCols: ['Milestone', 'By', 'To be in place'],
    undated: 'no date in the text',
    consequences: 'Bulletins, criticism and commendation',
    consequenceCols: ['Kind', 'What', 'Issued by', 'Produced when'],
    consequenceKind: {
      bulletin: 'bulletin',
      criticism: 'criticism',
      commendation: 'commendation',
      promotion: 'promotion of good practice',
      accountability: 'accountability by law',
    },
    whenUnsatisfied: (rules: string) => `not met: ${rules}`,
    whenSatisfied: (rules: string) => `met: ${rules}`,
    byScoring: 'produced by the assessment',
    sizing: 'Sizing and staffing',
    sizingCols: ['Rule', 'Of', 'Counts', 'Standard', 'Notes'],
    fullTime: 'full-time',
    partTime: 'part-time',
    holdersOf: (r: string) => `holders: ${r}`,
    unitsOf: (l: string) => `units: ${l}`,
    bounds: (min?: number, max?: number, target?: number) =>
      [
        min !== undefined && max !== undefined ? (min === max ? `exactly ${min}` : `${min}–${max}`) : '',
        min !== undefined && max === undefined ? `at least ${min}` : '',
        max !== undefined && min === undefined ? `at most ${max}` : '',
        target !== undefined ? `standard ${target} (guidance, not a bound)` : '',
      ]
        .filter(Boolean)
        .join('; '),
    varies: 'May vary: ',
    only: (places: string) => `only in ${places}`,
    localDefault: 'local default',
    measure: {
      people: 'people',
      households: 'households',
      smallGrids: 'small grids',
      fullTimeInspectors: 'full-time inspectors',
      gridWorkers: 'grid workers',
      stations: 'grid stations',
    } as Record<string, string>,
    frequency: { regular: 'regularly (no number in the text)', often: 'often (no number in the text)' },
    each: (l: string) => `each ${l}`,
    sep: ', ',
    end: (d: string) => d,
  },
} as const;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date as precise as the text gave it: `2017-09` → 2017年9月底 / end of September 2017. */
export function periodDateWords(date: string, lang: Lang, start = false): string {
  const [y, m, d] = date.split('-');
  if (lang === 'zh') {
    if (d !== undefined) return `${y}年${Number(m)}月${Number(d)}日`;
    if (m !== undefined) return `${y}年${Number(m)}月${start ? '' : '底'}`;
    return `${y}年${start ? '' : '底'}`;
  }
  if (d !== undefined) return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
  if (m !== undefined) return `${start ? '' : 'end of '}${MONTHS[Number(m) - 1]} ${y}`;
  return `${start ? '' : 'end of '}${y}`;
}

/** Titles of places, by id. */
function placeTitles(pack: ResolvedPack, lang: Lang): Map<string, string> {
  return new Map(pack.hierarchies.flatMap((x) => (x.places ?? []).map((p) => [p.id, pick(p.title, lang)] as const)));
}

/** "仅适用于榜头镇" for an element scoped to places, or ''. */
export function scopeWords(scope: { places: string[] } | undefined, pack: ResolvedPack, lang: Lang): string {
  if (!scope) return '';
  const places = placeTitles(pack, lang);
  return W[lang].only(scope.places.map((p) => places.get(p) ?? p).join(W[lang].sep));
}

/**
 * A cadence in words: `每周1次`, or `定期(原文未规定次数)` when the text gives no number, with
 * "each micro-grid" and "only in Bangtou" where the cadence says so.
 */
export function cadenceText(c: Cadence, pack: ResolvedPack, lang: Lang, titles: Map<string, string>): string {
  const w = W[lang];
  const how = c.every !== undefined ? cadenceWords(c.every, c.count ?? 1, lang) : c.frequency ? w.frequency[c.frequency] : '';
  const each = c.each ? `${w.each(titles.get(c.each) ?? c.each)}${lang === 'zh' ? '' : ': '}` : '';
  const scope = scopeWords(c.scope, pack, lang);
  return `${each}${how}${scope ? ` (${scope})` : ''}`;
}

const ld = (x: { localDefault?: true }, lang: Lang) => (x.localDefault ? ` <span class="kind">${h(W[lang].localDefault)}</span>` : '');
const list = (xs: readonly { text: Bilingual }[], lang: Lang) =>
  xs.length ? `<ul>${xs.map((d) => `<li>${h(pick(d.text, lang))}</li>`).join('')}</ul>` : '';
const seat = (s: Seat | undefined, lang: Lang) => (s ? pick(s.holder, lang) : '');

function bodiesPart(pack: ResolvedPack, lang: Lang, titles: Map<string, string>): string {
  const w = W[lang];
  const bodies: Body[] = pack.hierarchies.flatMap((x) => x.bodies ?? []);
  if (bodies.length === 0) return '';
  const items = bodies.map((b) => {
    const rows = [
      b.level ? [w.level, titles.get(b.level) ?? b.level] : undefined,
      b.chair ? [w.chair, seat(b.chair, lang)] : undefined,
      b.deputies?.length ? [w.deputies, b.deputies.map((s) => seat(s, lang)).join(w.sep)] : undefined,
      b.members?.length ? [w.members, b.members.map((s) => seat(s, lang)).join(w.sep)] : undefined,
      b.lead ? [w.lead, seat(b.lead, lang)] : undefined,
      b.office
        ? [w.office, `${pick(b.office.at, lang)}${b.office.head ? ` (${w.officeHead}${colon(lang)}${seat(b.office.head, lang)})` : ''}`]
        : undefined,
    ].filter((r): r is string[] => r !== undefined);
    const scope = scopeWords(b.scope, pack, lang);
    return `<li><strong>${h(pick(b.title, lang))}</strong> <span class="kind">${h(w.bodyKind[b.kind])}</span>${ld(b, lang)}${scope ? ` <em>${h(scope)}</em>` : ''}${
      rows.length ? `<p class="meta">${rows.map(([k, v]) => `${h(k as string)}${colon(lang)}${h(v as string)}`).join(' · ')}</p>` : ''
    }${list(b.duties, lang)}</li>`;
  });
  return `<h3>${h(w.bodies)}</h3><ul class="bodies">${items.join('')}</ul>`;
}

function unitsPart(pack: ResolvedPack, lang: Lang, titles: Map<string, string>): string {
  const w = W[lang];
  const units = pack.hierarchies.flatMap((x) => x.units ?? []);
  if (units.length === 0) return '';
  const items = units.map((u) => {
    const meta = [
      u.beside ? `${w.beside}${colon(lang)}${titles.get(u.beside) ?? u.beside}` : '',
      u.departments?.length ? `${w.departments}${colon(lang)}${u.departments.map((d) => titles.get(d) ?? d).join(w.sep)}` : '',
    ].filter(Boolean);
    return `<li><strong>${h(pick(u.title, lang))}</strong>${ld(u, lang)}${meta.length ? `<p class="meta">${h(meta.join(' · '))}</p>` : ''}${list(u.duties, lang)}</li>`;
  });
  return `<h3>${h(w.units)}</h3><ul class="units">${items.join('')}</ul>`;
}

function phasesPart(pack: ResolvedPack, lang: Lang): string {
  const w = W[lang];
  const phases = pack.hierarchies.flatMap((x) => x.phases ?? []).sort((a, b) => a.order - b.order);
  const milestones = pack.hierarchies.flatMap((x) => x.milestones ?? []);
  if (phases.length === 0 && milestones.length === 0) return '';
  const when = (from: string | undefined, by: string | undefined) =>
    from && by
      ? `${periodDateWords(from, lang, true)}${lang === 'zh' ? '至' : ' to '}${periodDateWords(by, lang)}`
      : by
        ? `${lang === 'zh' ? '' : 'by '}${periodDateWords(by, lang)}${lang === 'zh' ? '前' : ''}`
        : from
          ? `${lang === 'zh' ? '自' : 'from '}${periodDateWords(from, lang, true)}`
          : w.undated;
  const phaseRows = phases.map(
    (p) =>
      `<tr><td>${p.order}. ${h(pick(p.title, lang))}${ld(p, lang)}</td><td>${h(when(p.from, p.by))}</td><td>${list(p.tasks, lang)}</td></tr>`,
  );
  const msRows = milestones.map(
    (m) => `<tr><td>${h(pick(m.title, lang))}${ld(m, lang)}</td><td>${h(when(undefined, m.by))}</td><td>${list(m.tasks, lang)}</td></tr>`,
  );
  const table = (cols: readonly string[], rows: string[]) =>
    rows.length
      ? `<table><thead><tr>${cols.map((c) => `<th>${h(c)}</th>`).join('')}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`
      : '';
  return `<h3>${h(w.phases)}</h3>${table(w.phaseCols, phaseRows)}${table(w.milestoneCols, msRows)}`;
}

function consequencesPart(pack: ResolvedPack, lang: Lang, titles: Map<string, string>): string {
  const w = W[lang];
  const cs = pack.hierarchies.flatMap((x) => x.consequences ?? []);
  if (cs.length === 0) return '';
  const rules = pack.requirements.flatMap((f) => f.rules);
  const rows = cs.map((c) => {
    const un = rules.filter((r) => r.onUnsatisfied?.includes(c.id)).map((r) => pick(r.title, lang));
    const sat = rules.filter((r) => r.onSatisfied?.includes(c.id)).map((r) => pick(r.title, lang));
    const when = [un.length ? w.whenUnsatisfied(un.join(w.sep)) : '', sat.length ? w.whenSatisfied(sat.join(w.sep)) : ''].filter(Boolean);
    return `<tr><td>${h(w.consequenceKind[c.kind])}</td><td><strong>${h(pick(c.title, lang))}</strong>${ld(c, lang)}<br>${h(pick(c.text, lang))}</td><td>${h(c.by ? (titles.get(c.by) ?? c.by) : '')}</td><td>${h(when.length ? when.join('; ') : w.byScoring)}</td></tr>`;
  });
  return `<h3>${h(w.consequences)}</h3><table><thead><tr>${w.consequenceCols.map((c) => `<th>${h(c)}</th>`).join('')}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

function measureWords(s: Sizing, lang: Lang, titles: Map<string, string>): string {
  const w = W[lang];
  const base =
    s.measure === 'holders'
      ? w.holdersOf(titles.get(s.role ?? '') ?? s.role ?? '')
      : s.measure === 'units'
        ? w.unitsOf(titles.get(s.of ?? '') ?? s.of ?? '')
        : (w.measure[s.measure] ?? s.measure);
  const e = s.employment === 'fullTime' ? w.fullTime : s.employment === 'partTime' ? w.partTime : '';
  return e ? `${base} (${e})` : base;
}

function sizingPart(pack: ResolvedPack, lang: Lang, titles: Map<string, string>): string {
  const w = W[lang];
  const sizing = pack.hierarchies.flatMap((x) => x.sizing ?? []);
  if (sizing.length === 0) return '';
  const rows = sizing.map((s) => {
    const notes = [scopeWords(s.scope, pack, lang), s.varies ? `${w.varies}${pick(s.varies, lang)}` : ''].filter(Boolean);
    return `<tr><td>${h(pick(s.title, lang))}${ld(s, lang)}</td><td>${h(titles.get(s.subject) ?? s.subject)}</td><td>${h(measureWords(s, lang, titles))}</td><td>${h(w.bounds(s.min, s.max, s.target))}</td><td>${h(notes.join(lang === 'zh' ? '；' : '; '))}</td></tr>`;
  });
  return `<h3>${h(w.sizing)}</h3><table><thead><tr>${w.sizingCols.map((c) => `<th>${h(c)}</th>`).join('')}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

/** Titles of what the organisation section names beyond `titleIndex`: unit kinds, bodies, places. */
function moreTitles(pack: ResolvedPack, lang: Lang, titles: Map<string, string>): Map<string, string> {
  const out = new Map(titles);
  for (const x of pack.hierarchies)
    for (const e of [...(x.units ?? []), ...(x.bodies ?? []), ...(x.places ?? [])]) if (!out.has(e.id)) out.set(e.id, pick(e.title, lang));
  return out;
}

/** The title of the organisation section, for the table of contents; `undefined` when the pack has none of it. */
export function organisationTitle(pack: ResolvedPack, lang: Lang): string | undefined {
  const has = pack.hierarchies.some(
    (x) => x.bodies?.length || x.units?.length || x.phases?.length || x.milestones?.length || x.consequences?.length || x.sizing?.length,
  );
  return has ? W[lang].section : undefined;
}

/**
 * The handbook's section on how the work is organised: the pack's leading groups and joint systems
 * with their seats and office, the responsible units beside the levels, the work phases and
 * milestones with their dates (as precise as the text), the bulletins, criticism and commendation the
 * rules produce and when, and the sizing and staffing rules with their scope. Empty for a pack that
 * has none of these.
 */
export function organisationSection(pack: ResolvedPack, lang: Lang, titles: Map<string, string>): string {
  const title = organisationTitle(pack, lang);
  if (!title) return '';
  const t = moreTitles(pack, lang, titles);
  return `<section class="organisation" id="organisation"><h2>${h(title)}</h2>
${bodiesPart(pack, lang, t)}${unitsPart(pack, lang, t)}${phasesPart(pack, lang)}${consequencesPart(pack, lang, t)}${sizingPart(pack, lang, t)}</section>`;
}
