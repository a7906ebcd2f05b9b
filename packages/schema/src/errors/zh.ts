import { scoringZh } from '../validate/scoring-issues.js';
import type { IssueParams } from './issues.js';

type Messages = { [C in keyof IssueParams]: (p: IssueParams[C]) => string };

const list = (xs: readonly string[]) => xs.map((x) => `“${x}”`).join('、');

const refKinds: Record<IssueParams['ref.unknown']['refKind'], string> = {
  pack: '规则包',
  file: '规则文件',
  level: '网格层级',
  role: '角色',
  cadence: '工作频次',
  sector: '行业领域',
  fact: '事实',
  condition: '命名条件',
  tier: '处置层级',
  department: '职能部门',
  item: '清单条目',
  checklist: '巡查清单',
  requirement: '标准要求',
  rule: '工作要求',
  grade: '等次',
  element: '元素',
};

/** 中文消息，每个问题代码一条。 */
export const zh: Messages = {
  'file.tooLarge': (p) => `文件大小为 ${p.size} 字节，规则文件最大为 ${p.limit} 字节`,
  'file.unreadable': (p) => `无法读取文件：${p.reason}`,
  'file.notObject': () => '规则文件必须是一个 JSON 对象',
  'file.unknownKind': (p) => `未知的文件类型“${p.kind}”，应为 ${list(p.allowed)} 之一`,
  'json.syntax': (p) => `JSON 语法错误：${p.error}`,
  'json.tooDeep': (p) => `嵌套层数超过 ${p.limit} 层`,
  'json.duplicateKey': (p) => `键“${p.key}”在同一对象中出现了两次`,
  'json.forbiddenKey': (p) => `规则文件中不允许使用键“${p.key}”`,
  'schema.required': (p) => `缺少必填属性“${p.property}”`,
  'schema.unknownProperty': (p) => `未知属性“${p.property}”`,
  'schema.type': (p) => `应为 ${p.expected}`,
  'schema.enum': (p) => `应为 ${list(p.allowed)} 之一`,
  'schema.pattern': (p) => `不符合要求的格式 ${p.pattern}`,
  'schema.format': (p) => `应为有效的 ${p.format}`,
  'schema.range': (p) => `必须 ${p.comparison} ${p.limit}`,
  'schema.size': (p) => `${p.keyword} 为 ${p.limit}`,
  'schema.unique': (p) => `第 ${p.first} 项与第 ${p.second} 项相同，各项不得重复`,
  'schema.other': (p) => `${p.keyword}：${p.detail}`,
  'id.duplicate': (p) => `标识“${p.id}”已在 ${p.firstFile}:${p.firstLine} 定义`,
  'ref.unknown': (p) => `未知的${refKinds[p.refKind]}“${p.id}”${p.suggestion ? `，是否应为“${p.suggestion}”？` : ''}`,
  'condition.operatorType': (p) => `运算符“${p.operator}”不能用于类型为 ${p.factType} 的事实“${p.fact}”`,
  'condition.valueType': (p) => `事实“${p.fact}”（${p.factType}）使用运算符“${p.operator}”时，比较值应为 ${p.expected}`,
  'condition.unsafePath': (p) => `不允许使用路径“${p.path}”：只能使用 $.name 或 $.list[0] 这样的简单路径`,
  'condition.unknownPath': (p) => `事实“${p.fact}”没有路径“${p.path}”所指的属性`,
  'regex.unsafe': (p) =>
    p.reason === 'tooLong'
      ? `正则表达式超过 ${p.limit} 个字符`
      : p.reason === 'invalid'
        ? `“${p.pattern}”不是有效的正则表达式`
        : `正则表达式“${p.pattern}”可能耗费指数级时间（嵌套重复）`,
  'pack.extendsCycle': (p) => `extends 形成循环：${p.cycle.join(' → ')}`,
  'pack.missingFile': (p) => `列出的文件“${p.file}”不存在`,
  'pack.unlistedFile': (p) => `文件位于规则包“${p.pack}”的目录中，但未列入其“files”`,
  'pack.duplicate': (p) => `规则包“${p.id}”版本 ${p.version} 也在 ${p.firstFile} 中定义`,
  'pack.lockedElement': (p) => {
    const op = p.op === 'remove' ? '删除' : '修改';
    return `不能${op}“${p.target}”：它已在 ${p.definedIn}:${p.definedLine} 被锁定`;
  },
  'pack.effectiveOverlap': (p) => `地区“${p.region}”在相同日期有两个规则包生效：本包与“${p.other}”（${p.otherFile}）`,
  'escalation.unreachableTier': (p) => `处置层级“${p.tier}”无法从入口层级“${p.entry}”到达`,
  'citation.missing': (p) => `${p.element} 未注明依据：请添加“source”，或标记 "localDefault": true 并给出“reason”`,
  'citation.reasonMissing': (p) => `${p.element} 为本地默认值，但未给出“reason”`,
  'codec.invalid': (p) => `应为 ${p.expected}`,
  'pack.notInForce': (p) => `规则包 ${p.pack} 的施行期为 ${p.from} 至 ${p.to}，不含 ${p.date}：请按该日期解析规则包`,
  'fact.failed': (p) => `宿主提供的事实“${p.fact}”取值函数出错：${p.error}`,
  'patrol.taskClosed': (p) => `巡查任务“${p.task}”已${p.status === 'done' ? '完成' : '判定漏巡'}，不能再更改`,
  'patrol.outsideWindow': (p) => `巡查任务“${p.task}”应在 ${p.from} 至 ${p.due} 之间完成，不能记在 ${p.date}`,
  ...scoringZh,
};
