import { namedConditions, type ResolvedPack } from '@gridsafe/engine';
import { type ScoringFile, scoringItems } from '@gridsafe/schema';
import { BUILTIN, DERIVED as ENGINE_DERIVED } from '../aggregate/layout.js';
import { occurrences } from '../cadence.js';
import { conditionFacts } from '../card/model.js';
import { type Period, subPeriods } from '../period.js';
import type { SyntheticUnit } from './units.js';

const DERIVED = new Set([...ENGINE_DERIVED, ...BUILTIN]);

/** A standard requirement's facts made true (or false) with a unit's quality. */
function stationFacts(pack: ResolvedPack, level: string, q: number, random: () => number): Record<string, unknown> | undefined {
  const standard = pack.standards.find((s) => s.appliesTo === level);
  if (!standard) return undefined;
  const ok = () => random() < 0.7 + 0.3 * q;
  return {
    'station.hasOffice': ok(),
    'station.hasGridMap': ok(),
    'station.hasStructureChart': ok(),
    'station.hasWorkerArchive': ok(),
    'station.hasUnitLedger': ok(),
    'station.hasOperatingRules': ok(),
    'grid.workerCount': ok() ? 2 : 0,
    'gridWorker.hasComputer': ok(),
    'gridWorker.kit': { handbook: ok(), badge: true, camera: true, helmet: true, flashlight: true },
    'area.hasNoticeBoard': ok(),
    'station.hasSafetyOffice': ok(),
    'station.hasInspectionSquad': ok(),
    'station.fullTimeInspectors': ok() ? 4 : 2,
    'station.equipment': ok() ? ['phone', 'computer', 'voiceRecorder', 'camera', 'vehicle'] : ['phone', 'computer'],
  };
}

/**
 * The records a unit's duties produce over the period: inspections and meetings per the pack's
 * cadences, cadre visits, information items, scheduling and monthly reports, training, supervision
 * issues, station facts, the catalogue facts the scoring reads that no record kind feeds, and
 * now and then an accident. Each is kept with a probability that rises with the unit's quality.
 */
export function* structureRecords(
  pack: ResolvedPack,
  file: ScoringFile,
  period: Period,
  units: readonly SyntheticUnit[],
  random: () => number,
  majorAccidentRate: number,
): Generator<Record<string, unknown>> {
  const cadences = pack.hierarchies.flatMap((h) => h.cadences ?? []);
  const months = subPeriods(period);
  const day = (m: Period) => `${m.start.slice(0, 8)}${String(1 + Math.floor(random() * m.days)).padStart(2, '0')}`;
  const catalog = new Map(pack.catalogs.flatMap((c) => c.facts.map((f) => [f.id, f.type] as const)));
  const counts = new Set((file.counts ?? []).map((c) => c.id));
  const extra = [
    ...new Set(
      scoringItems(file).flatMap((m) => [
        ...(m.numerator ? [m.numerator] : []),
        ...(m.denominator ? [m.denominator] : []),
        ...(m.deductions ?? []).flatMap((d) => (d.kind === 'perCount' ? [d.count] : [])),
      ]),
    ),
  ].filter((f) => !DERIVED.has(f) && !f.startsWith('station.') && !counts.has(f));
  // Facts a gate reads, and facts declared required, are given too (a missing one would be an error).
  const gateFacts = new Set<string>();
  for (const g of file.gates ?? []) conditionFacts(g.when, namedConditions(pack), gateFacts);
  for (const u of file.facts ?? []) if (u.required) gateFacts.add(u.id);
  for (const f of gateFacts) if (!extra.includes(f) && !DERIVED.has(f) && !counts.has(f) && !f.startsWith('station.')) extra.push(f);
  const accidentFields = (file.counts ?? []).some((c) => c.record === 'accident');
  const scored = new Set(file.units);
  for (const u of units) {
    const { id, level } = u.record;
    const q = u.quality;
    for (const m of months) {
      for (const c of cadences) {
        if (c.level !== level || (c.activity !== 'inspection' && c.activity !== 'meeting')) continue;
        const n = Math.max(occurrences(c, m), c.every === 'P3M' ? 0 : 1);
        for (let i = 0; i < n; i++) if (random() < q + 0.1) yield { type: c.activity, unit: id, date: day(m) };
      }
      for (const [role, staff] of Object.entries(u.record.staff ?? {})) {
        const c = cadences.find((x) => x.activity === 'visit' && x.role === role);
        if (!c) continue;
        for (let i = 0; i < staff * occurrences(c, m); i++) {
          if (random() < q + 0.1) yield { type: 'visit', unit: id, date: day(m), cadre: role, recorded: random() < q + 0.2 };
        }
      }
      if (!scored.has(level)) continue;
      for (let i = 0, n = Math.floor(q * 3.2); i < n; i++) yield { type: 'info', unit: id, date: day(m) };
      if (random() < q + 0.1) yield { type: 'scheduling', unit: id, date: day(m), toOffice: random() < q + 0.2 };
      if (random() < q + 0.1) yield { type: 'report', unit: id, date: day(m), kind: 'monthly' };
      if (random() < q * 0.8) yield { type: 'inspection', unit: id, date: day(m), kind: 'spot' };
      if (random() < q * 0.6) yield { type: 'training', unit: id, date: day(m) };
      const facts = stationFacts(pack, level, q, random);
      if (facts) yield { type: 'station', unit: id, date: m.end, facts };
      for (const f of extra) {
        const type = catalog.get(f);
        if (type === 'boolean') yield { type: 'fact', unit: id, date: m.end, fact: f, value: random() < q + 0.1 };
        else if (type === 'integer' && f.endsWith('Total')) yield { type: 'fact', unit: id, date: m.end, fact: f, value: 5 };
        else if (type === 'integer') yield { type: 'fact', unit: id, date: m.end, fact: f, value: Math.round(5 * Math.min(1, q + 0.05)) };
      }
      if (u.depth === 0 && m === months[months.length - 1]) {
        for (let i = 0; i < 4; i++) yield { type: 'supervision', unit: id, date: day(m), closed: random() < q };
      }
    }
    if (scored.has(level) && u.record.level === file.units[0] && random() < majorAccidentRate) {
      yield accidentFields
        ? { type: 'accident', unit: id, date: period.end, level: 'major', deaths: 10, seriousInjuries: 12, directLoss: 52_000_000 }
        : { type: 'accident', unit: id, date: period.end, level: 'major' };
    }
    // A standard that counts accidents by their deaths, injuries and loss also sees general ones.
    if (accidentFields && scored.has(level) && u.record.level === file.units[0] && random() < 0.3 * (1.2 - q)) {
      const deaths = random() < 0.3 ? 1 : 0;
      yield {
        type: 'accident',
        unit: id,
        date: period.end,
        level: 'general',
        deaths,
        seriousInjuries: deaths,
        directLoss: Math.round(random() * 3_000_000),
      };
    }
  }
}
