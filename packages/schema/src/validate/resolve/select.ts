import type { Issue } from '../../errors/issues.js';
import { makeIssue } from '../../errors/render.js';
import { placerOf } from '../source.js';
import type { PackSet, PackSource } from './types.js';

const END = '9999-12-31';
const inForce = (p: PackSource, date: string) => p.manifest.data.effective.from <= date && date <= (p.manifest.data.effective.to ?? END);

function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((x) => Number.parseInt(x, 10));
  const pb = b.split(/[.-]/).map((x) => Number.parseInt(x, 10));
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

const REQUEST = { file: '(request)', line: 1, column: 1, pointer: '' };
const at = (source: PackSource, pointer: string) => placerOf(source.manifest).at(pointer);

/**
 * The version of pack `id` in force on `asOf`, or the latest version when no date is given. A
 * location is computed only when something is wrong.
 */
export function selectVersion(
  set: PackSet,
  id: string,
  asOf: string | undefined,
  from: PackSource | undefined,
  pointer: string,
): PackSource | Issue {
  const versions = set.get(id) ?? [];
  const where = () => (from ? at(from, pointer) : REQUEST);
  if (versions.length === 0) return makeIssue('ref.unknown', where(), { refKind: 'pack', id }, { found: id });
  if (asOf === undefined) {
    let best = versions[0] as PackSource;
    for (const v of versions) if (compareVersions(v.manifest.data.version, best.manifest.data.version) > 0) best = v;
    return best;
  }
  let current: PackSource | undefined;
  for (const v of versions) {
    if (!inForce(v, asOf)) continue;
    if (current) {
      return makeIssue('pack.effectiveOverlap', at(v, '/effective'), {
        region: v.manifest.data.region.code,
        other: `${current.manifest.data.id}@${current.manifest.data.version}`,
        otherFile: current.manifest.name,
      });
    }
    current = v;
  }
  return current ?? makeIssue('ref.unknown', where(), { refKind: 'pack', id: `${id} (in force on ${asOf})` }, { found: id });
}

/**
 * The chain of pack versions to merge, parents before children, each once. Cycles and unknown
 * parents are located errors. Each pack is visited once, however many paths lead to it. Arguments
 * of the wrong type give a `codec.invalid` issue; never throws on a set of schema-valid packs.
 *
 * @example
 * ```ts
 * import { linearize, type PackSet } from '@gridsafe/schema';
 * declare const set: PackSet;
 * const chain = linearize(set, 'chibi', undefined);
 * console.log(chain.map((x) => ('code' in x ? x.code : `${x.manifest.data.id}@${x.manifest.data.version}`)));
 * ```
 */
export function linearize(set: PackSet, id: string, asOf: string | undefined): PackSource[] | Issue[] {
  if (!(set instanceof Map) || typeof id !== 'string' || (asOf !== undefined && typeof asOf !== 'string'))
    return [makeIssue('codec.invalid', REQUEST, { expected: 'a pack set (Map), a pack id and an optional date' })];
  const order: PackSource[] = [];
  const done = new Set<string>();
  const issues: Issue[] = [];
  const visiting: string[] = [];
  const visit = (pid: string, from: PackSource | undefined, pointer: string): void => {
    if (done.has(pid)) return;
    if (visiting.includes(pid)) {
      const cycle = [...visiting.slice(visiting.indexOf(pid)), pid];
      issues.push(makeIssue('pack.extendsCycle', from ? at(from, pointer) : REQUEST, { cycle }));
      return;
    }
    const chosen = selectVersion(set, pid, asOf, from, pointer);
    if ('code' in chosen) {
      done.add(pid);
      issues.push(chosen);
      return;
    }
    visiting.push(pid);
    chosen.manifest.data.extends.forEach((parent, i) => visit(parent, chosen, `/extends/${i}`));
    visiting.pop();
    done.add(pid);
    order.push(chosen);
  };
  visit(id, undefined, '');
  return issues.length > 0 ? issues : order;
}

/**
 * The dates on which the chain of `source` may change: its own start, and each start and the day
 * after each end of every version of every pack it could draw on, within its own effective range.
 */
export function chainDates(set: PackSet, source: PackSource): string[] {
  const { from, to = END } = source.manifest.data.effective;
  const dates = new Set<string>([from]);
  const seen = new Set<string>();
  const stack = [...source.manifest.data.extends];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const v of set.get(id) ?? []) {
      const e = v.manifest.data.effective;
      for (const d of [e.from, e.to ? dayAfter(e.to) : undefined]) if (d && d > from && d <= to) dates.add(d);
      stack.push(...v.manifest.data.extends);
    }
  }
  return [...dates].sort();
}

function dayAfter(date: string): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(t) ? date : new Date(t + 86_400_000).toISOString().slice(0, 10);
}
