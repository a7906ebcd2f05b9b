// Validation of the organisation constructs of a hierarchy file (places, unit kinds, bodies, phases,
// milestones, consequences, scoped and unnumbered cadences, open sizing measures) and of what a
// requirements rule binds and produces: what each defines, names and cites, and the checks across
// fields of one element that a JSON Schema cannot say.
import type { Issue, RefKind } from '../errors/issues.js';
import { makeIssue } from '../errors/render.js';
import type { HierarchyFile, OperationalRule, RequirementsFile, RuleFile, TestCase } from '../kinds/index.js';
import type { Duty } from '../kinds/organisation.js';
import { locate, type SourceFile } from './source.js';

type Path = (string | number)[];

/** What the file indexer lends to the indexing of these constructs. */
export interface Helpers {
  def: (k: RefKind, el: { id: string; locked?: boolean }, path: Path) => void;
  ref: (k: RefKind | RefKind[], id: string | undefined, path: Path) => void;
  cite: (label: string, value: { source?: unknown; localDefault?: boolean; reason?: unknown }, path: Path) => void;
  each: <T>(xs: T[] | undefined, name: string, fn: (x: T, path: Path) => void) => void;
}

/** Index the duties (or tasks) of an element: each is an element that must cite. */
function duties(ds: readonly Duty[] | undefined, path: Path, field: string, { def, cite }: Helpers): void {
  ds?.forEach((d, j) => {
    def('element', d, [...path, field, j]);
    cite(`duty "${d.id}"`, d, [...path, field, j]);
  });
}

/** A level or unit kind: what cadences, sizing rules and requirements may bind. */
const LEVEL_OR_UNIT = ['level', 'unit'] as const;

/**
 * Index the organisation constructs of a hierarchy file and the fields the format gained for them
 * (a cadence's `each` and `scope`, a sizing rule's `role`, `of`, `subject` and `scope`, a role's
 * `scope`). Levels, roles and the rest of cadences and sizing are indexed by `indexFile`.
 */
export function indexOrganisation(f: HierarchyFile, h: Helpers): void {
  const { def, ref, cite, each } = h;
  const scope = (s: { places: string[] } | undefined, path: Path) =>
    s?.places.forEach((p, i) => ref('place', p, [...path, 'scope', 'places', i]));
  each(f.roles, 'roles', (r, path) => scope(r.scope, path));
  each(f.cadences, 'cadences', (c, path) => {
    ref([...LEVEL_OR_UNIT], c.each, [...path, 'each']);
    scope(c.scope, path);
  });
  each(f.sizing, 'sizing', (s, path) => {
    ref([...LEVEL_OR_UNIT], s.subject, [...path, 'subject']);
    ref('role', s.role, [...path, 'role']);
    ref('level', s.of, [...path, 'of']);
    scope(s.scope, path);
  });
  each(f.places, 'places', (p, path) => {
    def('place', p, path);
    cite(`place "${p.id}"`, p, path);
    ref('level', p.level, [...path, 'level']);
  });
  each(f.units, 'units', (u, path) => {
    def('unit', u, path);
    cite(`unit kind "${u.id}"`, u, path);
    ref('level', u.beside, [...path, 'beside']);
    u.departments?.forEach((d, i) => ref('department', d, [...path, 'departments', i]));
    duties(u.duties, path, 'duties', h);
  });
  const seat = (s: { role?: string; department?: string } | undefined, path: Path) => {
    ref('role', s?.role, [...path, 'role']);
    ref('department', s?.department, [...path, 'department']);
  };
  each(f.bodies, 'bodies', (b, path) => {
    def('body', b, path);
    cite(`body "${b.id}"`, b, path);
    ref('level', b.level, [...path, 'level']);
    seat(b.chair, [...path, 'chair']);
    seat(b.lead, [...path, 'lead']);
    seat(b.office?.head, [...path, 'office', 'head']);
    b.deputies?.forEach((s, i) => seat(s, [...path, 'deputies', i]));
    b.members?.forEach((s, i) => seat(s, [...path, 'members', i]));
    scope(b.scope, path);
    duties(b.duties, path, 'duties', h);
  });
  each(f.phases, 'phases', (p, path) => {
    def('phase', p, path);
    cite(`phase "${p.id}"`, p, path);
    duties(p.tasks, path, 'tasks', h);
  });
  each(f.milestones, 'milestones', (m, path) => {
    def('element', m, path);
    cite(`milestone "${m.id}"`, m, path);
    ref('phase', m.phase, [...path, 'phase']);
    duties(m.tasks, path, 'tasks', h);
  });
  each(f.consequences, 'consequences', (c, path) => {
    def('consequence', c, path);
    cite(`consequence "${c.id}"`, c, path);
    ref(['level', 'role', 'body', 'unit', 'department'], c.by, [...path, 'by']);
  });
}

/** Index what a requirements rule binds (`appliesTo`, `scope`) and produces (`onUnsatisfied`, `onSatisfied`). */
export function indexRuleExtras(r: OperationalRule, path: Path, { ref }: Helpers): void {
  r.appliesTo?.forEach((x, i) => ref([...LEVEL_OR_UNIT], x, [...path, 'appliesTo', i]));
  r.scope?.places.forEach((p, i) => ref('place', p, [...path, 'scope', 'places', i]));
  r.onUnsatisfied?.forEach((c, i) => ref('consequence', c, [...path, 'onUnsatisfied', i]));
  r.onSatisfied?.forEach((c, i) => ref('consequence', c, [...path, 'onSatisfied', i]));
}

/** Index what a test case of these constructs names: phases and milestones, the unit's level and places, bodies. */
export function indexOrganisationCase(c: TestCase, path: Path, { ref }: Helpers): void {
  const ids = (xs: readonly string[] | undefined, at: Path, kinds: RefKind[]) => xs?.forEach((x, i) => ref(kinds, x, [...at, i]));
  const keys = (o: object | undefined, at: Path, kinds: RefKind[]) => {
    for (const k of Object.keys(o ?? {})) ref(kinds, k, [...at, k]);
  };
  switch (c.type) {
    case 'milestones':
      keys(c.input.done, [...path, 'input', 'done'], ['phase', 'element']);
      ids(c.expect.due, [...path, 'expect', 'due'], ['phase', 'element']);
      ids(c.expect.overdue, [...path, 'expect', 'overdue'], ['phase', 'element']);
      keys(c.expect.state, [...path, 'expect', 'state'], ['phase', 'element']);
      break;
    case 'sizing':
      ref([...LEVEL_OR_UNIT], c.input.unit.level, [...path, 'input', 'unit', 'level']);
      ids(c.input.unit.places, [...path, 'input', 'unit', 'places'], ['place']);
      keys(c.input.unit.holders, [...path, 'input', 'unit', 'holders'], ['role']);
      keys(c.input.unit.units, [...path, 'input', 'unit', 'units'], ['level']);
      keys(c.expect.status, [...path, 'expect', 'status'], ['element']);
      ids(c.expect.outOfScope, [...path, 'expect', 'outOfScope'], ['element']);
      break;
    case 'bodies':
      keys(c.input.bodies, [...path, 'input', 'bodies'], ['body']);
      break;
    case 'plan':
      c.input.grids.forEach((g, i) => {
        ref([...LEVEL_OR_UNIT], g.level, [...path, 'input', 'grids', i, 'level']);
        ids(g.places, [...path, 'input', 'grids', i, 'places'], ['place']);
      });
      keys(c.expect.tasks, [...path, 'expect', 'tasks'], ['cadence']);
      c.expect.unscheduled.forEach((u, i) => ref('cadence', u.split('@')[0], [...path, 'expect', 'unscheduled', i]));
      break;
    case 'requirements':
      ref([...LEVEL_OR_UNIT], c.input.unit?.level, [...path, 'input', 'unit', 'level']);
      ids(c.input.unit?.places, [...path, 'input', 'unit', 'places'], ['place']);
      ids(c.expect.consequences, [...path, 'expect', 'consequences'], ['consequence']);
      ids(c.expect.skipped, [...path, 'expect', 'skipped'], ['rule']);
      break;
  }
}

/** Index a requirements file's `periodSource`, which must cite or be marked. */
export function indexRequirementsFile(f: RequirementsFile, { cite }: Helpers): void {
  if (f.periodSource) cite('period', f.periodSource, ['periodSource']);
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date exists (2017-02-29 does not; 2016-02-29 does).
 *
 * @example
 * ```ts
 * import { periodDateExists } from '@gridsafe/schema';
 * console.log(periodDateExists('2017-09'), periodDateExists('2017-02-29')); // true false
 * ```
 */
export function periodDateExists(date: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), m[2] === undefined ? 1 : Number(m[2]), m[3] === undefined ? 1 : Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (mo === 2 && !leap ? 28 : (DAYS[mo - 1] as number));
}

/**
 * The first and last day a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date covers: `2017-09` is
 * 2017-09-01 to 2017-09-30. `undefined` for a date that does not exist.
 *
 * @example
 * ```ts
 * import { periodDateRange } from '@gridsafe/schema';
 * console.log(periodDateRange('2016-02')); // { first: '2016-02-01', last: '2016-02-29' }
 * ```
 */
export function periodDateRange(date: string): { first: string; last: string } | undefined {
  if (typeof date !== 'string' || !periodDateExists(date)) return undefined;
  const [y, mo, d] = date.split('-');
  if (d !== undefined) return { first: date, last: date };
  if (mo === undefined) return { first: `${y}-01-01`, last: `${y}-12-31` };
  const year = Number(y);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = Number(mo) === 2 && !leap ? 28 : (DAYS[Number(mo) - 1] as number);
  return { first: `${y}-${mo}-01`, last: `${y}-${mo}-${String(days)}` };
}

const COUNTED_PEOPLE = new Set(['gridWorkers', 'fullTimeInspectors', 'holders']);

function hierarchyIssues(file: SourceFile, f: HierarchyFile): Issue[] {
  const out: Issue[] = [];
  f.cadences?.forEach((c, i) => {
    const at = (field?: string) => locate(file, `/cadences/${i}${field ? `/${field}` : ''}`, field !== undefined);
    const numbered = c.every !== undefined;
    if (numbered && c.frequency !== undefined) out.push(makeIssue('cadence.interval', at('frequency'), { cadence: c.id, problem: 'both' }));
    else if (!numbered && c.frequency === undefined && c.count === undefined)
      out.push(makeIssue('cadence.interval', at(), { cadence: c.id, problem: 'neither' }));
    else if (!numbered && c.count !== undefined)
      out.push(makeIssue('cadence.interval', at('count'), { cadence: c.id, problem: 'countWithoutEvery' }));
    else if (numbered && c.count === undefined)
      out.push(makeIssue('cadence.interval', at('every'), { cadence: c.id, problem: 'everyWithoutCount' }));
  });
  f.sizing?.forEach((s, i) => {
    const at = (field: string) => locate(file, `/sizing/${i}/${field}`, true);
    const need = (field: 'role' | 'of', wanted: boolean, has: boolean) => {
      if (wanted && !has)
        out.push(makeIssue('sizing.measure', at('measure'), { rule: s.id, measure: s.measure, field, problem: 'missing' }));
      if (!wanted && has)
        out.push(makeIssue('sizing.measure', at(field), { rule: s.id, measure: s.measure, field, problem: 'unexpected' }));
    };
    need('role', s.measure === 'holders', s.role !== undefined);
    need('of', s.measure === 'units', s.of !== undefined);
    if (s.employment !== undefined && !COUNTED_PEOPLE.has(s.measure))
      out.push(
        makeIssue('sizing.measure', at('employment'), { rule: s.id, measure: s.measure, field: 'employment', problem: 'unexpected' }),
      );
    if (s.min !== undefined && s.max !== undefined && s.min > s.max)
      out.push(makeIssue('sizing.bounds', at('min'), { rule: s.id, min: s.min, max: s.max }));
  });
  const dated = [
    ...(f.phases ?? []).map((p, i) => ({ label: `phase "${p.id}"`, pointer: `/phases/${i}`, from: p.from, by: p.by })),
    ...(f.milestones ?? []).map((m, i) => ({ label: `milestone "${m.id}"`, pointer: `/milestones/${i}`, from: undefined, by: m.by })),
  ];
  for (const d of dated) {
    let ok = true;
    for (const field of ['from', 'by'] as const) {
      const v = d[field];
      if (v !== undefined && !periodDateExists(v)) {
        ok = false;
        out.push(makeIssue('date.invalid', locate(file, `${d.pointer}/${field}`), { date: v }, { found: v }));
      }
    }
    const from = d.from === undefined ? undefined : periodDateRange(d.from);
    const by = d.by === undefined ? undefined : periodDateRange(d.by);
    if (ok && from && by && from.first > by.last)
      out.push(
        makeIssue('phase.dates', locate(file, `${d.pointer}/from`), { element: d.label, from: d.from as string, by: d.by as string }),
      );
  }
  return out;
}

/**
 * Checks across the fields of one element that the JSON Schema cannot state: a cadence has a
 * period (`every` with `count`) or a `frequency`, never both; a sizing rule has the `role` or `of`
 * its measure needs and nothing it cannot use, and its `min` is not above its `max`; a phase's or
 * milestone's dates exist and a phase does not start after its deadline.
 */
export function organisationIssues(file: SourceFile, data: RuleFile): Issue[] {
  return data.kind === 'hierarchy' ? hierarchyIssues(file, data as HierarchyFile) : [];
}
