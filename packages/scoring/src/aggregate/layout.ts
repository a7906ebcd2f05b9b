import { factCatalog, type ResolvedPack } from '@gridsafe/engine';

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

/** Slot index of each built-in counter. */
export const S = Object.fromEntries(BUILTIN.map((k, i) => [k, i])) as { [K in (typeof BUILTIN)[number]]: number };

/**
 * Where each fact is counted: the built-in slots, then every other number or boolean period fact
 * of the pack's catalogue (fed by `fact` records). Booleans are kept as 1 (true), -1 (false) or 0
 * (not reported).
 */
export interface Layout {
  size: number;
  index: Map<string, number>;
  names: string[];
  booleans: Set<number>;
  /** The catalogue's declared facts (only these reach the scorer). */
  declared: Map<string, string>;
}

/** The counter layout for a pack: built-ins plus the catalogue's period facts. */
export function layoutFor(pack: ResolvedPack): Layout {
  const names: string[] = [...BUILTIN];
  const declared = new Map<string, string>();
  for (const [id, f] of factCatalog(pack)) {
    if (f.scope !== 'period') continue;
    declared.set(id, f.type);
    if (!names.includes(id) && (f.type === 'integer' || f.type === 'number' || f.type === 'boolean')) names.push(id);
  }
  const index = new Map(names.map((n, i) => [n, i]));
  const booleans = new Set<number>([S['scheduling.reportedToOffice']]);
  for (const [id, type] of declared) if (type === 'boolean' && index.has(id)) booleans.add(index.get(id) as number);
  return { size: names.length, index, names, booleans, declared };
}
