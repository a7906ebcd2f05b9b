import type { ChecklistItem, Severity } from '@gridsafe/schema';
import type { Facts } from '../compile/types.js';
import type { ResolvedPack } from '../resolve/types.js';
import type { PreparedPatrol } from './patrol-steps.js';
import type { Finding, FindingYield, PatrolOptions, PatrolResult, PatrolSummary } from './patrol-types.js';
import { routeOf } from './route.js';

type Explain = NonNullable<PatrolOptions['explain']>;

/** A finding's fixed part, built property by property in one order: object spreads are slow here. */
function base(item: ChecklistItem, n: number, status: Finding['status']): Finding {
  const required = item.evidence.photo === 'required';
  return {
    item: item.id,
    number: item.number,
    text: item.text,
    sector: item.sector,
    itemKind: item.itemKind,
    status,
    evidence: { required, photos: n, present: !required || n >= (item.evidence.minPhotos ?? 1) },
  };
}

/** The finding of item `i` of an answered item: ok, or a hazard with severity, yield and route. */
function answered(pack: ResolvedPack, p: PreparedPatrol, i: number, code: number, explain: Explain | false): Finding {
  const item = p.compiled.checklist.items[i] as ChecklistItem;
  const n = p.counts[i] as number;
  const answer = p.answers[i];
  const hazard = code > 0;
  const finding = base(item, n, hazard ? 'hazard' : 'ok');
  if (hazard) {
    const severity: Severity = code === 2 ? 'major' : item.severity.default;
    const facts = p.facts();
    facts.answer = answer;
    facts.photos = n;
    const route = routeOf(pack, item, severity, facts as Facts);
    finding.severity = severity;
    finding.yields = item.itemKind === '报告' ? 'report' : 'hazard';
    if (route) finding.route = route;
  } else if (item.itemKind === '到位') {
    finding.yields = 'confirmation' satisfies FindingYield;
  }
  if (explain === 'all' || (explain === 'hazards' && hazard)) {
    const facts = p.facts() as Facts;
    const ex = p.compiled.explainers();
    const hazardTrace = (ex.hazard[i] as NonNullable<(typeof ex.hazard)[number]>)(facts, answer, n);
    const major = hazard ? ex.major[i] : undefined;
    finding.explanation = major ? { hazard: hazardTrace, major: major(facts, answer, n) } : { hazard: hazardTrace };
  }
  return finding;
}

/**
 * Every finding from per-item codes (0 ok, 1 hazard, 2 major hazard), with explanations and
 * routes read off the record's facts.
 */
export function finishPatrol(pack: ResolvedPack, p: PreparedPatrol, codes: ArrayLike<number>, explain: Explain | false): PatrolResult {
  const items = p.compiled.checklist.items;
  const findings: Finding[] = new Array(items.length);
  let hazards = 0;
  let reports = 0;
  for (let i = 0; i < items.length; i++) {
    const answer = p.answers[i];
    if (p.na[i]) findings[i] = base(items[i] as ChecklistItem, p.counts[i] as number, 'notApplicable');
    else if (answer === undefined || answer === null) findings[i] = base(items[i] as ChecklistItem, p.counts[i] as number, 'notAnswered');
    else {
      const f = answered(pack, p, i, codes[i] as number, explain);
      if (f.yields === 'report') reports++;
      else if (f.status === 'hazard') hazards++;
      findings[i] = f;
    }
  }
  return { ...head(pack, p), findings, hazards, reports };
}

/** What every result of a record names: the record, the pack and the checklist. */
const head = (pack: ResolvedPack, p: PreparedPatrol) => ({
  record: p.record.id,
  pack: { id: pack.id, version: pack.version },
  checklist: p.compiled.checklist.id,
});

/** Counts by status, and only the hazard findings built (see {@link PatrolSummary}). */
export function summarizePatrol(pack: ResolvedPack, p: PreparedPatrol, codes: ArrayLike<number>, explain: Explain | false): PatrolSummary {
  const n = p.answers.length;
  const findings: Finding[] = [];
  let hazards = 0;
  let reports = 0;
  let notApplicable = 0;
  let notAnswered = 0;
  for (let i = 0; i < n; i++) {
    if (p.na[i]) notApplicable++;
    else if (p.answers[i] === undefined || p.answers[i] === null) notAnswered++;
    else if ((codes[i] as number) > 0) {
      const f = answered(pack, p, i, codes[i] as number, explain === 'all' ? 'hazards' : explain);
      if (f.yields === 'report') reports++;
      else hazards++;
      findings.push(f);
    }
  }
  const hazard = hazards + reports;
  return {
    ...head(pack, p),
    findings,
    hazards,
    reports,
    items: { ok: n - hazard - notApplicable - notAnswered, hazard, notAnswered, notApplicable },
  };
}
