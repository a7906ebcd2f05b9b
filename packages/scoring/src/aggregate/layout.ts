import { compileAll, factCatalog, type Predicate, type ResolvedPack } from '@gridsafe/engine';
import type { ScoringFile } from '@gridsafe/schema';

/** Counters every record kind feeds, by the catalogue fact they become (hz.* are internal). */
export const BUILTIN = [
  'patrols.planned',
  'patrols.done',
  'patrols.carriedOver',
  'patrols.missedUnreported',
  'patrols.missedNotCarriedOver',
  'records.total',
  'records.sameDay',
  'records.notSameDay',
  'hazards.recorded',
  'hazards.processed',
  'hazards.closed',
  'hazards.closedOnTime',
  'hazards.overdue',
  'hazards.extended',
  'hazards.returned',
  'hazards.reworked',
  'hazards.reportedImmediately',
  'hazards.reportedLate',
  'hz.general.open',
  'hz.general.handled',
  'hz.general.closed',
  'hz.major.open',
  'hz.major.handled',
  'hz.major.closed',
  'info.itemsSubmitted',
  'inspections.led',
  'inspections.spotChecks',
  'meetings.held',
  'cadres.visitsDone',
  'cadres.visitsWithoutRecord',
  'scheduling.reports',
  'scheduling.reportedToOffice',
  'reports.monthlySubmitted',
  'bulletins.issued',
  'training.sessions',
  'supervision.issuesRaised',
  'supervision.issuesClosed',
  'accidents.total',
  'accidents.seriousOrAbove',
  'accidents.majorOrAbove',
  'county.inspectionsLed',
  'county.meetingsHeld',
  'township.inspectionsLed',
  'township.meetingsHeld',
  'village.inspectionsHeld',
  'village.meetingsHeld',
] as const;

/** Facts the scorer computes from the unit tree and the cadences: no `fact` record may give them. */
export const DERIVED: ReadonlySet<string> = new Set([
  'actions.monthsWithAction',
  'inspections.required',
  'meetings.required',
  'cadres.visitsRequired',
  'grids.total',
  'grids.withWorker',
  'grids.withoutWorker',
  'hazards.found',
  'hazards.reported',
  'requirements.satisfied',
  'requirements.total',
]);

/** Slot index of each built-in counter. */
export const S = Object.fromEntries(BUILTIN.map((k, i) => [k, i])) as { [K in (typeof BUILTIN)[number]]: number };

/**
 * Where each fact is counted: the built-in slots, then every other number or boolean period fact
 * of the pack's catalogue (fed by `fact` records), then the scoring file's counts (fed by the
 * records they count). Booleans are kept as 1 (true), -1 (false) or 0 (not reported); a fact fed
 * by `fact` records is missing (not 0) until one gives it.
 */
export interface Layout {
  size: number;
  index: Map<string, number>;
  names: string[];
  booleans: Set<number>;
  /** Slots fed only by `fact` records: missing unless a record gives them. */
  factFed: Set<number>;
  /** The catalogue's declared facts and the scoring's counts (only these reach the scorer). */
  declared: Map<string, string>;
  /** The scoring's counts: slot, record kind, the condition's predicate and the field summed. */
  counts: { id: string; slot: number; record: string; where: Predicate | undefined; sum: string | undefined }[];
}

/** The counter layout for a pack and scoring file: built-ins, the catalogue's period facts, the file's counts. */
export function layoutFor(pack: ResolvedPack, file?: ScoringFile): Layout {
  const names: string[] = [...BUILTIN];
  const declared = new Map<string, string>();
  for (const [id, f] of factCatalog(pack)) {
    if (f.scope !== 'period') continue;
    declared.set(id, f.type);
    if (!names.includes(id) && (f.type === 'integer' || f.type === 'number' || f.type === 'boolean')) names.push(id);
  }
  const fed = names.length;
  for (const c of file?.counts ?? []) {
    if (names.includes(c.id)) continue;
    declared.set(c.id, c.sum ? 'number' : 'integer');
    names.push(c.id);
  }
  const index = new Map(names.map((n, i) => [n, i]));
  const booleans = new Set<number>([S['scheduling.reportedToOffice']]);
  for (const [id, type] of declared) if (type === 'boolean' && index.has(id)) booleans.add(index.get(id) as number);
  const counted = new Set((file?.counts ?? []).map((c) => c.id));
  const factFed = new Set<number>();
  for (let i = BUILTIN.length; i < fed; i++) {
    const name = names[i] as string;
    if (!booleans.has(i) && !DERIVED.has(name) && !counted.has(name)) factFed.add(i);
  }
  const none = new Map();
  const counts = (file?.counts ?? []).map((c) => ({
    id: c.id,
    slot: index.get(c.id) as number,
    record: c.record,
    where: c.where ? (compileAll([c.where], none, 'closure')[0] as Predicate) : undefined,
    sum: c.sum,
  }));
  return { size: names.length, index, names, booleans, factFed, declared, counts };
}
