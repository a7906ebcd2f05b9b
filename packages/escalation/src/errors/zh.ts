import type { RejectionParams } from './codes.js';

type Messages = { [C in keyof RejectionParams]: (p: RejectionParams[C]) => string };

const list = (xs: readonly string[]) => (xs.length ? xs.map((x) => `“${x}”`).join('、') : '无');
const FIELD = { photos: '至少一张照片', evidence: '整改证据', reason: '理由', plan: '治理方案' } as const;
const STATE: Record<string, string> = { closed: '已办结', voided: '已作废' };

/** 中文拒绝信息，每个代码一条。 */
export const zh: Messages = {
  'escalation.final': (p) => `案件${STATE[p.state] ?? p.state}，已办结或作废的案件不再接受任何事件`,
  'escalation.notInState': (p) => `状态“${p.state}”不接受 ${p.event}；此处可接受：${list(p.accepted)}`,
  'escalation.role': (p) => `角色“${p.role}”此时不能发送 ${p.event}；可发送的角色：${list(p.allowed)}`,
  'escalation.badEvent': (p) => `${p.event}：字段“${p.field}”应为${p.expected}`,
  'escalation.missing': (p) => `${p.event} 需要${FIELD[p.field]}`,
  'escalation.target': (p) => `政策不允许 ${p.event} 从“${p.tier}”到“${p.to}”；允许的去向：${list(p.allowed)}`,
  'escalation.planRequired': (p) => `重大隐患须先提交治理方案（${p.fields.join('、')}）方可消除`,
  'escalation.planIncomplete': (p) => `治理方案缺少 ${list(p.missing)}`,
  'escalation.planNotMajor': (p) => `只有重大隐患需要治理方案；本隐患为 ${p.severity}`,
  'escalation.notDue': (p) => `DEADLINE 时间 ${p.at} 过早：案件到期时间为 ${p.due}`,
  'escalation.timeBackwards': (p) => `事件时间 ${p.at} 早于案件上一事件时间 ${p.last}`,
  'escalation.extensionNotLater': (p) => `延期须晚于当前到期时间 ${p.due}，而非 ${p.until}`,
  'escalation.extension': (p) => (p.pending ? '已有待决的延期申请，请先作出决定' : '没有待决的延期申请'),
  'escalation.packMismatch': (p) =>
    `案件立案时使用规则包 ${p.casePack}@${p.caseVersion}，本状态机为 ${p.pack}@${p.version}：请使用立案时锁定的版本`,
  'escalation.reason': (p) =>
    `政策不允许以理由“${p.reason}”从“${p.tier}”${p.event === 'DEADLINE' ? '超期' : ''}上报本案件；此处可用的上报理由：${list(p.allowed)}`,
  'escalation.badCase': (p) => `存储的案件数据无效：${p.field || '(整行)'} 应为${p.expected}`,
  'escalation.caseExists': (p) => `案件“${p.caseId}”已由报告“${p.existing}”立案，报告“${p.report}”不能再次立案`,
  'escalation.notMachine': () => '不是由 createEscalationMachine 生成的状态机',
};
