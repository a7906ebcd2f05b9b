import type { ResolvedPack } from '@gridsafe/engine';
import type { Bilingual, Lang } from '@gridsafe/schema';
import { colon, pick } from '../i18n.js';
import { h } from './html.js';
import { L } from './labels.js';

const duties = (ds: readonly { text: Bilingual }[], lang: Lang) =>
  ds.length ? `<ul>${ds.map((d) => `<li>${h(pick(d.text, lang))}</li>`).join('')}</ul>` : '';

/**
 * The levels and duties of a pack, top level first: who is responsible at each level and for what,
 * the roles there with their duties, and the staffing the pack asks for. For a handbook of a pack
 * without checklists, where these are what a worker needs to know.
 */
export function levelsSection(pack: ResolvedPack, lang: Lang): string {
  const t = L[lang];
  const levels = pack.hierarchies.flatMap((x) => x.levels ?? []).sort((a, b) => a.rank - b.rank);
  const roles = pack.hierarchies.flatMap((x) => x.roles ?? []);
  const sizing = pack.hierarchies.flatMap((x) => x.sizing ?? []);
  const body = levels.map((l) => {
    const who = [
      `${h(t.responsible)}${colon(lang)}${h(pick(l.responsibleBody, lang))}`,
      ...(l.executedBy ? [`${h(t.executedBy)}${colon(lang)}${h(pick(l.executedBy, lang))}`] : []),
    ];
    const staffing = sizing.filter((s) => s.subject === l.id);
    const here = roles.filter((r) => r.level === l.id);
    const roleList = here.map(
      (r) =>
        `<li><strong>${h(pick(r.title, lang))}</strong>${r.heldBy ? ` (${h(t.heldBy)}${colon(lang)}${h(pick(r.heldBy, lang))})` : ''}${r.localDefault ? ` <span class="kind">${h(t.localDefault)}</span>` : ''}${duties(r.duties, lang)}</li>`,
    );
    return `<h3>${h(pick(l.title, lang))}</h3>
<p class="meta">${who.join(' · ')}</p>${duties(l.duties, lang)}${
      roleList.length ? `<p><strong>${h(t.roles)}</strong></p><ul>${roleList.join('')}</ul>` : ''
    }${staffing.length ? `<p>${h(t.staffing)}${colon(lang)}${h(staffing.map((s) => pick(s.title, lang)).join(lang === 'zh' ? '；' : '; '))}</p>` : ''}`;
  });
  return `<section class="levels" id="levels"><h2>${h(t.levels)}</h2>
${body.join('\n')}</section>`;
}
