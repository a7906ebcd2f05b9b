import type { TopLevelCondition } from '../condition.js';
import type { Issue, RefKind } from '../errors/issues.js';
import { makeIssue } from '../errors/render.js';
import { type CasesFile, type CatalogFile, type EscalationFile, type FactDecl, isRuleFileKind, type ScoringFile } from '../kinds/index.js';
import { checkCondition, type Loc } from './condition-check.js';
import { type Def, type FileIndex, indexFile } from './elements.js';
import { checkEscalation } from './escalation-check.js';
import type { Origins } from './resolve/origins.js';
import type { WorkingFile, Workspace } from './resolve/overlay.js';
import { checkSchema } from './schema-check.js';
import { scoringPackFileIssues } from './scoring-check.js';
import { suggest } from './suggest.js';

/** A file of a resolved pack, ready for the checks across files. */
interface View {
  file: WorkingFile;
  loc: Loc;
  index: FileIndex;
}

interface Located {
  def: Def;
  view: View;
}

function refIssue(view: View, pointer: string, refKind: RefKind, id: string, known: Iterable<string>): Issue {
  const suggestion = suggest(id, known);
  return makeIssue('ref.unknown', view.loc(pointer), { refKind, id, ...(suggestion ? { suggestion } : {}) }, { found: id });
}

function duplicateIssue(view: View, def: Def, prior: Located): Issue {
  const firstAt = prior.view.loc(prior.def.pointer);
  return makeIssue(
    'id.duplicate',
    view.loc(`${def.pointer}/id`),
    { id: def.id, firstFile: firstAt.file, firstLine: firstAt.line },
    { found: def.id, related: firstAt },
  );
}

/**
 * Check a resolved pack as a whole: each file an overlay changed against the schema of its kind
 * (so an added element, a modified field or a set parameter is checked as what it produces), then
 * duplicate ids, references, facts, conditions and regexes, and escalation reachability over every
 * file of the pack. Problems are located where the offending value was written.
 */
export function checkResolved(ws: Workspace, packId: string, origins: Origins): Issue[] {
  const issues: Issue[] = [];
  const views: View[] = [];
  for (const file of ws.files.values()) {
    const data = file.data;
    const loc: Loc = (p, k = false) => origins.locate(data, p, k) ?? file.src.at(p, k);
    if (ws.touched.has(file)) {
      const kind = (data as { kind?: unknown }).kind;
      const found = isRuleFileKind(kind)
        ? checkSchema(loc, kind, data)
        : [makeIssue('file.unknownKind', loc('/kind'), { kind: String(kind), allowed: [] })];
      if (found.length > 0) {
        issues.push(...found);
        continue;
      }
    }
    views.push({ file, loc, index: indexFile(data) });
  }

  const defs = new Map<string, Located>();
  const facts = new Map<string, FactDecl>();
  const parentOf = new Map<string, string>();
  for (const view of views) {
    if (view.file.data.kind === 'catalog') for (const f of (view.file.data as CatalogFile).facts) if (!facts.has(f.id)) facts.set(f.id, f);
    const ownFacts = new Map<string, Def>();
    for (const def of view.index.defs) {
      if (def.refKind === 'fact') {
        const prior = ownFacts.get(def.id);
        if (prior) issues.push(duplicateIssue(view, def, { def: prior, view }));
        else ownFacts.set(def.id, def);
        continue;
      }
      const prior = defs.get(def.id);
      if (!prior) defs.set(def.id, { def, view });
      else issues.push(duplicateIssue(view, def, prior));
    }
    for (const [child, parent] of view.index.parents) parentOf.set(child, parent);
  }
  const namedConditions = new Set([...defs.values()].filter((l) => l.def.refKind === 'condition').map((l) => l.def.id));
  const ctx = { facts, conditions: namedConditions };

  for (const view of views) {
    const { index, file } = view;
    // A parent's cases are the parent's: they are checked when the parent is.
    if (file.data.kind === 'cases' && (file.data as CasesFile).pack !== packId) continue;
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
        issues.push(refIssue(view, ref.pointer, kind, ref.id, known));
      }
    }
    for (const ref of index.refs) {
      if (ref.refKinds.includes('fact') && !facts.has(ref.id)) issues.push(refIssue(view, ref.pointer, 'fact', ref.id, facts.keys()));
    }
    for (const site of index.conditions)
      checkCondition(view.loc, site.condition as TopLevelCondition, site.pointer, ctx, site.answerType, issues);
    if (file.data.kind === 'escalation') checkEscalation(view.loc, file.data as EscalationFile, issues);
    if (file.data.kind === 'scoring') issues.push(...scoringPackFileIssues(file.data as ScoringFile, ctx, view.loc));
  }
  return issues;
}
