import type { TopLevelCondition } from '../condition.js';
import type { RefKind } from '../errors/issues.js';
import type {
  CasesFile,
  CatalogFile,
  ChecklistFile,
  EscalationFile,
  HierarchyFile,
  PackFile,
  RequirementsFile,
  RuleFile,
  ScoringFile,
  StandardFile,
} from '../kinds/index.js';
import { indexEscalation } from './escalation-index.js';
import { indexOrganisation, indexOrganisationCase, indexRequirementsFile, indexRuleExtras } from './organisation.js';
import { indexScoreCase, indexScoring } from './scoring-index.js';
import { toPointer } from './source.js';

/** Something a file defines that others may name. */
export interface Def {
  refKind: RefKind;
  id: string;
  pointer: string;
  locked: boolean;
}
/** Something a file names. `local` refs resolve within the same file only. */
export interface Ref {
  refKinds: RefKind[];
  id: string;
  pointer: string;
  local?: boolean;
  /** For item refs in cases: the checklist (or standard, rules file) they belong to. */
  within?: string;
}
/** A condition to check against the fact catalogue. */
export interface ConditionSite {
  pointer: string;
  condition: TopLevelCondition;
  /** The answer type of the checklist item the condition belongs to, for the `answer` fact. */
  answerType?: string;
}
/** An element that must cite a source or be marked a local default. */
export interface CitedSite {
  pointer: string;
  label: string;
  value: { source?: unknown; localDefault?: boolean; reason?: unknown };
}

/** What one rule file defines, names, and must cite. */
export interface FileIndex {
  defs: Def[];
  refs: Ref[];
  conditions: ConditionSite[];
  cited: CitedSite[];
  /** Defs that live inside a parent: item id → checklist id, requirement id → standard id, … */
  parents: Map<string, string>;
  /** Elements a pack manifest's `add` overlays bring in, with the file (and collection) they go into. */
  added?: { id: string; into: string; pointer: string }[];
}

const answerTypes: Record<string, string> = { boolean: 'boolean', number: 'number', choice: 'string', text: 'string' };

type Withid = { id: string; locked?: boolean };

/** Index a schema-valid rule file. */
export function indexFile(file: RuleFile): FileIndex {
  const idx: FileIndex = { defs: [], refs: [], conditions: [], cited: [], parents: new Map() };
  const def = (refKind: RefKind, el: Withid, path: (string | number)[]) =>
    idx.defs.push({ refKind, id: el.id, pointer: toPointer(path), locked: el.locked === true });
  const ref = (refKinds: RefKind | RefKind[], id: string | undefined, path: (string | number)[], extra: Partial<Ref> = {}) => {
    if (id !== undefined)
      idx.refs.push({ refKinds: Array.isArray(refKinds) ? refKinds : [refKinds], id, pointer: toPointer(path), ...extra });
  };
  const cite = (label: string, value: CitedSite['value'], path: (string | number)[]) =>
    idx.cited.push({ label, value, pointer: toPointer(path) });
  const cond = (condition: TopLevelCondition | undefined, path: (string | number)[], answerType?: string) => {
    if (condition) idx.conditions.push({ condition, pointer: toPointer(path), ...(answerType ? { answerType } : {}) });
  };
  const each = <T>(xs: T[] | undefined, name: string, fn: (x: T, path: (string | number)[]) => void) =>
    xs?.forEach((x, i) => fn(x, [name, i]));

  idx.defs.push({ refKind: 'file', id: file.id, pointer: '/id', locked: false });
  switch (file.kind) {
    case 'pack': {
      const f = file as PackFile;
      f.extends.forEach((p, i) => ref('pack', p, ['extends', i]));
      each(f.overlays, 'overlays', (op, path) => {
        cite(`overlay ${op.op}`, op, path);
        if (op.op === 'add') {
          ref('file', op.into.split('#')[0], [...path, 'into']);
          const id = (op.element as { id?: unknown }).id;
          if (typeof id === 'string') {
            idx.added = [...(idx.added ?? []), { id, into: op.into, pointer: toPointer([...path, 'element']) }];
          }
        } else ref('element', op.target, [...path, 'target']);
      });
      break;
    }
    case 'catalog': {
      const f = file as CatalogFile;
      f.facts.forEach((fact, i) => idx.defs.push({ refKind: 'fact', id: fact.id, pointer: toPointer(['facts', i]), locked: false }));
      each(f.sectors, 'sectors', (s, path) => def('sector', s, path));
      each(f.departments, 'departments', (d, path) => {
        def('department', d, path);
        d.sectors?.forEach((s, i) => ref('sector', s, [...path, 'sectors', i]));
      });
      each(f.conditions, 'conditions', (c, path) => {
        def('condition', c, path);
        cond(c.condition, [...path, 'condition']);
      });
      break;
    }
    case 'hierarchy': {
      const f = file as HierarchyFile;
      each(f.levels, 'levels', (l, path) => {
        def('level', l, path);
        cite(`level "${l.id}"`, l, path);
        l.duties.forEach((d, j) => {
          def('element', d, [...path, 'duties', j]);
          cite(`duty "${d.id}"`, d, [...path, 'duties', j]);
        });
      });
      each(f.roles, 'roles', (r, path) => {
        def('role', r, path);
        cite(`role "${r.id}"`, r, path);
        ref('level', r.level, [...path, 'level']);
        r.duties.forEach((d, j) => {
          def('element', d, [...path, 'duties', j]);
          cite(`duty "${d.id}"`, d, [...path, 'duties', j]);
        });
      });
      each(f.cadences, 'cadences', (c, path) => {
        def('cadence', c, path);
        cite(`cadence "${c.id}"`, c, path);
        ref(['level', 'unit'], c.level, [...path, 'level']);
        ref('role', c.role, [...path, 'role']);
      });
      each(f.sizing, 'sizing', (s, path) => {
        def('element', s, path);
        cite(`sizing rule "${s.id}"`, s, path);
      });
      indexOrganisation(f, { def, ref, cite, each });
      break;
    }
    case 'checklist': {
      const f = file as ChecklistFile;
      ref('level', f.level, ['level']);
      ref('cadence', f.cadence, ['cadence']);
      each(f.items, 'items', (item, path) => {
        def('item', item, path);
        idx.parents.set(item.id, f.id);
        cite(`item "${item.id}"`, item, path);
        ref('sector', item.sector, [...path, 'sector']);
        const at = answerTypes[item.answer];
        cond(item.hazardWhen, [...path, 'hazardWhen'], at);
        if (item.severity.majorWhen) {
          cite(`severity of "${item.id}"`, item.severity, [...path, 'severity']);
          cond(item.severity.majorWhen, [...path, 'severity', 'majorWhen'], at);
        }
      });
      break;
    }
    case 'standard': {
      const f = file as StandardFile;
      if (f.passMarkSource) cite('passMark', f.passMarkSource, ['passMarkSource']);
      each(f.requirements, 'requirements', (r, path) => {
        def('requirement', r, path);
        idx.parents.set(r.id, f.id);
        cite(`requirement "${r.id}"`, r, path);
        cond(r.condition, [...path, 'condition']);
      });
      break;
    }
    case 'requirements': {
      const f = file as RequirementsFile;
      each(f.rules, 'rules', (r, path) => {
        def('rule', r, path);
        idx.parents.set(r.id, f.id);
        cite(`rule "${r.id}"`, r, path);
        ref('cadence', r.cadence, [...path, 'cadence']);
        r.evidence.forEach((e, i) => ref('fact', e, [...path, 'evidence', i]));
        cond(r.condition, [...path, 'condition']);
        indexRuleExtras(r, path, { def, ref, cite, each });
      });
      indexRequirementsFile(f, { def, ref, cite, each });
      break;
    }
    case 'escalation':
      indexEscalation(file as EscalationFile, { def, ref, cite, cond, each });
      break;
    case 'scoring':
      indexScoring(file as ScoringFile, { def, ref, cite });
      break;
    case 'cases':
      indexCases(file as CasesFile, { def, ref, cite, cond, each });
      break;
  }
  return idx;
}

interface Helpers {
  def: (k: RefKind, el: Withid, path: (string | number)[]) => void;
  ref: (k: RefKind | RefKind[], id: string | undefined, path: (string | number)[], extra?: Partial<Ref>) => void;
  cite: (label: string, value: CitedSite['value'], path: (string | number)[]) => void;
  cond: (c: TopLevelCondition | undefined, path: (string | number)[], answerType?: string) => void;
  each: <T>(xs: T[] | undefined, name: string, fn: (x: T, path: (string | number)[]) => void) => void;
}

function indexCases(f: CasesFile, { def, ref, cite, each }: Helpers): void {
  ref('pack', f.pack, ['pack']);
  each(f.cases, 'cases', (c, path) => {
    def('element', c, path);
    const facts = (c.input as { facts?: Record<string, unknown> }).facts;
    for (const k of Object.keys(facts ?? {})) ref('fact', k, [...path, 'input', 'facts', k]);
    switch (c.type) {
      case 'patrol':
        ref('file', c.checklist, [...path, 'checklist']);
        for (const k of Object.keys(c.input.answers)) ref('item', k, [...path, 'input', 'answers', k], { within: c.checklist });
        c.expect.hazards.forEach((h, i) => ref('item', h, [...path, 'expect', 'hazards', i], { within: c.checklist }));
        break;
      case 'station':
        ref('file', c.standard, [...path, 'standard']);
        c.expect.unmet.forEach((h, i) => ref('requirement', h, [...path, 'expect', 'unmet', i], { within: c.standard }));
        break;
      case 'requirements':
        ref('file', c.requirements, [...path, 'requirements']);
        c.expect.unsatisfied.forEach((h, i) => ref('rule', h, [...path, 'expect', 'unsatisfied', i], { within: c.requirements }));
        indexOrganisationCase(c, path, { def, ref, cite, each });
        break;
      case 'escalation':
        ref('file', c.escalation, [...path, 'escalation']);
        c.expect.path.forEach((t, i) => ref('tier', t, [...path, 'expect', 'path', i]));
        break;
      case 'score':
        indexScoreCase(c, path, ref);
        break;
      default:
        indexOrganisationCase(c, path, { def, ref, cite, each });
    }
  });
}
