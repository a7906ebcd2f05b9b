import type { TopLevelCondition } from '../condition.js';
import type { Issue, RefKind } from '../errors/issues.js';
import { makeIssue } from '../errors/render.js';
import type { CatalogFile, EscalationFile, FactDecl, PackFile, ScoringFile } from '../kinds/index.js';
import { checkCondition } from './condition-check.js';
import type { Def } from './elements.js';
import type { CheckedFile } from './file.js';
import { scoringPackFileIssues } from './scoring-check.js';
import { locate } from './source.js';
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
/** Overlay `modify` may change only these fields of a locked element. */
const WORDING_FIELDS = new Set(['text', 'title', 'lookFor', 'note', 'description']);

interface Located {
  def: Def;
  file: CheckedFile;
}

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
  for (const p of packs) {
    for (const f of files) {
      if (!listed.has(f) && dirOf(f.source.name) === p.dir) {
        issues.push(makeIssue('pack.unlistedFile', locate(f.source, ''), { file: f.source.name, pack: p.id }, { severity: 'warning' }));
      }
    }
  }
  return packs;
}

function checkExtends(packs: PackInfo[], issues: Issue[]): { parents: Map<string, string[]>; orphans: Set<string> } {
  const orphans = new Set<string>();
  const ids = new Set(packs.map((p) => p.id));
  const parents = new Map<string, string[]>();
  for (const p of packs) {
    const m = p.manifest.data as PackFile;
    const known: string[] = [];
    m.extends.forEach((parent, i) => {
      if (ids.has(parent)) known.push(parent);
      else {
        orphans.add(p.id);
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
    parents.set(p.id, [...new Set([...(parents.get(p.id) ?? []), ...known])]);
  }
  // Cycles: a pack that reaches itself. Reported on each pack of the cycle, and the cycle's edges dropped.
  for (const p of packs) {
    const path: string[] = [];
    const visit = (id: string): string[] | undefined => {
      if (path.includes(id)) return [...path.slice(path.indexOf(id)), id];
      path.push(id);
      for (const q of parents.get(id) ?? []) {
        const c = visit(q);
        if (c) return c;
      }
      path.pop();
      return undefined;
    };
    const cycle = visit(p.id);
    if (cycle && cycle[0] === p.id) {
      const m = p.manifest.data as PackFile;
      const at = m.extends.indexOf(cycle[1] as string);
      issues.push(makeIssue('pack.extendsCycle', locate(p.manifest.source, `/extends/${at}`), { cycle }));
    }
  }
  for (const p of packs) {
    const reaches = (from: string, target: string, seen = new Set<string>()): boolean =>
      (parents.get(from) ?? []).some((q) => {
        if (q === target) return true;
        if (seen.has(q)) return false;
        seen.add(q);
        return reaches(q, target, seen);
      });
    if (reaches(p.id, p.id)) parents.set(p.id, []);
  }
  // A pack whose ancestry is incomplete cannot have its references checked.
  for (const p of packs) if (ancestorsOf(p.id, parents).some((a) => orphans.has(a))) orphans.add(p.id);
  return { parents, orphans };
}

function ancestorsOf(id: string, parents: Map<string, string[]>): string[] {
  const out: string[] = [];
  const walk = (x: string) => {
    for (const q of parents.get(x) ?? []) {
      if (!out.includes(q) && q !== id) {
        walk(q);
        out.push(q);
      }
    }
  };
  walk(id);
  return out;
}

function refIssue(file: CheckedFile, pointer: string, refKind: RefKind, id: string, known: Iterable<string>): Issue {
  const suggestion = suggest(id, known);
  return makeIssue('ref.unknown', locate(file.source, pointer), { refKind, id, ...(suggestion ? { suggestion } : {}) }, { found: id });
}

/** `def` in `file` repeats an id first defined at `prior`. */
function duplicateIssue(file: CheckedFile, def: Def, prior: Located): Issue {
  const firstAt = locate(prior.file.source, prior.def.pointer);
  return makeIssue(
    'id.duplicate',
    locate(file.source, `${def.pointer}/id`),
    { id: def.id, firstFile: prior.file.source.name, firstLine: firstAt.line },
    { found: def.id, related: firstAt },
  );
}

function checkPack(pack: PackInfo, visibleFiles: CheckedFile[], own: Set<CheckedFile>, complete: boolean, issues: Issue[]): void {
  const defs = new Map<string, Located>();
  const facts = new Map<string, FactDecl>();
  for (const file of visibleFiles) {
    if (file.kind === 'catalog' && file.data) for (const f of (file.data as CatalogFile).facts) if (!facts.has(f.id)) facts.set(f.id, f);
    for (const def of file.index?.defs ?? []) {
      if (def.refKind === 'fact') continue;
      const prior = defs.get(def.id);
      if (!prior) defs.set(def.id, { def, file });
      else if (own.has(file) && prior.file !== file) {
        issues.push(duplicateIssue(file, def, prior));
      }
    }
  }
  const parentOf = new Map<string, string>();
  for (const file of visibleFiles) for (const [child, parent] of file.index?.parents ?? []) parentOf.set(child, parent);
  addOverlayDefs(visibleFiles, own, defs, parentOf, issues);
  const namedConditions = new Set([...defs.values()].filter((l) => l.def.refKind === 'condition').map((l) => l.def.id));
  const ctx = { facts, conditions: namedConditions };

  for (const file of own) {
    const index = file.index;
    if (!index || !complete) continue;
    const localDefs = new Map(index.defs.map((d) => [d.id, d]));
    for (const ref of index.refs) {
      if (ref.refKinds.includes('pack') || ref.refKinds.includes('fact')) continue;
      const hit = ref.local ? (localDefs.has(ref.id) ? { def: localDefs.get(ref.id) as Def } : undefined) : defs.get(ref.id);
      const kindOk = hit && (ref.refKinds.includes('element') || ref.refKinds.includes(hit.def.refKind));
      const withinOk = !ref.within || parentOf.get(ref.id) === ref.within;
      if (!kindOk || !withinOk) {
        const kind = ref.refKinds[0] as RefKind;
        const pool = ref.local ? [...localDefs.values()] : [...defs.values()].map((l) => l.def);
        const known = pool
          .filter((d) => kind === 'element' || ref.refKinds.includes(d.refKind))
          .filter((d) => !ref.within || parentOf.get(d.id) === ref.within)
          .map((d) => d.id);
        issues.push(refIssue(file, ref.pointer, kind, ref.id, known));
      }
    }
    for (const ref of index.refs) {
      if (ref.refKinds.includes('fact') && !facts.has(ref.id)) issues.push(refIssue(file, ref.pointer, 'fact', ref.id, facts.keys()));
    }
    for (const site of index.conditions)
      checkCondition(file.source, site.condition as TopLevelCondition, site.pointer, ctx, site.answerType, issues);
    if (file.kind === 'escalation' && file.data) checkReachability(file, file.data as EscalationFile, issues);
    if (file.kind === 'scoring' && file.data) issues.push(...scoringPackFileIssues(file.data as ScoringFile, ctx, file.source));
  }
  checkOverlays(pack, defs, issues);
}

/**
 * Elements that `add` overlays bring in are defined too: of the kind the receiving collection holds
 * (an item in a checklist, a tier in an escalation policy…), inside the receiving file.
 */
function addOverlayDefs(
  visibleFiles: CheckedFile[],
  own: Set<CheckedFile>,
  defs: Map<string, Located>,
  parentOf: Map<string, string>,
  issues: Issue[],
): void {
  for (const file of visibleFiles) {
    for (const add of file.index?.added ?? []) {
      const [fileId, collection] = add.into.split('#') as [string, string | undefined];
      const target = visibleFiles.find((f) => (f.data as { id?: string } | undefined)?.id === fileId && f.kind !== 'pack');
      const shape = new RegExp(`^/${collection ?? '[^/]+'}/\\d+$`);
      const sibling = target?.index?.defs.find((d) => d.refKind !== 'file' && shape.test(d.pointer));
      const def: Def = { refKind: sibling?.refKind ?? 'element', id: add.id, pointer: add.pointer, locked: false };
      const prior = defs.get(add.id);
      if (!prior) {
        defs.set(add.id, { def, file });
        if (sibling && target?.index?.parents.get(sibling.id) === fileId) parentOf.set(add.id, fileId);
      } else if (own.has(file) && prior.file !== file) {
        issues.push(duplicateIssue(file, def, prior));
      }
    }
  }
}

function checkReachability(file: CheckedFile, esc: EscalationFile, issues: Issue[]): void {
  const tiers = new Set(esc.tiers.map((t) => t.id));
  const next = new Map<string, string[]>();
  for (const t of esc.tiers)
    next.set(t.id, [...(t.escalatesTo ? [t.escalatesTo] : []), ...(t.forwardsTo ?? []).filter((x) => tiers.has(x))]);
  for (const s of esc.skips ?? []) next.set(s.from, [...(next.get(s.from) ?? []), s.to]);
  const reached = new Set<string>([esc.entry]);
  const queue = [esc.entry];
  while (queue.length > 0) {
    for (const n of next.get(queue.shift() as string) ?? []) {
      if (!reached.has(n)) {
        reached.add(n);
        queue.push(n);
      }
    }
  }
  esc.tiers.forEach((t, i) => {
    if (!reached.has(t.id))
      issues.push(makeIssue('escalation.unreachableTier', locate(file.source, `/tiers/${i}`), { tier: t.id, entry: esc.entry }));
  });
}

function checkOverlays(pack: PackInfo, defs: Map<string, Located>, issues: Issue[]): void {
  const m = pack.manifest.data as PackFile;
  m.overlays?.forEach((op, i) => {
    if (op.op === 'add') return;
    const target = defs.get(op.target);
    if (!target?.def.locked) return;
    const weakening = op.op === 'remove' || (op.op === 'modify' && Object.keys(op.set).some((k) => !WORDING_FIELDS.has(k)));
    if (!weakening) return;
    const definedAt = locate(target.file.source, target.def.pointer);
    issues.push(
      makeIssue(
        'pack.lockedElement',
        locate(pack.manifest.source, `/overlays/${i}`),
        { target: op.target, op: op.op, definedIn: target.file.source.name, definedLine: definedAt.line },
        { related: definedAt },
      ),
    );
  });
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

/**
 * Checks across files: pack membership, `extends` (unknown parents, cycles), duplicate ids in a
 * pack and what it inherits, references, conditions against the fact catalogue, reachability of
 * escalation tiers, locked elements, and overlapping effective dates.
 */
export function checkPacks(files: CheckedFile[]): { packs: PackInfo[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const packs = packsOf(files, issues);
  const { parents, orphans } = checkExtends(packs, issues);
  for (const pack of packs) {
    const ancestors = ancestorsOf(pack.id, parents).flatMap((id) => packs.filter((p) => p.id === id));
    const visible = [...ancestors.flatMap((p) => [p.manifest, ...p.members]), pack.manifest, ...pack.members];
    const complete = !orphans.has(pack.id) && visible.every((f) => f.data !== undefined);
    checkPack(pack, visible, new Set([pack.manifest, ...pack.members]), complete, issues);
  }
  checkEffective(packs, issues);
  return { packs, issues };
}
