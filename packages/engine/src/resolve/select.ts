import { type Issue, locatePointer, makeIssue } from '@gridsafe/schema';
import type { PackSet, PackSource } from './types.js';

const inForce = (p: PackSource, date: string) =>
  p.manifest.data.effective.from <= date && date <= (p.manifest.data.effective.to ?? '9999-12-31');

function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((x) => Number.parseInt(x, 10));
  const pb = b.split(/[.-]/).map((x) => Number.parseInt(x, 10));
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

function at(source: PackSource, pointer: string) {
  const { name, text } = source.manifest;
  return text ? locatePointer(text, name, pointer) : { file: name, line: 1, column: 1, pointer };
}

/** The version of pack `id` in force on `asOf`, or the latest version when no date is given. */
export function selectVersion(
  set: PackSet,
  id: string,
  asOf: string | undefined,
  from: PackSource | undefined,
  pointer: string,
): PackSource | Issue {
  const versions = set.get(id) ?? [];
  const where = from ? at(from, pointer) : { file: '(request)', line: 1, column: 1, pointer: '' };
  if (versions.length === 0) {
    return makeIssue('ref.unknown', where, { refKind: 'pack', id }, { found: id });
  }
  if (asOf === undefined)
    return [...versions].sort((a, b) => compareVersions(b.manifest.data.version, a.manifest.data.version))[0] as PackSource;
  const current = versions.filter((v) => inForce(v, asOf));
  if (current.length === 1) return current[0] as PackSource;
  if (current.length > 1) {
    const [a, b] = current as [PackSource, PackSource];
    return makeIssue('pack.effectiveOverlap', at(b, '/effective'), {
      region: b.manifest.data.region.code,
      other: `${a.manifest.data.id}@${a.manifest.data.version}`,
      otherFile: a.manifest.name,
    });
  }
  return makeIssue('ref.unknown', where, { refKind: 'pack', id: `${id} (in force on ${asOf})` }, { found: id });
}

/**
 * The chain of pack versions to merge, parents before children, each once. Cycles and unknown
 * parents are located errors.
 */
export function linearize(set: PackSet, id: string, asOf: string | undefined): PackSource[] | Issue[] {
  const order: PackSource[] = [];
  const issues: Issue[] = [];
  const visiting: string[] = [];
  const visit = (pid: string, from: PackSource | undefined, pointer: string): void => {
    if (order.some((p) => p.manifest.data.id === pid)) return;
    if (visiting.includes(pid)) {
      const cycle = [...visiting.slice(visiting.indexOf(pid)), pid];
      issues.push(
        makeIssue('pack.extendsCycle', from ? at(from, pointer) : { file: '(request)', line: 1, column: 1, pointer: '' }, { cycle }),
      );
      return;
    }
    const chosen = selectVersion(set, pid, asOf, from, pointer);
    if ('code' in chosen) {
      issues.push(chosen);
      return;
    }
    visiting.push(pid);
    chosen.manifest.data.extends.forEach((parent, i) => visit(parent, chosen, `/extends/${i}`));
    visiting.pop();
    order.push(chosen);
  };
  visit(id, undefined, '');
  return issues.length > 0 ? issues : order;
}
