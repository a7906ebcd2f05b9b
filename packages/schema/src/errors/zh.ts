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
  place: '地点',
  unit: '单位类别',
  body: '领导机构',
  phase: '工作阶段',
  consequence: '处理结果',
  element: '元素',
};

/** 中文消息，每个问题代码一条。 */
export const zh: Messages = {
  'file.tooLarge': (p) => `文件大小为 ${p.size} 字节，规则文件最大为 ${p.limit} 字节`,
  'file.unreadable': (p) => `无法读取文件：${p.reason}`,
  'file.tooMany': (p) => `规则文件超过 ${p.limit} 个：此文件及其后的文件未检查`,
  'file.symlink': (p) => `未跟随指向“${p.target}”的符号链接：规则文件只从规则目录内读取`,
  'json.encoding': (p) =>
    p.reason === 'invalidUtf8'
      ? '含有不是有效 UTF-8 的字节：规则文件必须是 UTF-8 文本'
      : '含有孤立的 UTF-16 代理项（半个字符）：文本必须由完整的 Unicode 字符组成',
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
      : `“${p.pattern}”不是线性时间正则引擎（RE2）可运行的正则表达式${p.detail ? `：${p.detail}` : ''}`,
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
  'escalation.unknownRef': (p) =>
    `未知的${{ grade: '隐患等级', kind: '案件类别', reason: '上报理由' }[p.what]}“${p.id}”${p.suggestion ? `，是否应为“${p.suggestion}”？` : ''}；本流程定义的有：${p.known.length ? list(p.known) : '无'}`,
  'escalation.actionMissing': (p) => `处置层级“${p.tier}”给出了“${p.field}”，但其 actions 中没有“${p.action}”`,
  'escalation.noReason': (p) => `处置层级“${p.tier}”可以上报，但未在“escalatesOn”中列出上报理由：案件只能因政策列明的理由上报`,
  'escalation.overdueEscalate': (p) =>
    ({
      noTarget: `处置层级“${p.tier}”超期时上报，但它没有上级（escalatesTo）或没有“escalate”动作`,
      noReason: `处置层级“${p.tier}”超期时上报，须在 onOverdue 中给出记录的上报理由（because）`,
      reasonNotListed: `处置层级“${p.tier}”超期上报的理由“${p.reason}”不在其“escalatesOn”中`,
      notEscalate: `onOverdue 的“because”只用于超期上报（action 为 escalate）`,
    })[p.problem],
  'citation.missing': (p) => `${p.element} 未注明依据：请添加“source”，或标记 "localDefault": true 并给出“reason”`,
  'citation.reasonMissing': (p) => `${p.element} 为本地默认值，但未给出“reason”`,
  'codec.invalid': (p) => `应为 ${p.expected}`,
  'pack.notInForce': (p) => `规则包 ${p.pack} 的施行期为 ${p.from} 至 ${p.to}，不含 ${p.date}：请按该日期解析规则包`,
  'fact.failed': (p) => `宿主提供的事实“${p.fact}”取值函数出错：${p.error}`,
  'patrol.taskClosed': (p) => `巡查任务“${p.task}”已${p.status === 'done' ? '完成' : '判定漏巡'}，不能再更改`,
  'patrol.outsideWindow': (p) => `巡查任务“${p.task}”应在 ${p.from} 至 ${p.due} 之间完成，不能记在 ${p.date}`,
  'cadence.interval': (p) =>
    p.problem === 'both'
      ? `工作频次“${p.cadence}”同时写了“every”和“frequency”：原文给出周期时写 every 和 count，原文只说“定期”“经常”时只写 frequency`
      : p.problem === 'neither'
        ? `工作频次“${p.cadence}”缺少周期：写 every 和 count，或在原文只说“定期”“经常”时写 frequency`
        : p.problem === 'countWithoutEvery'
          ? `工作频次“${p.cadence}”写了 count 却没有 every：次数须有周期`
          : `工作频次“${p.cadence}”写了 every 却没有 count：请写明每个周期至少几次`,
  'sizing.measure': (p) => {
    const need = p.field === 'role' ? '“role”(计数的角色)' : p.field === 'of' ? '“of”(计数的网格层级)' : '“employment”';
    const measure = p.field === 'role' ? 'holders' : p.field === 'of' ? 'units' : 'gridWorkers、fullTimeInspectors、holders';
    return p.problem === 'missing'
      ? `规模规则“${p.rule}”的计量为“${p.measure}”，须写明${need}`
      : `规模规则“${p.rule}”的计量为“${p.measure}”，不能写${need}：它只用于计量 ${measure}`;
  },
  'sizing.bounds': (p) => `规模规则“${p.rule}”的下限 ${p.min} 大于上限 ${p.max}`,
  'date.invalid': (p) => `“${p.date}”不是存在的日期`,
  'phase.dates': (p) => `${p.element} 的开始 ${p.from} 晚于截止 ${p.by}`,
  'milestone.unknown': (p) => `规则包中没有阶段或节点“${p.id}”`,
  ...scoringZh,
};
