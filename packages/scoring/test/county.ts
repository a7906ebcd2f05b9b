// The made-up county (packages/scoring/test/fixtures/hexi): its pack, and a quarter of records for
// two townships of three villages each, written out so every number of its report can be checked.
import { type ResolvedPack, resolvePack } from '@gridsafe/engine';
import { loadPackSet } from '@gridsafe/engine/node';
import * as E from 'fp-ts/lib/Either.js';

/** The folder of the made-up county's pack. */
export const HEXI_DIR = new URL('./fixtures/hexi', import.meta.url).pathname;

let cached: ResolvedPack | undefined;
/** The made-up county's resolved pack. */
export function hexi(): ResolvedPack {
  if (cached) return cached;
  const set = loadPackSet(HEXI_DIR);
  if (E.isLeft(set)) throw new Error(set.left.map((i) => `${i.file}:${i.line} ${i.message.en}`).join('\n'));
  const r = resolvePack(set.right, 'hexi');
  if (E.isLeft(r)) throw new Error(r.left.map((i) => i.message.en).join('\n'));
  cached = r.right;
  return cached;
}

/** Facts of one township for a quarter that earn full marks: the base of the property tests. */
export const FULL: Readonly<Record<string, number | boolean>> = {
  'assessment.materialsSubmitted': true,
  'grids.total': 10,
  'grids.withWorker': 10,
  'info.itemsSubmitted': 6,
  'reports.monthlyMissing': 0,
  'hazards.processed': 50,
  'hazards.recorded': 50,
  'patrols.missedUnreported': 0,
  'accidents.concealed': false,
  'accidents.majorOrAbove': 0,
  'accidents.general': 0,
  'accidents.deaths': 0,
  'accidents.directLoss': 0,
  'accidents.aboveThreshold': 0,
};

const unit = (id: string, level: string, parent?: string, staff?: number) => ({
  type: 'unit',
  id,
  level: `hexi.level.${level}`,
  ...(parent ? { parent } : {}),
  name: id,
  ...(staff ? { staff: { 'grid-worker': staff } } : {}),
});

/**
 * A quarter (2026-Q3) of the county: township `east` does its work with a few slips (an assessor
 * takes 2 points off its patrol records, one general accident with a death and 2.5 million yuan of
 * loss, a monthly report missing then corrected), township `west` has a village without a grid
 * worker, so it fails a gate.
 */
export function countyRecords(): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [
    unit('county', 'county'),
    unit('east', 'township', 'county'),
    unit('west', 'township', 'county'),
    ...['e1', 'e2', 'e3'].map((v) => unit(v, 'village', 'east', 1)),
    unit('w1', 'village', 'west', 1),
    unit('w2', 'village', 'west', 1),
    unit('w3', 'village', 'west'),
  ];
  for (const t of ['east', 'west']) {
    for (const [m, month] of ['07', '08', '09'].entries()) {
      for (let i = 0; i < 2; i++) out.push({ type: 'info', unit: t, date: `2026-${month}-1${i}` });
      out.push({ type: 'fact', unit: t, date: `2026-${month}-28`, fact: 'assessment.materialsSubmitted', value: true });
      const missing = t === 'east' && m === 1 ? 1 : 0;
      out.push({
        type: 'fact',
        unit: t,
        date: `2026-${month}-28`,
        fact: 'reports.monthlyMissing',
        value: missing,
        id: `${t}-missing-${m}`,
      });
    }
  }
  // East: 20 hazards, 18 processed; 3 missed patrols not reported; one general accident.
  for (let i = 0; i < 20; i++)
    out.push({ type: 'hazard', unit: 'e1', date: '2026-07-05', tier: 'general', state: i < 18 ? 'closed' : 'open' });
  for (let i = 0; i < 3; i++) out.push({ type: 'patrol', unit: 'e2', date: '2026-08-03', status: 'missed', reported: false });
  out.push({ type: 'accident', unit: 'e3', date: '2026-08-20', level: 'general', deaths: 1, seriousInjuries: 0, directLoss: 2_500_000 });
  out.push({
    type: 'assessment',
    unit: 'east',
    date: '2026-09-30',
    deduction: 'hexi.deduct.patrol-records',
    value: 2,
    assessor: '县安监局 王某',
    reason: '巡查记录有3天缺页',
  });
  // East's August report was first entered as missing, then corrected: it had been sent.
  out.push({
    type: 'fact',
    unit: 'east',
    date: '2026-08-29',
    fact: 'reports.monthlyMissing',
    value: 0,
    id: 'east-missing-1b',
    supersedes: 'east-missing-1',
    reason: '录入有误：8月报告已按时报送',
  });
  // West: 10 hazards, all processed.
  for (let k = 0; k < 10; k++) out.push({ type: 'hazard', unit: 'w1', date: '2026-07-06', tier: 'general', state: 'handled' });
  return out;
}
