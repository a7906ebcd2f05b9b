import type { TestCase } from '@gridsafe/schema';
import { compileClosure } from '../compile/closure.js';
import { namedConditions } from '../evaluate/compiled.js';
import type { ResolvedPack } from '../resolve/types.js';

type EscalationCase = Extract<TestCase, { type: 'escalation' }>;

/**
 * The tiers a case passes through under the policy. It starts at its kind's entry tier. `ESCALATE`
 * moves it to the tier's `escalatesTo`, or, with `to`, to a tier a skip rule allows for its grade and
 * kind (a major situation reported straight to the township). `FORWARD` and `SEND_DOWN` move it to
 * a tier it may forward or send down to (the event's `to`, or its only one). Other events do not
 * move it; reasons, roles and deadlines are the escalation machine's (`@gridsafe/escalation`).
 */
export function escalationPath(pack: ResolvedPack, c: EscalationCase): { path: string[]; final: string; error?: string } {
  const policy = pack.escalations.find((e) => e.id === c.escalation);
  if (!policy) return { path: [], final: '', error: `unknown escalation policy "${c.escalation}"` };
  const tiers = new Map(policy.tiers.map((t) => [t.id, t]));
  const facts = Object.assign(Object.create(null), c.input.facts ?? {});
  const grades = (policy.grades ?? [{ id: 'general' }, { id: 'major' }]).map((g) => g.id);
  const grade = c.input.severity;
  const kind = c.input.kind ?? policy.kinds?.[0]?.id ?? 'hazard';
  const atLeast = (min: string | undefined) => min === undefined || (grade !== undefined && grades.indexOf(grade) >= grades.indexOf(min));
  const skipsFrom = (from: string) =>
    (policy.skips ?? []).filter(
      (s) =>
        s.from === from &&
        (s.severity === undefined || s.severity === grade) &&
        atLeast(s.atLeast) &&
        (s.kinds === undefined || s.kinds.includes(kind)) &&
        (!s.when || compileClosure(s.when, namedConditions(pack))(facts)),
    );
  let current = policy.kinds?.find((k) => k.id === kind)?.entry ?? policy.entry;
  const path = [current];
  for (const [i, ev] of c.input.events.entries()) {
    const tier = tiers.get(current);
    let next: string | undefined;
    if (ev.type === 'ESCALATE') {
      next = ev.to ?? tier?.escalatesTo;
      const allowed = [tier?.escalatesTo, ...skipsFrom(current).map((s) => s.to)];
      if (next && !allowed.includes(next)) return { path, final: current, error: `event ${i}: "${current}" cannot escalate to "${next}"` };
    } else if (ev.type === 'SEND_DOWN') {
      const options = tier?.sendsDownTo ?? [];
      next = ev.to ?? (options.length === 1 ? options[0] : undefined);
      if (next && !options.includes(next)) return { path, final: current, error: `event ${i}: "${current}" cannot send down to "${next}"` };
    } else if (ev.type === 'FORWARD') {
      const options = tier?.forwardsTo ?? [];
      next = ev.to ?? (options.length === 1 ? options[0] : undefined);
      if (next && !options.includes(next)) return { path, final: current, error: `event ${i}: "${current}" cannot forward to "${next}"` };
    } else continue;
    if (!next)
      return {
        path,
        final: current,
        error: `event ${i}: "${current}" has nowhere to ${ev.type === 'ESCALATE' ? 'escalate' : ev.type === 'SEND_DOWN' ? 'send down' : 'forward'}`,
      };
    current = next;
    path.push(current);
  }
  return { path, final: current };
}

/** Run an escalation case: compare the tiers passed through (and the final one) with the expected. */
export function runEscalationCase(pack: ResolvedPack, c: EscalationCase) {
  const r = escalationPath(pack, c);
  const expected = { path: c.expect.path, ...(c.expect.final ? { final: c.expect.final } : {}) };
  const actual = r.error ? { error: r.error, path: r.path } : { path: r.path, ...(c.expect.final ? { final: r.final } : {}) };
  return { pass: JSON.stringify(expected) === JSON.stringify(actual), expected, actual };
}
