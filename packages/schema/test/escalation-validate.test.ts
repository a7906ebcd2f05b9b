// The escalation constructs of issue 14 (grades, kinds, reasons, overdue behaviour, sending down,
// reporting up, joint handling) as the policy author meets them: located errors in zh and en.
import { describe, expect, it } from 'vitest';
import { type Issue, validateFiles } from '../src/index.js';
import { asInputs, fixturePack, positionOf } from './fixtures.js';

type Files = Record<string, any>;
const ESC = 'p/region/escalation.json';

function run(mutate: (esc: Files) => void) {
  const files = fixturePack() as Files;
  mutate(files[ESC]);
  const inputs = asInputs(files);
  const report = validateFiles(inputs);
  const text = inputs.find((i) => i.name === ESC)?.text as string;
  return { report, text };
}
const errors = (issues: Issue[]) => issues.filter((i) => i.severity === 'error');
const src = [{ seed: '002', clause: '三' }];
const t = (zh: string, en: string) => ({ zh, en });

describe('escalation policy constructs', () => {
  it('accept grades, kinds, reasons, overdue behaviour, sending down, reporting up and joint handling', () => {
    const { report } = run((e) => {
      e.grades = [
        { id: 'general', title: t('一般', 'General'), source: src },
        { id: 'larger', title: t('较大', 'Larger'), source: src },
        { id: 'major', title: t('重大', 'Major'), plan: true, source: src },
      ];
      e.kinds = [
        { id: 'hazard', title: t('隐患', 'Hazard'), entry: 'tregion.village', source: src },
        { id: 'complaint', title: t('投诉举报', 'Complaint'), entry: 'tregion.town', photos: 'optional', source: src },
      ];
      e.reasons.push({ id: 'tregion.reason.major', title: t('重大', 'Major'), kinds: ['hazard'], atLeast: 'larger', source: src });
      e.tiers[0].escalatesOn.push('tregion.reason.major');
      e.tiers[0].due.push({ severity: 'larger', within: 'PT12H', source: src }, { within: 'P5D', source: src });
      e.tiers[0].onOverdue = {
        action: 'escalate',
        because: 'tregion.reason.cannot-remove',
        localDefault: true,
        reason: t('本地', 'local'),
      };
      e.tiers[1].actions.push('sendDown');
      e.tiers[1].sendsDownTo = ['tregion.village'];
      e.tiers[1].reportsUp = [{ id: 'tregion.up.major', to: [t('县安委办', 'county office')], atLeast: 'major', source: src }];
      e.skips = [{ id: 'tregion.skip', from: 'tregion.village', to: 'tregion.town', atLeast: 'major', kinds: ['hazard'], source: src }];
      e.jointHandling = { resolveWhen: 'lead', localDefault: true, reason: t('本地', 'local') };
    });
    expect(report.issues).toEqual([]);
  });

  it('locate an unknown grade, kind or reason, with a suggestion and what the policy defines', () => {
    const { report, text } = run((e) => {
      e.tiers[0].due[0].severity = 'mojor';
      e.tiers[0].escalatesOn = ['tregion.reason.cannot-remve'];
      e.reasons[0].kinds = ['hazzard'];
    });
    const got = errors(report.issues);
    expect(got.map((i) => [i.code, i.pointer])).toEqual([
      ['escalation.unknownRef', '/reasons/0/kinds/0'],
      ['escalation.unknownRef', '/tiers/0/escalatesOn/0'],
      ['escalation.unknownRef', '/tiers/0/due/0/severity'],
    ]);
    const grade = got.find((i) => i.pointer.endsWith('/severity')) as Issue;
    expect({ line: grade.line, column: grade.column }).toEqual(positionOf(text, '"mojor"'));
    expect(grade.message).toEqual({
      zh: '未知的隐患等级“mojor”，是否应为“major”？；本流程定义的有：“general”、“major”',
      en: 'unknown severity grade "mojor"; did you mean "major"?; this policy defines "general", "major"',
    });
    expect(got[0]?.message.en).toBe('unknown kind of case "hazzard"; did you mean "hazard"?; this policy defines "hazard"');
  });

  it('a tier that goes up must list the reasons it goes up for', () => {
    const { report } = run((e) => {
      delete e.tiers[0].escalatesOn;
    });
    const [issue] = errors(report.issues);
    expect(issue).toMatchObject({ code: 'escalation.noReason', pointer: '/tiers/0/actions' });
    expect(issue?.message.en).toBe(
      'tier "tregion.village" can escalate but lists no reasons in "escalatesOn": a case goes up only for a reason the policy lists',
    );
    expect(issue?.message.zh).toBe('处置层级“tregion.village”可以上报，但未在“escalatesOn”中列出上报理由：案件只能因政策列明的理由上报');
  });

  it('escalation when overdue needs a tier above, a reason to record, and a reason the tier lists', () => {
    const problems = (o: object, tier = 0) =>
      errors(run((e) => (e.tiers[tier].onOverdue = { ...o, localDefault: true, reason: t('本地', 'local') })).report.issues).map(
        (i) => `${i.pointer} ${i.code} ${(i.params as { problem?: string }).problem ?? ''}`,
      );
    expect(problems({ action: 'escalate' })).toEqual(['/tiers/0/onOverdue escalation.overdueEscalate noReason']);
    expect(problems({ action: 'escalate', because: 'tregion.reason.other' })).toEqual([
      '/tiers/0/onOverdue escalation.overdueEscalate reasonNotListed',
    ]);
    expect(problems({ action: 'escalate', because: 'tregion.reason.cannot-remove' }, 1)).toEqual([
      '/tiers/1/onOverdue escalation.overdueEscalate noTarget',
    ]);
    expect(problems({ action: 'remind', because: 'tregion.reason.cannot-remove' })).toEqual([
      '/tiers/0/onOverdue/because escalation.overdueEscalate notEscalate',
    ]);
  });

  it('overdue behaviour cites its source or is marked a local default', () => {
    const { report } = run((e) => {
      e.tiers[0].onOverdue = { action: 'supervise' };
    });
    const [issue] = errors(report.issues);
    expect(issue).toMatchObject({ code: 'citation.missing', pointer: '/tiers/0/onOverdue' });
    expect(issue?.message.en).toBe(
      'overdue behaviour of "tregion.village" cites no source: add "source" or mark it "localDefault": true with a "reason"',
    );
  });

  it('fields that need an action: sendsDownTo without sendDown, escalatesOn without escalate', () => {
    const { report } = run((e) => {
      e.tiers[1].sendsDownTo = ['tregion.village'];
      e.tiers[1].escalatesOn = ['tregion.reason.cannot-remove'];
    });
    expect(errors(report.issues).map((i) => [i.code, i.pointer])).toEqual([
      ['escalation.actionMissing', '/tiers/1/sendsDownTo'],
      ['escalation.actionMissing', '/tiers/1/escalatesOn'],
    ]);
  });

  it('a kind entering at a tier nothing else reaches makes it reachable; an unknown entry is located', () => {
    const { report } = run((e) => {
      delete e.tiers[0].escalatesTo;
      e.kinds = [
        { id: 'hazard', title: t('隐患', 'Hazard'), entry: 'tregion.village', source: src },
        { id: 'complaint', title: t('投诉举报', 'Complaint'), entry: 'tregion.town', source: src },
      ];
    });
    expect(errors(report.issues)).toEqual([]);
    const bad = run((e) => {
      e.kinds = [{ id: 'hazard', title: t('隐患', 'Hazard'), entry: 'tregion.city', source: src }];
    });
    expect(errors(bad.report.issues).map((i) => [i.code, i.pointer])).toEqual([['ref.unknown', '/kinds/0/entry']]);
  });

  it('supervision states how often reminders repeat', () => {
    const { report } = run((e) => {
      delete e.supervision.remindEvery;
    });
    expect(errors(report.issues).map((i) => [i.code, i.pointer])).toEqual([['schema.required', '/supervision']]);
  });
});
