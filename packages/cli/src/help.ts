/** Help texts of arguments, options and exit codes, in both languages. */
export const H = {
  examples: { zh: '示例：', en: 'Examples:' },
  exitCodes: { zh: '退出码：', en: 'Exit codes: ' },
  help: { zh: '显示帮助', en: 'display help for command' },
  lang: {
    zh: '语言：zh 或 en(默认取自系统区域设置 LC_ALL/LC_MESSAGES/LANG)',
    en: 'zh or en (default: from the locale, LC_ALL/LC_MESSAGES/LANG)',
  },
  pack: { zh: '规则包：包 id(在 --rules 目录中查找)或包目录', en: 'rule pack: a pack id (looked up under --rules) or a pack folder' },
  rules: { zh: '用包 id 时查找的规则目录', en: 'rules folder where pack ids are looked up' },
  out: { zh: '写入文件而不是标准输出', en: 'write to a file instead of stdout' },
  formatText: { zh: '输出格式：text 或 json', en: 'output format: text or json' },
  paths: { zh: '规则文件或目录(默认 rules/)', en: 'rule files or folders (default: rules/)' },
  testPack: { zh: '包 id 或包目录(默认 --rules 下的所有包)', en: 'pack id or folder (default: every pack under --rules)' },
  coverage: { zh: '报告用例覆盖了哪些规则和条件分支', en: 'report which rules and condition branches the cases exercise' },
  threshold: {
    zh: '条件分支覆盖率低于此百分比即失败(隐含 --coverage)',
    en: 'fail when branch coverage is below this percentage (implies --coverage)',
  },
  records: { zh: 'records.json、records.ndjson，或 - 表示标准输入', en: 'records.json, records.ndjson, or - for stdin' },
  formatCheck: { zh: '输出格式：table、json 或 ndjson', en: 'output format: table, json or ndjson' },
  explain: { zh: '说明每处隐患是哪些条件成立导致的', en: 'say which conditions made each hazard fire' },
  noProgress: { zh: '不显示进度条', en: 'no progress bar' },
  diffA: { zh: '包 id 或目录(旧的一方)', en: 'pack id or folder (the old one)' },
  diffB: { zh: '包 id 或目录(新的一方)', en: 'pack id or folder (the new one)' },
  replay: {
    zh: '用两个包分别运行测试用例，列出结论改变的用例(默认用两个包自己的用例，也可给出 cases 文件)',
    en: "replay test cases against both packs and list those whose decision flips (default: both packs' own cases, or a cases file)",
  },
  check: { zh: '只检查不修改；有文件格式不规范时退出码为 1', en: 'only check; exit 1 when a file is not canonical' },
  formatGraph: { zh: '输出格式：mermaid 或 svg', en: 'output format: mermaid or svg' },
  view: {
    zh: 'machine：隐患案件状态机(各层级及其步骤)；chain：层级报送链',
    en: 'machine: the hazard-case state machine (tiers and their steps); chain: the chain of tiers',
  },
  escalation: { zh: '选择报送处置流程 id(默认本包的流程)', en: "the escalation policy id (default: the pack's own)" },
  initName: { zh: '新包的 id，如 jiayu', en: 'the new pack id, e.g. jiayu' },
  extends: { zh: '上级包：包 id 或目录', en: 'the parent pack: id or folder' },
  dir: { zh: '生成位置(默认与上级包目录并列)', en: 'where to create it (default: beside the parent folder)' },
  from: { zh: '施行日期 YYYY-MM-DD(默认今天)', en: 'effective from, YYYY-MM-DD (default: today)' },
  period: { zh: '考核期：2026-07、2026-Q3 或 2026', en: 'the period: 2026-07, 2026-Q3 or 2026' },
  unit: { zh: '考核对象单位 id(默认单位树的根)', en: 'the unit to report on (default: the root of the unit tree)' },
  scoreData: { zh: '考核期记录：.json、.ndjson，或 - 表示标准输入', en: 'period records: .json, .ndjson, or - for stdin' },
  synthetic: {
    zh: '不读数据，用给定种子生成模拟数据(演示用)',
    en: 'no data file: generate synthetic data with this seed (for a demonstration)',
  },
  formatScore: { zh: '输出格式：json、md 或 html', en: 'output format: json, md or html' },
  region: { zh: '地区规则包(默认 xianyou)', en: 'the region pack (default: xianyou)' },
  seed: { zh: '随机种子(相同种子结果相同)', en: 'random seed (the same seed gives the same month)' },
  month: { zh: '模拟的月份 YYYY-MM', en: 'the month to simulate, YYYY-MM' },
  outDir: { zh: '报告和手册的输出目录', en: 'folder for the report and the handbook' },
  exits: {
    test: {
      zh: '0 全部通过(且覆盖率达标)；1 有用例未通过或覆盖率不足；2 用法错误或规则包有错误',
      en: '0 all cases pass (and coverage meets the threshold), 1 a case fails or coverage is below it, 2 usage error or a pack with errors',
    },
    check: {
      zh: '0 未发现隐患；1 发现隐患或需报告事项；2 用法错误、输入无法读取或格式错误、规则包有错误',
      en: '0 no hazards, 1 hazards or reports found, 2 usage error, unreadable or malformed input, or a pack with errors',
    },
    diff: {
      zh: '0 没有差异；1 有差异(或重放时有用例结论改变)；2 用法错误或规则包有错误',
      en: '0 no differences, 1 the packs differ (or a replayed case flips), 2 usage error or a pack with errors',
    },
    fmt: {
      zh: '0 已规范化(--check 时表示都已规范)；1 有文件需要规范化(--check)；2 用法错误、无法读取或 JSON 无效',
      en: '0 formatted (with --check: all canonical), 1 files need formatting (--check), 2 usage error, unreadable or invalid JSON',
    },
    graph: {
      zh: '0 已输出；2 用法错误、规则包有错误或没有报送处置流程',
      en: '0 written, 2 usage error, a pack with errors or without an escalation policy',
    },
    handbook: {
      zh: '0 已输出(没有巡查清单的规则包也输出，并注明没有清单)；2 用法错误或规则包有错误',
      en: '0 written (a pack without checklists too, saying it has none), 2 usage error or a pack with errors',
    },
    init: {
      zh: '0 已生成且校验通过；1 已生成但校验未通过；2 用法错误(包名无效、目录已存在、上级包不存在)',
      en: '0 created and valid, 1 created but not valid, 2 usage error (bad name, folder exists, unknown parent)',
    },
    score: {
      zh: '0 已输出；1 考核单位被一票否决；2 用法错误、考核期无效、数据有错误或规则包有错误',
      en: '0 written, 1 the unit is vetoed (一票否决), 2 usage error, unknown period, bad data or a pack with errors',
    },
    demo: { zh: '0 模拟完成；2 用法错误', en: '0 the month ran, 2 usage error' },
    validate: {
      zh: '0 全部有效；1 发现问题；2 用法错误或路径无法读取',
      en: '0 valid, 1 problems found, 2 usage error or unreadable path',
    },
  },
};
