import type { Issue } from '../errors/issues.js';
import { makeIssue } from '../errors/render.js';
import type { EscalationFile } from '../kinds/escalation.js';
import type { Loc } from './condition-check.js';
import { suggest } from './suggest.js';

/** The grades a policy uses when it lists none: 一般 and 重大 (with a plan). */
export const DEFAULT_GRADES = ['general', 'major'] as const;
/** The kind a policy has when it lists none: 隐患. */
export const DEFAULT_KIND = 'hazard';

/**
 * The escalation checks that need the whole policy: every tier reachable from an entry (the
 * policy's, or a kind's), references among grades, kinds and reasons, a reason for every way up,
 * overdue escalation only to a tier above and for a listed reason, and the actions that fields
 * such as `escalatesTo` and `sendsDownTo` need. Appends located issues to `issues`.
 */
export function checkEscalation(loc: Loc, esc: EscalationFile, issues: Issue[]): void {
  const at = (pointer: string) => loc(pointer);
  const grades = esc.grades?.map((g) => g.id) ?? [...DEFAULT_GRADES];
  const kinds = esc.kinds?.map((k) => k.id) ?? [DEFAULT_KIND];
  const reasons = new Map((esc.reasons ?? []).map((r) => [r.id, r]));
  const unknown = (what: 'grade' | 'kind' | 'reason', id: string | undefined, known: string[], pointer: string) => {
    if (id === undefined || known.includes(id)) return;
    const suggestion = suggest(id, known);
    issues.push(makeIssue('escalation.unknownRef', at(pointer), { what, id, known, ...(suggestion ? { suggestion } : {}) }, { found: id }));
  };
  const dup = (list: { id: string }[] | undefined, name: string) =>
    list?.forEach((x, i) => {
      const first = list.findIndex((y) => y.id === x.id);
      if (first < i) {
        const firstAt = at(`/${name}/${first}`);
        issues.push(
          makeIssue(
            'id.duplicate',
            at(`/${name}/${i}/id`),
            { id: x.id, firstFile: firstAt.file, firstLine: firstAt.line },
            { found: x.id, related: firstAt },
          ),
        );
      }
    });
  dup(esc.grades, 'grades');
  dup(esc.kinds, 'kinds');
  esc.reasons?.forEach((r, i) => {
    unknown('grade', r.atLeast, grades, `/reasons/${i}/atLeast`);
    r.kinds?.forEach((k, j) => unknown('kind', k, kinds, `/reasons/${i}/kinds/${j}`));
  });
  esc.skips?.forEach((s, i) => {
    unknown('grade', s.severity, grades, `/skips/${i}/severity`);
    unknown('grade', s.atLeast, grades, `/skips/${i}/atLeast`);
    s.kinds?.forEach((k, j) => unknown('kind', k, kinds, `/skips/${i}/kinds/${j}`));
  });
  const skipFrom = new Set((esc.skips ?? []).map((s) => s.from));
  esc.tiers.forEach((t, i) => {
    const p = `/tiers/${i}`;
    t.due.forEach((d, j) => unknown('grade', d.severity, grades, `${p}/due/${j}/severity`));
    t.escalatesOn?.forEach((r, j) => unknown('reason', r, [...reasons.keys()], `${p}/escalatesOn/${j}`));
    t.reportsUp?.forEach((r, j) => {
      unknown('grade', r.atLeast, grades, `${p}/reportsUp/${j}/atLeast`);
      r.kinds?.forEach((k, m) => unknown('kind', k, kinds, `${p}/reportsUp/${j}/kinds/${m}`));
    });
    const escalates = t.actions.includes('escalate');
    const need = (field: string, action: string) =>
      issues.push(makeIssue('escalation.actionMissing', at(`${p}/${field}`), { tier: t.id, field, action }));
    if (!escalates && t.escalatesTo !== undefined) need('escalatesTo', 'escalate');
    if (!escalates && t.escalatesOn !== undefined) need('escalatesOn', 'escalate');
    if (!t.actions.includes('sendDown') && t.sendsDownTo !== undefined) need('sendsDownTo', 'sendDown');
    if (escalates && (t.escalatesTo !== undefined || skipFrom.has(t.id)) && !t.escalatesOn?.length)
      issues.push(makeIssue('escalation.noReason', at(`${p}/actions`), { tier: t.id }));
    const o = t.onOverdue;
    if (o.action === 'escalate') {
      const problem =
        t.escalatesTo === undefined || !escalates
          ? 'noTarget'
          : o.because === undefined
            ? 'noReason'
            : !t.escalatesOn?.includes(o.because)
              ? 'reasonNotListed'
              : undefined;
      if (problem)
        issues.push(makeIssue('escalation.overdueEscalate', at(`${p}/onOverdue`), { tier: t.id, problem, reason: o.because ?? '' }));
    } else if (o.because !== undefined)
      issues.push(
        makeIssue('escalation.overdueEscalate', at(`${p}/onOverdue/because`), { tier: t.id, problem: 'notEscalate', reason: o.because }),
      );
  });
  checkReachability(at, esc, issues);
}

/** Every tier can be reached from the policy's entry or a kind's entry, by escalation, forwarding, sending down or a skip. */
function checkReachability(at: (pointer: string) => ReturnType<Loc>, esc: EscalationFile, issues: Issue[]): void {
  const tiers = new Set(esc.tiers.map((t) => t.id));
  const next = new Map<string, string[]>();
  for (const t of esc.tiers)
    next.set(t.id, [
      ...(t.escalatesTo ? [t.escalatesTo] : []),
      ...(t.forwardsTo ?? []).filter((x) => tiers.has(x)),
      ...(t.sendsDownTo ?? []),
    ]);
  for (const s of esc.skips ?? []) next.set(s.from, [...(next.get(s.from) ?? []), s.to]);
  const roots = [esc.entry, ...(esc.kinds ?? []).map((k) => k.entry)];
  const reached = new Set<string>(roots);
  const queue = [...roots];
  while (queue.length > 0) {
    for (const n of next.get(queue.shift() as string) ?? []) {
      if (!reached.has(n)) {
        reached.add(n);
        queue.push(n);
      }
    }
  }
  esc.tiers.forEach((t, i) => {
    if (!reached.has(t.id)) issues.push(makeIssue('escalation.unreachableTier', at(`/tiers/${i}`), { tier: t.id, entry: esc.entry }));
  });
}
