import type { Issue } from '../errors/issues.js';
import { makeIssue } from '../errors/render.js';
import type { PackFile } from '../kinds/index.js';
import type { CheckedFile } from './file.js';
import { mergeChain } from './resolve/merge.js';
import { Origins } from './resolve/origins.js';
import { chainDates, linearize } from './resolve/select.js';
import type { PackSource, Placed, SourceRuleFile } from './resolve/types.js';
import { checkResolved } from './resolved.js';
import { locate, placerOf } from './source.js';
import { suggest } from './suggest.js';

/** A pack found among the files: its manifest and member files. */
export interface PackInfo {
  id: string;
  version: string;
  dir: string;
  manifest: CheckedFile;
  members: CheckedFile[];
}

const dirOf = (name: string) => (name.includes('/') ? name.slice(0, name.lastIndexOf('/')) : '.');
const joinPath = (dir: string, file: string) => (dir === '.' ? file : `${dir}/${file}`);

function packsOf(files: CheckedFile[], issues: Issue[]): PackInfo[] {
  const byName = new Map(files.map((f) => [f.source.name, f]));
  const packs: PackInfo[] = [];
  const seen = new Map<string, CheckedFile>();
  for (const f of files) {
    if (f.kind !== 'pack' || !f.data) continue;
    const m = f.data as PackFile;
    const key = `${m.id}@${m.version}`;
    const first = seen.get(key);
    if (first) {
      issues.push(makeIssue('pack.duplicate', locate(f.source, '/id'), { id: m.id, version: m.version, firstFile: first.source.name }));
      continue;
    }
    seen.set(key, f);
    const dir = dirOf(f.source.name);
    const members: CheckedFile[] = [];
    m.files.forEach((name, i) => {
      const member = byName.get(joinPath(dir, name));
      if (member) members.push(member);
      else issues.push(makeIssue('pack.missingFile', locate(f.source, `/files/${i}`), { file: name }, { found: name }));
    });
    packs.push({ id: m.id, version: m.version, dir, manifest: f, members });
  }
  const listed = new Set(packs.flatMap((p) => [p.manifest, ...p.members]));
  const packDirs = new Map(packs.map((p) => [p.dir, p]));
  for (const f of files) {
    const p = packDirs.get(dirOf(f.source.name));
    if (p && !listed.has(f)) {
      issues.push(makeIssue('pack.unlistedFile', locate(f.source, ''), { file: f.source.name, pack: p.id }, { severity: 'warning' }));
    }
  }
  return packs;
}

/**
 * Unknown parents and cycles, each pack's `extends` walked once (a depth-first search with three
 * colours, so shared parents cost nothing more). Returns the packs whose ancestry is broken.
 */
function checkExtends(packs: PackInfo[], issues: Issue[]): { broken: Set<string>; parents: Map<string, string[]> } {
  const ids = new Set(packs.map((p) => p.id));
  type Edge = { parent: string; pack: PackInfo; at: number };
  const parents = new Map<string, Edge[]>();
  const broken = new Set<string>();
  for (const p of packs) {
    const m = p.manifest.data as PackFile;
    const edges = parents.get(p.id) ?? [];
    m.extends.forEach((parent, i) => {
      if (ids.has(parent)) edges.push({ parent, pack: p, at: i });
      else {
        broken.add(p.id);
        const suggestion = suggest(parent, ids);
        issues.push(
          makeIssue(
            'ref.unknown',
            locate(p.manifest.source, `/extends/${i}`),
            { refKind: 'pack', id: parent, ...(suggestion ? { suggestion } : {}) },
            { found: parent },
          ),
        );
      }
    });
    parents.set(p.id, edges);
  }
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): void => {
    state.set(id, 'open');
    stack.push(id);
    for (const e of parents.get(id) ?? []) {
      const s = state.get(e.parent);
      if (s === 'open') {
        const cycle = [...stack.slice(stack.indexOf(e.parent)), e.parent];
        for (const c of cycle) broken.add(c);
        // Reported on each pack of the cycle, at its edge to the next, the cycle read from there.
        for (let k = 0; k < cycle.length - 1; k++) {
          const edge = (parents.get(cycle[k] as string) ?? []).find((x) => x.parent === cycle[k + 1]) as Edge;
          const from = [...cycle.slice(k, -1), ...cycle.slice(0, k), cycle[k] as string];
          issues.push(makeIssue('pack.extendsCycle', locate(edge.pack.manifest.source, `/extends/${edge.at}`), { cycle: from }));
        }
      } else if (s === undefined) visit(e.parent);
      if (broken.has(e.parent)) broken.add(id);
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const p of packs) if (!state.has(p.id)) visit(p.id);
  return { broken, parents: new Map([...parents].map(([id, es]) => [id, es.map((e) => e.parent)])) };
}

function checkEffective(packs: PackInfo[], issues: Issue[]): void {
  const end = (to: string | undefined) => to ?? '9999-12-31';
  packs.forEach((p, i) => {
    const a = p.manifest.data as PackFile;
    for (const q of packs.slice(0, i)) {
      const b = q.manifest.data as PackFile;
      if (a.region.code !== b.region.code) continue;
      if (a.effective.from <= end(b.effective.to) && b.effective.from <= end(a.effective.to)) {
        issues.push(
          makeIssue('pack.effectiveOverlap', locate(p.manifest.source, '/effective'), {
            region: a.region.code,
            other: `${b.id}@${b.version}`,
            otherFile: q.manifest.source.name,
          }),
        );
      }
    }
  });
}

const issueKey = (i: Issue) => `${i.code}|${i.file}|${i.line}|${i.column}|${i.pointer}|${i.message.en}`;

/** Every distinct chain a pack version may resolve to: undated (the latest versions) and on each day its parents change. */
function chainsOf(set: Map<string, PackSource[]>, source: PackSource): (PackSource[] | Issue[])[] {
  const out = new Map<string, PackSource[] | Issue[]>();
  const id = source.manifest.data.id;
  const dates: (string | undefined)[] = [undefined, ...chainDates(set, source)];
  for (const d of dates) {
    const chain = linearize(set, id, d);
    if (chain.length > 0 && 'code' in (chain[0] as object)) {
      out.set(`!${d}`, chain);
      continue;
    }
    const packs = chain as PackSource[];
    if (packs.at(-1) !== source) continue;
    out.set(packs.map((p) => `${p.manifest.data.id}@${p.manifest.data.version}`).join(','), packs);
  }
  return [...out.values()];
}

/**
 * Checks across files: pack membership, `extends` (unknown parents, cycles), then every pack is
 * resolved (its chain merged and its overlays applied, by the same resolver the evaluators use) and
 * the result checked as a whole: each file changed by an overlay against its schema, duplicate ids,
 * references, conditions against the fact catalogue, regexes, reachability of escalation tiers and
 * locked elements. A problem an overlay causes is located in that overlay; a pack whose parent is
 * invalid cannot be valid. Last, overlapping effective dates.
 */
export function checkPacks(files: CheckedFile[]): { packs: PackInfo[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const packs = packsOf(files, issues);
  const { broken, parents } = checkExtends(packs, issues);
  // A pack with a file that failed its own checks cannot be resolved, nor can anything extending it.
  for (const p of packs) if (![p.manifest, ...p.members].every((f) => f.data !== undefined)) broken.add(p.id);
  for (let changed = true; changed; ) {
    changed = false;
    for (const [id, ps] of parents)
      if (!broken.has(id) && ps.some((q) => broken.has(q))) {
        broken.add(id);
        changed = true;
      }
  }
  const placers = new Map<object, Placed>();
  const rule = (f: CheckedFile): SourceRuleFile => {
    const r = { name: f.source.name, text: f.source.text, data: f.data } as SourceRuleFile;
    placers.set(r, placerOf(r, f.source));
    return r;
  };
  const set = new Map<string, PackSource[]>();
  const infoOf = new Map<PackSource, PackInfo>();
  for (const p of packs) {
    if (broken.has(p.id)) continue;
    const source: PackSource = { manifest: rule(p.manifest) as PackSource['manifest'], files: p.members.map(rule) };
    set.set(p.id, [...(set.get(p.id) ?? []), source]);
    infoOf.set(source, p);
  }
  const placer = (f: SourceRuleFile) => placers.get(f) ?? placerOf(f);
  // Each pack's problems, by key, so a child reports only what it adds.
  const found = new Map<PackSource, Set<string>>();
  const resolve = (source: PackSource): Set<string> => {
    const known = found.get(source);
    if (known) return known;
    const keys = new Set<string>();
    found.set(source, keys);
    const info = infoOf.get(source) as PackInfo;
    const own = new Set([info.manifest.source.name, ...info.members.map((m) => m.source.name)]);
    for (const chain of chainsOf(set, source)) {
      if (chain.length > 0 && 'code' in (chain[0] as object)) {
        for (const i of chain as Issue[]) {
          keys.add(issueKey(i));
          issues.push(i);
        }
        continue;
      }
      const packsInChain = chain as PackSource[];
      const inherited = new Set<string>();
      for (const parent of packsInChain.slice(0, -1)) for (const k of resolve(parent)) inherited.add(k);
      const origins = new Origins();
      const merged = mergeChain(packsInChain, { origins, placer });
      const all = [...merged.issues, ...checkResolved(merged.workspace, source.manifest.data.id, origins)];
      for (const issue of all) {
        let i = issue;
        if (!own.has(i.file)) {
          if (inherited.has(issueKey(i))) continue;
          i = relocate(i, merged.workspace.removedBy, placer(source.manifest), source.manifest.data);
        }
        const k = issueKey(i);
        if (keys.has(k)) continue;
        keys.add(k);
        issues.push(i);
      }
    }
    return keys;
  };
  for (const versions of set.values()) for (const source of versions) resolve(source);
  checkEffective(packs, issues);
  const seen = new Set<string>();
  return {
    packs,
    issues: issues.filter((i) => {
      const k = issueKey(i);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    }),
  };
}

/**
 * A problem the child's overlays cause in what it inherits is reported in the child: at the
 * overlay that removed what is now missing, else at its overlays (or its `extends`), with the
 * inherited place as the related location.
 */
function relocate(issue: Issue, removedBy: Map<string, { src: Placed; index: number }>, manifest: Placed, data: PackFile): Issue {
  const named = (issue.params as { id?: unknown }).id;
  const remover = typeof named === 'string' ? removedBy.get(named) : undefined;
  const at =
    remover && remover.src.name === manifest.name
      ? manifest.at(`/overlays/${remover.index}`)
      : manifest.at(data.overlays && data.overlays.length > 0 ? '/overlays' : '/extends', true);
  const { file, line, column, pointer } = issue;
  return makeIssue(issue.code, at, issue.params as never, {
    severity: issue.severity,
    ...(issue.expected !== undefined ? { expected: issue.expected } : {}),
    ...(issue.found !== undefined ? { found: issue.found } : {}),
    related: { file, line, column, pointer },
  });
}
