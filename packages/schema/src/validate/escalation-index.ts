import type { TopLevelCondition } from '../condition.js';
import type { RefKind } from '../errors/issues.js';
import type { EscalationFile } from '../kinds/escalation.js';

type Path = (string | number)[];

/** The indexing helpers of `indexFile`, as the escalation indexer uses them. */
export interface EscalationIndexHelpers {
  def: (k: RefKind, el: { id: string; locked?: boolean }, path: Path) => void;
  ref: (k: RefKind | RefKind[], id: string | undefined, path: Path, extra?: { local?: boolean }) => void;
  cite: (label: string, value: { source?: unknown; localDefault?: boolean; reason?: unknown }, path: Path) => void;
  cond: (c: TopLevelCondition | undefined, path: Path) => void;
  each: <T>(xs: T[] | undefined, name: string, fn: (x: T, path: Path) => void) => void;
}

/**
 * What an escalation file defines, names and must cite: tiers, skips, grades, kinds, reasons,
 * report-up rules, loop steps; references to tiers (entry, escalation, forwarding, sending down,
 * kinds' entries, supervision), levels and departments; and every behaviour that must cite a source
 * or be marked a local default (due times, overdue behaviour, verification, plans, supervision,
 * joint handling). References among grades, kinds and reasons are checked by `checkEscalation`.
 */
export function indexEscalation(f: EscalationFile, { def, ref, cite, cond, each }: EscalationIndexHelpers): void {
  ref('tier', f.entry, ['entry'], { local: true });
  each(f.loop, 'loop', (s, path) => {
    def('element', s, path);
    cite(`loop step "${s.id}"`, s, path);
  });
  each(f.grades, 'grades', (g, path) => cite(`grade "${g.id}"`, g, path));
  each(f.kinds, 'kinds', (k, path) => {
    cite(`kind of case "${k.id}"`, k, path);
    ref('tier', k.entry, [...path, 'entry'], { local: true });
  });
  each(f.reasons, 'reasons', (r, path) => {
    def('element', r, path);
    cite(`reason "${r.id}"`, r, path);
  });
  each(f.tiers, 'tiers', (t, path) => {
    def('tier', t, path);
    cite(`tier "${t.id}"`, t, path);
    ref('level', t.level, [...path, 'level']);
    ref('tier', t.escalatesTo, [...path, 'escalatesTo'], { local: true });
    t.forwardsTo?.forEach((d, i) => ref(['tier', 'department'], d, [...path, 'forwardsTo', i]));
    t.sendsDownTo?.forEach((d, i) => ref('tier', d, [...path, 'sendsDownTo', i], { local: true }));
    t.due.forEach((d, i) => cite(`due time of "${t.id}" (${d.severity ?? 'any grade'})`, d, [...path, 'due', i]));
    cite(`overdue behaviour of "${t.id}"`, t.onOverdue, [...path, 'onOverdue']);
    t.reportsUp?.forEach((r, i) => {
      def('element', r, [...path, 'reportsUp', i]);
      cite(`report-up rule "${r.id}"`, r, [...path, 'reportsUp', i]);
    });
  });
  each(f.skips, 'skips', (s, path) => {
    def('element', s, path);
    cite(`skip rule "${s.id}"`, s, path);
    ref('tier', s.from, [...path, 'from'], { local: true });
    ref('tier', s.to, [...path, 'to'], { local: true });
    cond(s.when, [...path, 'when']);
  });
  cite('verification', f.verification, ['verification']);
  cite('majorPlan', f.majorPlan, ['majorPlan']);
  cite('supervision', f.supervision, ['supervision']);
  ref('tier', f.supervision.by, ['supervision', 'by'], { local: true });
  if (f.jointHandling) cite('jointHandling', f.jointHandling, ['jointHandling']);
}
