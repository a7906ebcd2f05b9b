import type { Period } from '../period.js';
import type { HazardRecord, PatrolTaskRecord, UnitRecord } from '../records/codec.js';
import { type Layout, S } from './layout.js';

/** What is kept for one unit: counters per month (own records only), never the records. */
export interface UnitCounters {
  id: string;
  /** months × layout.size counters. */
  own: Float64Array;
  decl?: UnitRecord;
  /** Index of the first declaration and of the first record naming the unit. */
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
  read = 0;
  outside = 0;
  private readonly width: number;

  constructor(
    readonly layout: Layout,
    readonly period: Period,
  ) {
    this.width = period.months.length * layout.size;
    period.months.forEach((m, mi) => {
      const [y, mo] = [Number(m.slice(0, 4)), Number(m.slice(5, 7))];
      const n = new Date(Date.UTC(y, mo, 0)).getUTCDate();
      for (let d = 1; d <= n; d++) this.dates.set(`${m}-${String(d).padStart(2, '0')}`, mi);
    });
  }

  private unit(id: string, index: number): UnitCounters {
    let u = this.units.get(id);
    if (!u) {
      u = { id, own: new Float64Array(this.width), firstIndex: index };
      this.units.set(id, u);
    }
    return u;
  }

  /** Declare a unit. Returns false when it contradicts an earlier declaration. */
  declare(r: UnitRecord, index: number): boolean {
    const u = this.unit(r.id, index);
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
    const own = this.unit(r.unit as string, index).own;
    const b = mi * this.layout.size;
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
        const u = this.unit(r.unit as string, index);
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
      case 'fact': {
        const slot = this.layout.index.get(r.fact as string);
        if (slot === undefined) return;
        const v = r.value;
        if (this.layout.booleans.has(slot)) own[b + slot] = v === true || own[b + slot] === 1 ? 1 : -1;
        else if (typeof v === 'number') own[b + slot] = (own[b + slot] as number) + v;
        return;
      }
    }
  }
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
