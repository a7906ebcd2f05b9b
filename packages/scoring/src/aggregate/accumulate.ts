import type { Issue, Location } from '@gridsafe/schema';
import type { AssessorValue } from '../card/types.js';
import type { Period } from '../period.js';
import type { HazardRecord, PatrolTaskRecord, UnitRecord } from '../records/codec.js';
import { type Correction, Entries } from './entries.js';
import { type Layout, S } from './layout.js';

/** What is kept for one unit: counters per month (own records only), never the records. */
export interface UnitCounters {
  id: string;
  /** months × layout.size counters. */
  own: Float64Array;
  /** Which fact-fed slots a `fact` record gave, per month (allocated on the first one). */
  seen?: Uint8Array;
  decl?: UnitRecord;
  /** Position of the first declaration and of the first record naming the unit. */
  declIndex?: number;
  firstIndex: number;
  /** Latest station facts (by date, ties broken by content so record order never matters). */
  station?: { date: string; key: string; facts: Record<string, unknown>; stationType?: string };
}

/**
 * Folds records into per-unit, per-month counters in bounded memory: the state grows with the
 * number of units and months, never with the number of records.
 */
export class Accumulator {
  readonly units = new Map<string, UnitCounters>();
  /** Each day of the period → its month index. */
  readonly dates = new Map<string, number>();
  /** `fact` records' values, resolved (corrections applied) by {@link Accumulator.settle}. */
  readonly facts = new Entries<number | boolean>();
  /** Assessors' values of range deductions, resolved like facts. */
  readonly assessments = new Entries<number>();
  read = 0;
  outside = 0;
  /** Units named by records and not (yet) declared. */
  pending = 0;
  /** Set when a record names one undeclared unit more than `maxPending` allows. */
  overflow: { unit: string; pos: number } | undefined;
  /** Set when one unit, fact and month get more records than a correction chain may hold. */
  crowded: { unit: string; pos: number } | undefined;
  private readonly width: number;
  private readonly counted: Map<string, Layout['counts']>;

  constructor(
    readonly layout: Layout,
    readonly period: Period,
    readonly maxPending = 10_000,
  ) {
    this.counted = new Map();
    for (const c of layout.counts) this.counted.set(c.record, [...(this.counted.get(c.record) ?? []), c]);
    this.width = period.months.length * layout.size;
    period.months.forEach((m, mi) => {
      const [y, mo] = [Number(m.slice(0, 4)), Number(m.slice(5, 7))];
      const n = new Date(Date.UTC(y, mo, 0)).getUTCDate();
      for (let d = 1; d <= n; d++) this.dates.set(`${m}-${String(d).padStart(2, '0')}`, mi);
    });
  }

  private create(id: string, index: number): UnitCounters {
    const u: UnitCounters = { id, own: new Float64Array(this.width), firstIndex: index };
    this.units.set(id, u);
    return u;
  }

  /** The counters of a unit a record names; undefined (and `overflow` set) past the pending limit. */
  private unit(id: string, index: number): UnitCounters | undefined {
    const u = this.units.get(id);
    if (u) return u;
    if (this.pending >= this.maxPending) {
      this.overflow ??= { unit: id, pos: index };
      return undefined;
    }
    this.pending++;
    return this.create(id, index);
  }

  /** Declare a unit. Returns false when it contradicts an earlier declaration. */
  declare(r: UnitRecord, index: number): boolean {
    let u = this.units.get(r.id);
    if (!u) u = this.create(r.id, index);
    else if (!u.decl) this.pending--;
    if (!u.decl) {
      u.decl = r;
      u.declIndex = index;
      return true;
    }
    return u.decl.level === r.level && u.decl.parent === r.parent;
  }

  /** Count one valid, dated record; records dated outside the period are counted as such and skipped. */
  add(r: Record<string, unknown>, index: number): void {
    this.read++;
    const mi = this.dates.get(r.date as string);
    if (mi === undefined) {
      this.outside++;
      return;
    }
    const u = this.unit(r.unit as string, index);
    if (!u) return;
    const own = u.own;
    const b = mi * this.layout.size;
    if (this.counted.size > 0) this.count(r, own, b);
    switch (r.type) {
      case 'patrol':
        patrol(own, b, r as unknown as PatrolTaskRecord);
        return;
      case 'hazard':
        hazard(own, b, r as unknown as HazardRecord, this.period.end);
        return;
      case 'info':
        inc(own, b + S['info.itemsSubmitted']);
        return;
      case 'inspection':
        inc(own, b + (r.kind === 'spot' ? S['inspections.spotChecks'] : S['inspections.led']));
        return;
      case 'meeting':
        inc(own, b + S['meetings.held']);
        return;
      case 'visit':
        inc(own, b + (r.recorded === false ? S['cadres.visitsWithoutRecord'] : S['cadres.visitsDone']));
        return;
      case 'scheduling':
        inc(own, b + S['scheduling.reports']);
        if (r.toOffice === true) own[b + S['scheduling.reportedToOffice']] = 1;
        else if (own[b + S['scheduling.reportedToOffice']] === 0) own[b + S['scheduling.reportedToOffice']] = -1;
        return;
      case 'report':
        inc(own, b + (r.kind === 'bulletin' ? S['bulletins.issued'] : S['reports.monthlySubmitted']));
        return;
      case 'training':
        inc(own, b + S['training.sessions']);
        return;
      case 'supervision':
        inc(own, b + S['supervision.issuesRaised']);
        if (r.closed === true) inc(own, b + S['supervision.issuesClosed']);
        return;
      case 'accident':
        inc(own, b + S['accidents.total']);
        if (r.level !== 'general') inc(own, b + S['accidents.seriousOrAbove']);
        if (r.level === 'major' || r.level === 'extraordinary') inc(own, b + S['accidents.majorOrAbove']);
        return;
      case 'station': {
        const key = JSON.stringify([r.facts, r.stationType ?? null]);
        const date = r.date as string;
        if (!u.station || date > u.station.date || (date === u.station.date && key > u.station.key)) {
          u.station = {
            date,
            key,
            facts: r.facts as Record<string, unknown>,
            ...(r.stationType ? { stationType: r.stationType as string } : {}),
          };
        }
        return;
      }
      case 'fact':
        if (!this.facts.add(u.id, r.fact as string, this.period.months[mi] as string, entry(r, index, r.value as number | boolean)))
          this.crowded ??= { unit: u.id, pos: index };
        return;
      case 'assessment':
        if (!this.assessments.add(u.id, r.deduction as string, this.period.months[mi] as string, entry(r, index, r.value as number)))
          this.crowded ??= { unit: u.id, pos: index };
        return;
    }
  }

  /** Add a record to the scoring's counts of its kind whose condition it meets. */
  private count(r: Record<string, unknown>, own: Float64Array, b: number): void {
    const cs = this.counted.get(r.type as string);
    if (!cs) return;
    for (const c of cs) {
      if (c.where && !c.where(r)) continue;
      const v = c.sum === undefined ? 1 : r[c.sum];
      if (typeof v === 'number') own[b + c.slot] = (own[b + c.slot] as number) + v;
    }
  }

  /**
   * Resolve the `fact` and `assessment` records (corrections applied) and write the facts that
   * stand into the counters. Returns the corrections, the assessors' values by unit, and problems.
   */
  settle(at: (pos: number, field: string) => Location): {
    corrections: Correction[];
    assessed: Map<string, Map<string, AssessorValue[]>>;
    issues: Issue[];
  } {
    const f = this.facts.resolve(at);
    const size = this.layout.size;
    for (const { unit, fact, month, entry: e } of f.winners) {
      const u = this.units.get(unit);
      const slot = this.layout.index.get(fact);
      const mi = this.period.months.indexOf(month);
      if (!u || slot === undefined || mi < 0) continue;
      const i = mi * size + slot;
      u.own[i] = this.layout.booleans.has(slot) ? (e.value === true ? 1 : -1) : (e.value as number);
      u.seen ??= new Uint8Array(u.own.length);
      u.seen[i] = 1;
    }
    const a = this.assessments.resolve(at);
    const assessed = new Map<string, Map<string, AssessorValue[]>>();
    for (const { unit, fact, month, entry: e } of a.winners) {
      const byDeduction = assessed.get(unit) ?? new Map<string, AssessorValue[]>();
      assessed.set(unit, byDeduction);
      const list = byDeduction.get(fact) ?? [];
      byDeduction.set(fact, list);
      list.push({ assessor: e.assessor ?? '', value: e.value, reason: e.reason ?? '', month });
    }
    for (const list of [...assessed.values()].flatMap((m) => [...m.values()]))
      list.sort((x, y) => ((x.month ?? '') < (y.month ?? '') ? -1 : 1));
    return { corrections: [...f.corrections, ...a.corrections], assessed, issues: [...f.issues, ...a.issues] };
  }
}

/** A record's value with its id, what it supersedes and why. */
function entry<V>(r: Record<string, unknown>, pos: number, value: V) {
  return {
    value,
    pos,
    ...(typeof r.id === 'string' ? { id: r.id } : {}),
    ...(typeof r.supersedes === 'string' ? { supersedes: r.supersedes } : {}),
    ...(typeof r.reason === 'string' ? { reason: r.reason } : {}),
    ...(typeof r.assessor === 'string' ? { assessor: r.assessor } : {}),
  };
}

function patrol(own: Float64Array, b: number, r: PatrolTaskRecord): void {
  inc(own, b + S['patrols.planned']);
  if (r.status === 'missed') {
    inc(own, b + S['patrols.missedNotCarriedOver']);
    if (r.reported !== true) inc(own, b + S['patrols.missedUnreported']);
    return;
  }
  inc(own, b + S['patrols.done']);
  if (r.status === 'carried') inc(own, b + S['patrols.carriedOver']);
  inc(own, b + S['records.total']);
  const ref = r.doneOn ?? r.date;
  if (r.recordedOn === undefined || r.recordedOn <= ref) inc(own, b + S['records.sameDay']);
  else inc(own, b + S['records.notSameDay']);
}

function hazard(own: Float64Array, b: number, r: HazardRecord, asOf: string): void {
  inc(own, b + S['hazards.recorded']);
  if (r.reportedImmediately === false) inc(own, b + S['hazards.reportedLate']);
  else inc(own, b + S['hazards.reportedImmediately']);
  const major = r.tier === 'major';
  if (r.state === 'open') {
    inc(own, b + (major ? S['hz.major.open'] : S['hz.general.open']));
    if (r.dueOn !== undefined && r.dueOn < asOf) inc(own, b + S['hazards.overdue']);
  } else {
    inc(own, b + S['hazards.processed']);
    if (r.state === 'handled') {
      inc(own, b + (major ? S['hz.major.handled'] : S['hz.general.handled']));
      if (r.dueOn !== undefined && r.dueOn < asOf) inc(own, b + S['hazards.overdue']);
    } else {
      inc(own, b + (major ? S['hz.major.closed'] : S['hz.general.closed']));
      inc(own, b + S['hazards.closed']);
      const late = r.dueOn !== undefined && r.closedOn !== undefined && r.closedOn > r.dueOn;
      inc(own, b + (late ? S['hazards.overdue'] : S['hazards.closedOnTime']));
    }
  }
  if (r.extended === true) inc(own, b + S['hazards.extended']);
  if (r.returned === true) inc(own, b + S['hazards.returned']);
  if (r.reworked === true) inc(own, b + S['hazards.reworked']);
}

function inc(a: Float64Array, i: number): void {
  a[i] = (a[i] as number) + 1;
}
