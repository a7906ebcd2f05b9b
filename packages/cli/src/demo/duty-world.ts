import type { ResolvedPack } from '@gridsafe/engine';
import type { Level } from '@gridsafe/schema';
import { between, choose } from './rng.js';
import type { FreeForm, Post, Unit, World } from './world-types.js';

export type { FreeForm, Holder, Post } from './world-types.js';

const SURNAMES = ['陈', '林', '黄', '郑', '李', '王', '张', '吴', '刘', '蔡', '许', '杨'];
const GIVEN = ['志强', '秀英', '建华', '丽珍', '文斌', '美玲', '国庆', '雪梅', '海峰', '春燕', '明辉', '玉兰', '晓东', '金凤'];
const VILLAGES = ['东山', '溪口', '南湖', '后洋', '仙峰', '紫泽'];
/** Cadre holders of each visiting role per unit (the seeds do not say how many). */
const CADRES = 2;
/** Units of a level below the scored ones (an enterprise level) per grid-level unit. */
const BELOW = 3;

const person = (random: () => number) => `${choose(random, SURNAMES)}${choose(random, GIVEN)}`;
/** The short name in a level title's brackets, e.g. 园区管理办公室(园办) → 园办. */
const shortTitle = (zh: string) => /[(（]([^)）、]+)[)）]/.exec(zh)?.[1];

/**
 * Build one township of a pack without checklists from its hierarchy: the region, the scored level
 * above the grid level (the focus), and four units of the grid level (the lowest scored level).
 * Cadres of the roles whose cadences are visits staff their units; the grid level's workers (as the
 * pack's sizing allows) report hazards.
 */
export function buildDutyWorld(pack: ResolvedPack, regionName: string, random: () => number): World {
  const hierarchies = pack.hierarchies;
  const levels: Level[] = hierarchies.flatMap((h) => h.levels ?? []).sort((a, b) => a.rank - b.rank);
  const roles = hierarchies.flatMap((h) => h.roles ?? []);
  const cadences = hierarchies.flatMap((h) => h.cadences ?? []);
  const sizing = hierarchies.flatMap((h) => h.sizing ?? []);
  const scored = new Set(pack.scorings[0]?.units ?? []);
  const escalation = pack.escalations[0];
  const entry = escalation?.tiers.find((t) => t.id === escalation.entry);
  const gridLevel = [...levels].reverse().find((l) => scored.has(l.id)) ?? (levels.at(-1) as Level);
  const above = levels.filter((l) => l.rank < gridLevel.rank);
  const focusLevel = [...above].reverse().find((l) => scored.has(l.id)) ?? above.at(-1) ?? gridLevel;
  const chain = levels.filter((l) => l.rank >= focusLevel.rank - 1 && l.rank <= gridLevel.rank);
  const role = roles.find((r) => r.level === entry?.level || r.level === gridLevel.id);
  const size = sizing.find((s) => s.subject === gridLevel.id && s.measure === 'gridWorkers');
  const visitRoles = roles.filter((r) => cadences.some((c) => c.activity === 'visit' && c.role === r.id));
  const units: Unit[] = [];
  const posts: Post[] = [];
  const holders: FreeForm['holders'] = [];
  let focus: Unit | undefined;
  const make = (depth: number, id: string, name: string, parent: string | undefined) => {
    const level = chain[depth] as Level;
    const staff: Record<string, number> = {};
    for (const r of visitRoles) if (r.level === level.id) staff[r.id] = CADRES;
    if (level.id === gridLevel.id) {
      const workers = Array.from({ length: size ? between(random, size.min ?? 1, size.max ?? size.min ?? 1) : 1 }, () => person(random));
      if (role) staff[role.id] = workers.length;
      posts.push({ id, unit: id, name, workers });
    }
    const unit: Unit = { id, level: level.id, name, ...(parent ? { parent } : {}), ...(Object.keys(staff).length ? { staff } : {}) };
    units.push(unit);
    holders.push({ id, level: level.id, name, unit: id });
    for (const r of visitRoles.filter((x) => x.level === level.id))
      for (let k = 1; k <= CADRES; k++) holders.push({ id: `${id}:${r.id}#${k}`, level: level.id, name, unit: id, role: r.id });
    if (level.id === focusLevel.id) focus = unit;
    if (level.id === gridLevel.id) return;
    const child = chain[depth + 1] as Level;
    const n = level.id === focusLevel.id ? 4 : 1;
    for (let i = 1; i <= n; i++) {
      const title = child.title.zh;
      const childName =
        child.id === focusLevel.id
          ? `示范${shortTitle(title) ?? '镇'}`
          : title.includes('网格')
            ? `${name}${i}号网格`
            : `${VILLAGES[i - 1]}${title.includes('社区') && !title.includes('村') ? '社区' : '村'}`;
      make(depth + 1, `${id}-${i}`, childName, id);
    }
  };
  make(0, pack.id, regionName, undefined);
  // Levels below the scored ones that the cadences still give duties to (an enterprise level): a few per grid unit, kept off the unit tree.
  for (const l of levels.filter((x) => x.rank > gridLevel.rank && cadences.some((c) => c.level === x.id)))
    for (const p of posts)
      for (let k = 1; k <= BELOW; k++) holders.push({ id: `${p.id}:${l.id}#${k}`, level: l.id, name: `${p.name}·${l.title.zh}${k}` });
  return {
    units,
    focus: focus ?? (units[0] as Unit),
    grids: [],
    activity: 'patrol',
    freeForm: {
      gridLevel,
      posts,
      reporter: role ? { role: role.id, title: role.title } : { role: entry?.id ?? 'reporter', title: entry?.actor ?? gridLevel.title },
      holders,
    },
  };
}
