import type { ResolvedPack } from '@gridsafe/engine';
import { type Bilingual, HazardReport } from '@gridsafe/schema';
import type { Found } from './patrols.js';
import { between, choose, daysOf } from './rng.js';
import type { World } from './world.js';

/** The month's free-form hazard reports, and the hazards they open cases for. */
export interface ReportMonth {
  /** As a host would send them (`HazardReport` of @gridsafe/schema): no checklist item, a sector of the pack's catalog. */
  reports: HazardReport[];
  found: Found[];
}

/** About this many hazards a month in the township, as in the patrol demo. */
const PER_MONTH = 16;
/** The share the reporter judges major (there is no checklist to decide it). */
const MAJOR = 0.2;

/**
 * Simulate a month of free-form hazard reports in a township of a pack without checklists: now and
 * then a reporter of a grid-level unit finds a hazard in one of the catalog's sectors and reports it
 * at once, with photos and a plain description, and no checklist item.
 */
export function simulateReports(pack: ResolvedPack, world: World, month: string, random: () => number): ReportMonth {
  const ff = world.freeForm;
  const sectors = pack.catalogs.flatMap((c) => c.sectors ?? []);
  if (!ff || ff.posts.length === 0 || sectors.length === 0) return { reports: [], found: [] };
  const days = daysOf(month);
  const rate = PER_MONTH / (days.length * ff.posts.length);
  const reports: HazardReport[] = [];
  const found: Found[] = [];
  for (const day of days) {
    for (const post of ff.posts) {
      if (random() >= rate) continue;
      const id = `H${String(found.length + 1).padStart(3, '0')}`;
      const sector = choose(random, sectors);
      const severity: 'general' | 'major' = random() < MAJOR ? 'major' : 'general';
      const worker = choose(random, post.workers);
      const at = `${day}T${String(between(random, 8, 17)).padStart(2, '0')}:${String(between(random, 0, 59)).padStart(2, '0')}:00+08:00`;
      const photos = Array.from({ length: between(random, 1, 2) }, (_, i) => `photo://${post.id}/${id}-${i + 1}.jpg`);
      const text: Bilingual = {
        zh: `${post.name}发现${sector.title.zh}方面的安全隐患`,
        en: `${sector.title.en} hazard found in ${post.name}`,
      };
      const report = {
        id,
        gridId: post.id,
        reportedAt: at,
        reporter: { id: worker, role: ff.reporter.role },
        severity,
        description: text.zh,
        photos: photos.map((uri) => ({ uri, takenAt: at })),
        sector: sector.id,
      };
      // The codec is the contract with hosts: the report must be one a host could send.
      const decoded = HazardReport.decode(report);
      if (decoded._tag === 'Left') throw new Error(`invalid free-form hazard report ${id}`);
      reports.push(report as HazardReport);
      found.push({
        id,
        grid: post.id,
        unit: post.unit,
        worker,
        text,
        sector: sector.id,
        severity,
        at,
        photos,
        report: report as HazardReport,
      });
    }
  }
  return { reports, found };
}
