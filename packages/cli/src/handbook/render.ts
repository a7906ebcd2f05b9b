import type { ResolvedPack } from '@gridsafe/engine';
import type { ChecklistFile, EscalationFile, Lang } from '@gridsafe/schema';
import { colon, pick } from '../i18n.js';
import { graphSvg, policyGraph } from './chart.js';
import { h } from './html.js';
import { L } from './labels.js';
import { levelsSection } from './levels.js';
import { cadenceText, organisationSection, organisationTitle } from './organisation.js';
import { conditionWords, durationWords } from './words.js';

/** Titles of everything with an id and a title in the pack: levels, roles, tiers, departments, sectors. */
export function titleIndex(pack: ResolvedPack, lang: Lang): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of pack.catalogs) for (const x of [...(c.sectors ?? []), ...(c.departments ?? [])]) out.set(x.id, pick(x.title, lang));
  for (const hi of pack.hierarchies)
    for (const x of [...(hi.levels ?? []), ...(hi.roles ?? []), ...(hi.cadences ?? [])]) out.set(x.id, pick(x.title, lang));
  for (const e of pack.escalations) for (const t of e.tiers) out.set(t.id, pick(t.title, lang));
  return out;
}

function checklistSection(cl: ChecklistFile, pack: ResolvedPack, lang: Lang, titles: Map<string, string>): string {
  const t = L[lang];
  const cadence = pack.hierarchies.flatMap((x) => x.cadences ?? []).find((c) => c.id === cl.cadence);
  const rows = cl.items.map((it) => {
    const look = it.lookFor ? pick(it.lookFor, lang) : (titles.get(it.sector) ?? '');
    const major =
      it.severity.default === 'major'
        ? t.defaultMajor
        : it.severity.majorWhen
          ? conditionWords(it.severity.majorWhen, pack, lang)
          : t.never;
    const photo = `${t.photo[it.evidence.photo] ?? ''}${it.evidence.photo === 'required' && it.evidence.minPhotos ? `(${t.minPhotos(it.evidence.minPhotos)})` : ''}`;
    return `<tr><td class="num">${it.number}<br><span class="kind">${h(t.kind[it.itemKind] ?? it.itemKind)}</span></td><td class="item">${h(pick(it.text, lang))}</td><td>${h(look)}</td><td>${h(conditionWords(it.hazardWhen, pack, lang))}</td><td>${h(major)}${it.directToTownship ? `<br><em>${h(t.direct)}</em>` : ''}</td><td>${h(photo)}</td></tr>`;
  });
  return `<section class="checklist" id="${h(cl.id)}"><h2>${h(pick(cl.title, lang))}</h2>
<p class="meta">${h(t.gridType)}${colon(lang)}${h(cl.gridType)} · ${h(t.patrolledBy)}${colon(lang)}${h(titles.get(cl.level) ?? cl.level)}${cadence ? ` · ${h(t.cadence)}${colon(lang)}${h(cadenceText(cadence, pack, lang, titles))}` : ''}</p>
<table><thead><tr>${t.cols.map((c) => `<th>${h(c)}</th>`).join('')}</tr></thead><tbody>${rows.join('\n')}</tbody></table></section>`;
}

function escalationSection(esc: EscalationFile, lang: Lang, titles: Map<string, string>): string {
  const t = L[lang];
  // A grade's words: the policy's own title for it, else the handbook's.
  const grade = (g: string | undefined) => {
    const own = esc.grades?.find((x) => x.id === g)?.title;
    return own ? pick(own, lang) : g === 'general' || g === 'major' ? t[g] : (g ?? (lang === 'zh' ? '其他' : 'other'));
  };
  const rows = esc.tiers.map((tier) => {
    const due = tier.due.map((d) => `${grade(d.severity)} ${t.within(durationWords(d.within, lang))}`).join('<br>');
    const next = [
      tier.escalatesTo ? `${t.escalatesTo} ${titles.get(tier.escalatesTo) ?? tier.escalatesTo}` : '',
      tier.forwardsTo?.length ? `${t.forwardsTo} ${tier.forwardsTo.map((f) => titles.get(f) ?? f).join(lang === 'zh' ? '、' : ', ')}` : '',
      tier.notifies?.length ? `${t.notifies} ${tier.notifies.map((n) => pick(n, lang)).join(lang === 'zh' ? '、' : ', ')}` : '',
    ].filter(Boolean);
    return `<tr><td><strong>${h(pick(tier.title, lang))}</strong></td><td>${h(pick(tier.actor, lang))}</td><td>${h(tier.actions.map((a) => t.actions[a] ?? a).join(lang === 'zh' ? '，' : '; '))}</td><td>${due}</td><td>${h(next.join('; '))}</td></tr>`;
  });
  const skips = (esc.skips ?? []).map(
    (s) =>
      `<li>${h(t.skip(titles.get(s.from) ?? s.from, titles.get(s.to) ?? s.to, (s.severity ?? s.atLeast) ? grade(s.severity ?? s.atLeast) : ''))}</li>`,
  );
  const loop = [...(esc.loop ?? [])].sort((a, b) => a.order - b.order);
  const plan = esc.majorPlan?.required
    ? `<p>${h(t.majorPlan)}${colon(lang)}${h(esc.majorPlan.fields.map((f) => t.planFields[f] ?? f).join(lang === 'zh' ? '、' : ', '))}${lang === 'zh' ? '。' : '.'}</p>`
    : '';
  return `<section class="report" id="${h(esc.id)}"><h2>${h(t.report)}${colon(lang)}${h(pick(esc.title, lang))}</h2>
<table><thead><tr>${t.tierCols.map((c) => `<th>${h(c)}</th>`).join('')}</tr></thead><tbody>${rows.join('\n')}</tbody></table>
${skips.length ? `<h3>${h(t.skips)}</h3><ul>${skips.join('')}</ul>` : ''}${plan}
<h3>${h(t.chart)}</h3><figure class="chart">${graphSvg(policyGraph(esc, lang, titles), `${t.chart}: ${pick(esc.title, lang)}`)}</figure>
${loop.length ? `<h3>${h(t.loop)}</h3><ol class="loop">${loop.map((s) => `<li>${h(pick(s.title, lang))}</li>`).join('')}</ol>` : ''}</section>`;
}

function cadenceSection(pack: ResolvedPack, lang: Lang, titles: Map<string, string>): string {
  const t = L[lang];
  const cadences = pack.hierarchies.flatMap((x) => x.cadences ?? []);
  if (cadences.length === 0) return '';
  const rows = cadences.map(
    (c) =>
      `<tr><td>${h(pick(c.title, lang))}</td><td>${h(t.activity[c.activity] ?? c.activity)}</td><td>${h(cadenceText(c, pack, lang, titles))}</td><td>${h(titles.get(c.level ?? c.role ?? '') ?? '')}</td></tr>`,
  );
  return `<section class="cadences" id="cadences"><h2>${h(t.cadences)}</h2><table><thead><tr>${t.cadenceCols.map((c) => `<th>${h(c)}</th>`).join('')}</tr></thead><tbody>${rows.join('\n')}</tbody></table></section>`;
}

const CSS = `@page{size:A4;margin:16mm 14mm}body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;color:#111;line-height:1.5;max-width:1100px;margin:0 auto;padding:16px}
header.cover{border-bottom:3px solid #2b5c8a;margin-bottom:18px}h1{font-size:28px;margin:0 0 6px}h2{font-size:20px;border-left:5px solid #2b5c8a;padding-left:8px;margin-top:28px}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border:1px solid #999;padding:5px 6px;vertical-align:top}th{background:#e8eef5}tr{break-inside:avoid}
td.num{text-align:center;white-space:nowrap}.kind{font-size:11px;color:#555}td.item{font-weight:600}.meta{color:#333}.note{color:#555;font-size:12px}
figure.chart svg{max-width:100%;height:auto}section{break-before:page}section:first-of-type{break-before:auto}@media screen{section{border-top:1px dashed #ccc}}
nav ol{columns:2}`;

/**
 * The grid worker's patrol handbook (巡查工作手册) of a resolved pack as one print-ready HTML page:
 * each checklist with its item texts, what to look for, what counts as a hazard and as major, and
 * the photos needed; how and to whom to report, with the escalation chart; and the cadences. A pack
 * without checklists gets a handbook (工作手册) that says so, with its levels and duties instead.
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { renderHandbook } from '@gridsafe/cli';
 * import type { ResolvedPack } from '@gridsafe/engine';
 * declare const pack: ResolvedPack;
 * writeFileSync('handbook.html', renderHandbook(pack, 'zh', { name: '湖北省赤壁市' }));
 * ```
 */
export function renderHandbook(pack: ResolvedPack, lang: Lang, region?: { name?: string; issuer?: string; docNumber?: string }): string {
  const t = L[lang];
  const titles = titleIndex(pack, lang);
  const name = region?.name ?? pack.id;
  // A pack without checklists still has its levels and duties, its reporting chart and its cadences.
  const none = pack.checklists.length === 0;
  const title = none ? t.workHandbook : t.handbook;
  const org = organisationTitle(pack, lang);
  const toc = [
    `<li><a href="#levels">${h(t.levels)}</a></li>`,
    ...(org ? [`<li><a href="#organisation">${h(org)}</a></li>`] : []),
    ...pack.checklists.map((c) => `<li><a href="#${h(c.id)}">${h(pick(c.title, lang))}</a></li>`),
    ...pack.escalations.map((e) => `<li><a href="#${h(e.id)}">${h(t.report)}</a></li>`),
    `<li><a href="#cadences">${h(t.cadences)}</a></li>`,
  ];
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(name)} ${h(title)}</title><style>${CSS}</style></head><body>
<header class="cover"><h1>${h(name)} ${h(title)}</h1>
<p>${h(t.version)}${colon(lang)}${h(pack.id)}@${h(pack.version)} · ${h(t.effective)}${colon(lang)}${h(pack.effective.from)}${region?.issuer ? ` · ${h(t.issuer)}${colon(lang)}${h(region.issuer)}` : ''}${region?.docNumber ? ` (${h(region.docNumber)})` : ''}</p>
<p class="note">${h(t.generated)}</p>${none ? `\n<p class="meta no-checklist"><strong>${h(t.noChecklist)}</strong></p>` : ''}
<nav><h2>${h(t.contents)}</h2><ol>${toc.join('')}</ol></nav></header>
<main>
${levelsSection(pack, lang)}
${organisationSection(pack, lang, titles)}
${pack.checklists.map((c) => checklistSection(c, pack, lang, titles)).join('\n')}
${pack.escalations.map((e) => escalationSection(e, lang, titles)).join('\n')}
${cadenceSection(pack, lang, titles)}
</main></body></html>
`;
}
