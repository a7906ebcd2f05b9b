import type { MachineIssue } from '../errors/codes.js';

/** A machine-building issue with its zh and en messages. */
export function machineIssue(code: MachineIssue['code'], params: MachineIssue['params']): MachineIssue {
  const message =
    code === 'escalation.noPolicy'
      ? {
          zh: `规则包“${params.pack}”没有${params.policy ? `隐患处置流程“${params.policy}”` : '隐患处置流程(escalation)文件'}`,
          en: `pack "${params.pack}" has no escalation policy${params.policy ? ` "${params.policy}"` : ''}`,
        }
      : {
          zh: `隐患处置流程“${params.policy}”引用了不存在的层级“${params.tier}”`,
          en: `escalation policy "${params.policy}" names an unknown tier "${params.tier}"`,
        };
  return { code, params, message };
}
