// Example 6: from a patrol to hazard cases. A host evaluates a grid worker's patrol record, turns
// each hazard into a HazardReport (hazardReports), opens a case for it in the escalation machine
// (openCase + reportEvent), and, for a major finding the pack lets skip tiers, sends it straight to
// the township as the engine's route says. A hazard reported without a photo is refused: the host
// asks the grid worker for one.
//
//   npx tsx examples/06-patrol-to-case/index.ts [en]
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { evaluatePatrol, hazardReports, resolvePack } from '@gridsafe/engine';
import { loadPackSet } from '@gridsafe/engine/node';
import {
  type CaseSnapshot,
  createEscalationMachine,
  formatRejection,
  nextDeadline,
  openCase,
  reportEvent,
  transition,
} from '@gridsafe/escalation';
import { decode, type Lang, orThrow, PatrolRecord } from '@gridsafe/schema';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** One hazard of the patrol, and what became of it. */
export interface Opened {
  item: string;
  severity: 'general' | 'major';
  /** The case, or undefined when the report was refused. */
  snapshot?: CaseSnapshot;
  refused?: string;
}

/** Evaluate the record, open a case per hazard; `lines` is what is printed. */
export function run(lang: Lang = 'zh'): { opened: Opened[]; lines: string[] } {
  // Each step returns an Either; orThrow turns a failure into an error listing its located issues.
  const set = orThrow(loadPackSet(here('../../rules')), lang);
  const pack = orThrow(resolvePack(set, 'chibi', { asOf: '2026-03-02' }), lang);
  const machine = orThrow(createEscalationMachine(pack), lang);
  const record = orThrow(decode(PatrolRecord, JSON.parse(readFileSync(here('./record.json'), 'utf8')), 'record.json'), lang);
  const result = orThrow(evaluatePatrol(pack, record), lang);
  const reports = orThrow(hazardReports(pack, record, result), lang);
  const tiers = new Map(pack.escalations[0]?.tiers.map((t) => [t.id, t.title[lang]]));
  const zh = lang === 'zh';
  const lines = [zh ? `记录 ${record.id}：隐患 ${reports.length} 项` : `Record ${record.id}: ${reports.length} hazards`];
  const opened: Opened[] = [];
  for (const report of reports) {
    const finding = result.findings.find((f) => f.item === report.itemId);
    const severity = zh ? { general: '一般', major: '重大' }[report.severity] : report.severity;
    lines.push(`- [${severity}] ${finding?.text[lang]}`);
    const open = openCase(machine, `case-${report.id}`, reportEvent(report, report.reporter.role));
    if (open.rejected) {
      const why = formatRejection(open.rejected, lang);
      opened.push({ item: report.itemId as string, severity: report.severity, refused: why });
      lines.push(zh ? `    未受理：${why}；请网格员补拍照片` : `    refused: ${why}; the grid worker is asked for a photo`);
      continue;
    }
    let snapshot = open.snapshot;
    // A major finding the pack lets skip tiers goes straight to where the engine routed it.
    if (finding?.route?.direct) {
      const note = zh ? '重大情况，直接报送' : 'major situation, reported directly';
      const at = report.reportedAt;
      const sent = transition(machine, snapshot, {
        type: 'ESCALATE',
        id: `${report.id}/direct`,
        at,
        actor: report.reporter.id,
        role: report.reporter.role,
        to: finding.route.tier,
        reason: 'chibi.reason.report',
        note,
      });
      if (sent.rejected) throw new Error(formatRejection(sent.rejected, 'en'));
      snapshot = sent.snapshot;
    }
    opened.push({ item: report.itemId as string, severity: report.severity, snapshot });
    const due = nextDeadline(snapshot);
    const owner = tiers.get(snapshot.owner) ?? snapshot.owner;
    lines.push(
      zh
        ? `    已立案 ${snapshot.caseId}：${owner}（${snapshot.state}），办理时限 ${due?.at ?? '—'}`
        : `    case ${snapshot.caseId} opened: ${owner} (${snapshot.state}), due ${due?.at ?? '—'}`,
    );
  }
  return { opened, lines };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const lang: Lang = process.argv.includes('en') ? 'en' : 'zh';
  console.log(run(lang).lines.join('\n'));
}
