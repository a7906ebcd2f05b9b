import type { ResolvedPack } from '@gridsafe/engine';
import type { ChecklistFile, Level } from '@gridsafe/schema';
import { pick } from '../i18n.js';
import { buildDutyWorld } from './duty-world.js';
import { choose } from './rng.js';
import type { Unit, World } from './world-types.js';

export type { Unit, World } from './world-types.js';

const SURNAMES = ['陈', '林', '黄', '郑', '李', '王', '张', '吴', '刘', '蔡', '许', '杨'];
const GIVEN = ['志强', '秀英', '建华', '丽珍', '文斌', '美玲', '国庆', '雪梅', '海峰', '春燕', '明辉', '玉兰', '晓东', '金凤'];
const VILLAGES = ['东山', '溪口', '南湖', '后洋', '仙峰', '紫泽'];
const TOWNSHIPS: Record<string, string> = { xianyou: '榜头镇' };

/**
 * Build one township of a region: the levels above and below it, four villages, three grids each.
 * A pack without checklists gets its township from its hierarchy instead (see {@link buildDutyWorld}).
 */
export function buildWorld(pack: ResolvedPack, regionName: string, random: () => number): World {
  const checklists = pack.checklists;
  const first = checklists[0];
  if (!first) return buildDutyWorld(pack, regionName, random);
  const levels: Level[] = pack.hierarchies.flatMap((h) => h.levels ?? []).sort((a, b) => a.rank - b.rank);
  const scored = new Set(pack.scorings[0]?.units ?? []);
  const gridLevel = levels.find((l) => l.id === first.level);
  const gridRank = gridLevel?.rank ?? levels.length;
  const above = levels.filter((l) => l.rank < gridRank);
  const preferred = above.find((l) => l.rank === gridRank - 2 && scored.has(l.id));
  const focusLevel = preferred ?? [...above].reverse().find((l) => scored.has(l.id)) ?? above[0];
  const chain = levels.filter((l) => l.rank >= (focusLevel?.rank ?? 1) - 1 && l.rank <= gridRank);
  const units: Unit[] = [];
  const grids: World['grids'] = [];
  const cadence = pack.hierarchies.flatMap((h) => h.cadences ?? []).find((c) => c.id === first.cadence);
  const workerRole = cadence?.role ?? 'grid-worker';
  let focus: Unit | undefined;
  let g = 0;
  const make = (depth: number, id: string, name: string, parent: string | undefined) => {
    const level = chain[depth] as Level;
    const isGrid = level.id === gridLevel?.id || depth === chain.length - 1;
    if (isGrid) {
      const checklist = checklists[g % checklists.length] as ChecklistFile;
      g++;
      const worker = `${choose(random, SURNAMES)}${choose(random, GIVEN)}`;
      const unit = scored.has(level.id) ? id : (parent as string);
      if (scored.has(level.id)) units.push({ id, level: level.id, name, ...(parent ? { parent } : {}), staff: { [workerRole]: 1 } });
      grids.push({ id, gridType: checklist.gridType, level: level.id, worker, unit, name, checklist });
      return;
    }
    const unit: Unit = { id, level: level.id, name, ...(parent ? { parent } : {}) };
    units.push(unit);
    if (level.id === focusLevel?.id) focus = unit;
    const children = level.id === focusLevel?.id ? 4 : focus ? 3 : 1;
    for (let i = 1; i <= children; i++) {
      const childLevel = chain[depth + 1] as Level;
      const childGrid = childLevel.id === gridLevel?.id;
      const suffix = pick(childLevel.title, 'zh').includes('社区') && !pick(childLevel.title, 'zh').includes('村') ? '社区' : '村';
      const childName = childGrid
        ? `${name}${i}号网格`
        : level.id === focusLevel?.id
          ? `${VILLAGES[i - 1]}${suffix}`
          : (TOWNSHIPS[pack.id] ?? '示范镇');
      make(depth + 1, `${id}-${i}`, childName, id);
    }
    if (unit.level !== focusLevel?.id && grids.length > 0 && !unit.staff) {
      const mine = grids.filter((x) => x.unit === id).length;
      if (mine > 0) unit.staff = { [workerRole]: mine };
    }
  };
  make(0, pack.id, regionName, undefined);
  return { units, focus: focus ?? (units[0] as Unit), grids, activity: cadence?.activity ?? 'patrol' };
}
