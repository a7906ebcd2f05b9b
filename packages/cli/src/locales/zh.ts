/** Every message of the gridsafe command in Chinese, the policy's own language. */
export const zh = {
  /** Help texts of arguments, options and exit codes. */
  help: {
    examples: '示例：',
    exitCodes: '退出码：',
    help: '显示帮助',
    lang: '语言：zh 或 en(默认取自系统区域设置 LC_ALL/LC_MESSAGES/LANG)',
    pack: '规则包：包 id(在 --rules 目录中查找)或包目录',
    rules: '用包 id 时查找的规则目录',
    out: '写入文件而不是标准输出',
    formatText: '输出格式：text 或 json',
    paths: '规则文件或目录(默认 rules/)',
    testPack: '包 id 或包目录(默认 --rules 下的所有包)',
    coverage: '报告用例覆盖了哪些规则和条件分支',
    threshold: '条件分支覆盖率低于此百分比即失败(隐含 --coverage)',
    records: 'records.json、records.ndjson，或 - 表示标准输入',
    formatCheck: '输出格式：table、json 或 ndjson',
    explain: '说明每处隐患是哪些条件成立导致的',
    milestones: '报告规则包的工作阶段和时间节点在该日期(YYYY-MM-DD)的状态：哪些进行中、哪些已逾期',
    noProgress: '不显示进度条',
    findings: '配合 --format json 或 ndjson：hazards(默认)给出每条记录各状态的条目数和隐患结果，all 给出全部条目的结果',
    diffA: '包 id 或目录(旧的一方)',
    diffB: '包 id 或目录(新的一方)',
    replay: '用两个包分别运行测试用例，列出结论改变的用例(默认用两个包自己的用例，也可给出 cases 文件)',
    check: '只检查不修改；有文件格式不规范时退出码为 1',
    formatGraph: '输出格式：mermaid 或 svg',
    view: 'machine：隐患案件状态机(各层级及其步骤)；chain：层级报送链',
    escalation: '选择报送处置流程 id(默认本包的流程)',
    initName: '新包的 id，如 jiayu',
    extends: '上级包：包 id 或目录',
    dir: '生成位置(默认与上级包目录并列)',
    from: '施行日期 YYYY-MM-DD(默认今天)',
    period: '考核期：2026-07、2026-Q3 或 2026',
    unit: '考核对象单位 id(默认单位树的根)',
    scoreData: '考核期记录：.json、.ndjson，或 - 表示标准输入',
    synthetic: '不读数据，用给定种子生成模拟数据(演示用)',
    formatScore: '输出格式：json、md 或 html',
    region: '地区规则包(默认 xianyou)',
    seed: '随机种子(相同种子结果相同)',
    month: '模拟的月份 YYYY-MM',
    outDir: '报告和手册的输出目录',
    exits: {
      test: '0 全部通过(且覆盖率达标)；1 有用例未通过或覆盖率不足；2 用法错误或规则包有错误',
      check: '0 未发现隐患；1 发现隐患或需报告事项；2 用法错误、输入无法读取或格式错误、规则包有错误',
      diff: '0 没有差异；1 有差异(或重放时有用例结论改变)；2 用法错误或规则包有错误',
      fmt: '0 已规范化(--check 时表示都已规范)；1 有文件需要规范化(--check)；2 用法错误、无法读取或 JSON 无效',
      graph: '0 已输出；2 用法错误、规则包有错误或没有报送处置流程',
      handbook: '0 已输出(没有巡查清单的规则包也输出，并注明没有清单)；2 用法错误或规则包有错误',
      init: '0 已生成且校验通过；1 已生成但校验未通过；2 用法错误(包名无效、目录已存在、上级包不存在)',
      score: '0 已输出；1 考核单位被一票否决；2 用法错误、考核期无效、数据有错误或规则包有错误；3 考核单位未通过准入条件，不参加评分',
      demo: '0 模拟完成；2 用法错误',
      validate: '0 全部有效；1 发现问题；2 用法错误或路径无法读取',
    },
  },
  /** `gridsafe validate`. */
  validate: {
    describe: '校验规则文件：一次列出所有问题，并给出文件、行、列和 JSON 指针',
    ok: '校验通过',
    failed: '校验未通过',
    packs: '规则包',
    files: '个文件',
    extends: '继承',
    summary: (e: number, w: number, f: number) => `${f} 个文件，${e} 个错误，${w} 个警告`,
  },
  /** The command itself. */
  cli: {
    about: 'gridsafe：安全生产网格化管理规则包工具。写规则 → 校验 → 测试 → 比较 → 打印手册',
    internal: '内部错误(请报告此问题)：',
  },
  /** `gridsafe test`. */
  test: {
    describe: '运行规则包的测试用例(*.cases.json)：逐条给出通过/未通过及期望与实际的差异；--coverage 报告覆盖率',
    expectedActual: '期望(-) 与实际(+)：',
    summary: (p: number, f: number) => `${p} 条通过，${f} 条未通过`,
    coverage: '覆盖率',
    covLine: (rp: number, rc: number, rt: number, bp: number, bc: number, bt: number) =>
      `规则 ${rp}%(${rc}/${rt})，条件分支 ${bp}%(${bc}/${bt})`,
    uncovered: '没有用例的规则',
    missingBranches: '未出现的分支结果',
    below: (p: number, t: number) => `分支覆盖率 ${p}% 低于要求的 ${t}%`,
    badThreshold: (v: string) => `--coverage-threshold 须为 0 到 100 之间的数，不能是 "${v}"`,
  },
  /** `gridsafe check`. */
  check: {
    describe: '按规则包的巡查清单评估巡查记录(JSON、NDJSON 或标准输入)；发现隐患时退出码为 1',
    head: ['记录', '行', '网格', '巡查项', '等级', '报送', '内容'],
    severity: { general: '一般', major: '重大' },
    direct: '(直报)',
    badRecord: (name: string, line: number) => `${name} 第 ${line} 行的记录无效：`,
    summary: (r: number, h: number, p: number, bad: number) => `${r} 条记录，${h} 处隐患，${p} 项报告${bad ? `，${bad} 条无效记录` : ''}`,
    noHazards: '未发现隐患',
    why: '原因',
    writeFailed: (why: string) => `无法写出结果：${why}`,
    badFindings: (v: string) => `--findings 只能是 hazards 或 all，不能是“${v}”`,
    milestones: (date: string) => `${date} 的工作阶段与时间节点：`,
    milestoneState: { upcoming: '未开始', open: '进行中', overdue: '已逾期', done: '已完成', late: '逾期完成', undated: '原文未定时间' },
    milestoneHead: ['阶段或节点', '期限', '状态'],
    milestoneSummary: (due: number, over: number) => `${due} 项进行中，${over} 项已逾期`,
    daysLeft: (n: number) => `(还有 ${n} 天)`,
    daysOver: (n: number) => `(逾期 ${n} 天)`,
    noMilestones: '本规则包没有规定工作阶段或时间节点',
    needRecords: '请给出巡查记录文件，或用 --milestones 日期 查看工作阶段',
  },
  /** `gridsafe diff`. */
  diff: {
    describe: '比较两个规则包(或同一包的两个版本)：新增、删除、修改的条目及其出处；--replay 重放测试用例，列出结论改变的用例',
    added: '新增',
    removed: '删除',
    changed: '修改',
    fields: '字段',
    from: '出处',
    localDefault: '本地默认值',
    same: '两个规则包没有差异',
    summary: (a: number, r: number, c: number) => `新增 ${a} 项，删除 ${r} 项，修改 ${c} 项`,
    replay: '重放用例',
    flips: (n: number, t: number) => `${t} 条用例中有 ${n} 条结论改变`,
    pass: '通过',
    fail: '未通过',
    noCases: (p: string) => `${p} 中没有测试用例`,
  },
  /** `gridsafe init`. */
  init: {
    describe: '为新的市县生成覆盖包骨架：包清单、空的覆盖操作、起步测试用例和说明；生成后即可通过校验',
    badName: (n: string) => `包名 "${n}" 无效：只能用小写字母、数字和 . - _，并以字母或数字开头`,
    exists: (d: string) => `${d} 已存在，未做任何修改`,
    noCases: (p: string) => `${p} 没有可用作起步用例的测试用例；请继承一个地区包(如 chibi、xianyou)`,
    created: (d: string) => `已在 ${d} 生成规则包骨架：`,
    valid: '校验通过',
    invalid: '校验未通过(请报告此问题)：',
    next: (d: string) => `下一步：编辑 ${d}/README.md 中列出的内容，然后运行 gridsafe validate ${d} 和 gridsafe test ${d}`,
    regionName: (n: string) => `${n}(请改为本地名称)`,
    issuer: '(请填写发文单位)',
    casesTitle: (n: string) => `${n} 规则包测试用例`,
  },
  /** `gridsafe demo`. */
  demo: {
    describe:
      '演示：模拟一个地区中一个乡镇的一个月——按频次巡查(有漏巡)、发现隐患并经状态机逐级处置(村级办结、上报县里转部门、逾期)、月度考核通报；输出报告和巡查工作手册。没有巡查清单的规则包(如 mudan、chanba)不模拟巡查，而是模拟其频次规定的工作，隐患按自由报告上报',
    badMonth: (m: string) => `--month 须为 YYYY-MM，不能是 "${m}"`,
    badSeed: (s: string) => `--seed 须为整数，不能是 "${s}"`,
    noScore: '考核计分失败：',
  },
  /** `gridsafe fmt`. */
  fmt: {
    describe: '规范化规则文件的格式：键的顺序与 JSON Schema 一致，两个空格缩进；--check 只检查不修改(用于 CI)',
    wouldChange: '格式不规范',
    formatted: '已规范化',
    summary: (n: number, t: number, check: boolean) => `${t} 个规则文件中 ${n} 个${check ? '需要规范化' : '已规范化'}`,
    hint: '运行 gridsafe fmt 进行规范化',
  },
  /** `gridsafe graph`. */
  graph: {
    describe: '输出隐患案件状态机(或层级报送链)的图：Mermaid 文本或 SVG 图',
    badView: (v: string) => `--view 只能是 machine 或 chain，不能是 "${v}"`,
    none: (p: string) => `${p} 没有报送处置流程(escalation)`,
    unknown: (id: string, ids: string) => `没有报送处置流程 "${id}"；可选：${ids}`,
  },
  /** `gridsafe handbook`. */
  handbook: {
    describe:
      '生成网格员巡查工作手册(可打印的 HTML)：各类网格的巡查清单、检查要点、重大隐患判定、报送对象与流程图、工作频次；没有巡查清单的规则包则注明没有清单，列出层级与职责、报送流程图和工作频次；默认中文',
  },
  /** `gridsafe score`. */
  score: {
    describe: '按规则包的考核办法对一个考核期的记录计分：输出 JSON、Markdown 或 HTML 报告',
    badPeriod: '考核期无效：',
    badData: (n: string) => `${n} 中的数据有错误：`,
    needData: '请给出数据文件(或用 --synthetic 生成模拟数据)',
  },
  /** Messages shared by several commands. */
  common: {
    badFormat: (f: string, allowed: string) => `--format 只能是 ${allowed}，不能是 "${f}"`,
    noPack: (p: string, dir: string) => `找不到规则包 "${p}"：既不是包目录，也不在 ${dir} 中`,
    packInvalid: (n: number) => `规则包有 ${n} 个错误，请先运行 gridsafe validate 修正：`,
    unreadable: (p: string, why: string) => `无法读取 ${p}：${why}`,
    badJson: (p: string, why: string) => `${p} 不是有效的 JSON：${why}`,
    wrote: (p: string) => `已写入 ${p}`,
  },
  /** Reading records from files and stdin. */
  records: {
    badLine: (n: string, l: number, why: string) => `${n} 第 ${l} 行不是有效的 JSON：${why}`,
  },
};

/** The messages every language gives, with the same keys and the same arguments. */
export type Messages = typeof zh;
