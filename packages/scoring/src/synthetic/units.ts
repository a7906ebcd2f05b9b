import type { ResolvedPack } from '@gridsafe/engine';
import type { ScoringFile } from '@gridsafe/schema';

/** A synthetic unit: its declaration and the quality (0–1) that drives how well it does. */
export interface SyntheticUnit {
  record: { type: 'unit'; id: string; level: string; parent?: string; name: string; staff?: Record<string, number> };
  quality: number;
  depth: number;
}

/** The levels to generate, top first: the scored levels and the one above them if the hierarchy has it. */
export function levelChain(pack: ResolvedPack, file: ScoringFile): { id: string; zh: string }[] {
  const levels = pack.hierarchies.flatMap((h) => h.levels ?? []);
  const index = (id: string) => levels.findIndex((l) => l.id === id);
  const bottom = index(file.units[0] as string);
  const top = index(file.units[file.units.length - 1] as string);
  if (bottom < 0 || top < 0) return [...file.units].reverse().map((id) => ({ id, zh: id }));
  return levels.slice(Math.max(0, top - 1), bottom + 1).map((l) => ({ id: l.id, zh: l.title.zh.replace(/[(（].*$/, '') }));
}

/** Build the unit tree: one root, `fanout[i]` children per unit at depth i, qualities from `random`. */
export function buildUnits(pack: ResolvedPack, file: ScoringFile, fanout: readonly number[], random: () => number): SyntheticUnit[] {
  const chain = levelChain(pack, file);
  const cadences = pack.hierarchies.flatMap((h) => h.cadences ?? []);
  const visitRoles = [...new Set(cadences.filter((c) => c.activity === 'visit' && c.role).map((c) => c.role as string))];
  const workerRole = cadences.find((c) => c.activity === 'patrol' && c.role)?.role ?? 'grid-worker';
  const out: SyntheticUnit[] = [];
  const make = (depth: number, id: string, name: string, parent: string | undefined): void => {
    const level = chain[depth] as { id: string; zh: string };
    const leaf = depth === chain.length - 1;
    const quality = 0.55 + 0.45 * random();
    const staff: Record<string, number> = {};
    if (depth === 0) visitRoles.forEach((r, i) => (staff[r] = 2 + i * 3));
    if (leaf && random() < 0.6 + 0.4 * quality) staff[workerRole] = 1;
    out.push({
      record: { type: 'unit', id, level: level.id, ...(parent ? { parent } : {}), name, ...(Object.keys(staff).length ? { staff } : {}) },
      quality,
      depth,
    });
    if (leaf) return;
    const n = fanout[depth] ?? 3;
    const child = chain[depth + 1] as { id: string; zh: string };
    for (let i = 1; i <= n; i++) {
      const cid = `${id}-${String(i).padStart(2, '0')}`;
      make(depth + 1, cid, depth === 0 ? `${child.zh}${i}` : `${name}·${child.zh}${i}`, id);
    }
  };
  make(0, 'U', chain[0]?.zh ?? 'root', undefined);
  return out;
}
