/** Messages of the test, check, diff and init commands, in both languages. */

/** `gridsafe test`. */
export const testText = {
  describe: {
    zh: '运行规则包的测试用例(*.cases.json)：逐条给出通过/未通过及期望与实际的差异；--coverage 报告覆盖率',
    en: "run a pack's test cases (*.cases.json): pass/fail with a diff of expected and actual; --coverage reports coverage",
  },
  expectedActual: { zh: '期望(-) 与实际(+)：', en: 'expected (-) and actual (+):' },
  summary: {
    zh: (p: number, f: number) => `${p} 条通过，${f} 条未通过`,
    en: (p: number, f: number) => `${p} passed, ${f} failed`,
  },
  coverage: { zh: '覆盖率', en: 'coverage' },
  covLine: {
    zh: (rp: number, rc: number, rt: number, bp: number, bc: number, bt: number) =>
      `规则 ${rp}%(${rc}/${rt})，条件分支 ${bp}%(${bc}/${bt})`,
    en: (rp: number, rc: number, rt: number, bp: number, bc: number, bt: number) =>
      `rules ${rp}% (${rc}/${rt}), condition branches ${bp}% (${bc}/${bt})`,
  },
  uncovered: { zh: '没有用例的规则', en: 'rules no case exercises' },
  missingBranches: { zh: '未出现的分支结果', en: 'outcomes never seen' },
  below: {
    zh: (p: number, t: number) => `分支覆盖率 ${p}% 低于要求的 ${t}%`,
    en: (p: number, t: number) => `branch coverage ${p}% is below the threshold ${t}%`,
  },
  badThreshold: {
    zh: (v: string) => `--coverage-threshold 须为 0 到 100 之间的数，不能是 "${v}"`,
    en: (v: string) => `--coverage-threshold must be a number from 0 to 100, not "${v}"`,
  },
};

/** `gridsafe check`. */
export const checkText = {
  describe: {
    zh: '按规则包的巡查清单评估巡查记录(JSON、NDJSON 或标准输入)；发现隐患时退出码为 1',
    en: "evaluate patrol records (JSON, NDJSON or stdin) against a pack's checklists; exit code 1 when hazards are found",
  },
  head: {
    zh: ['记录', '行', '网格', '巡查项', '等级', '报送', '内容'],
    en: ['record', 'line', 'grid', 'item', 'severity', 'route', 'text'],
  },
  severity: { zh: { general: '一般', major: '重大' }, en: { general: 'general', major: 'major' } },
  direct: { zh: '(直报)', en: ' (direct)' },
  badRecord: {
    zh: (name: string, line: number) => `${name} 第 ${line} 行的记录无效：`,
    en: (name: string, line: number) => `${name}:${line}: invalid record:`,
  },
  summary: {
    zh: (r: number, h: number, p: number, bad: number) => `${r} 条记录，${h} 处隐患，${p} 项报告${bad ? `，${bad} 条无效记录` : ''}`,
    en: (r: number, h: number, p: number, bad: number) =>
      `${r} records, ${h} hazards, ${p} reports${bad ? `, ${bad} invalid records` : ''}`,
  },
  noHazards: { zh: '未发现隐患', en: 'no hazards found' },
  why: { zh: '原因', en: 'because' },
};

/** `gridsafe diff`. */
export const diffText = {
  describe: {
    zh: '比较两个规则包(或同一包的两个版本)：新增、删除、修改的条目及其出处；--replay 重放测试用例，列出结论改变的用例',
    en: 'compare two packs (or two versions of one): items added, removed and changed, with provenance; --replay shows which case decisions flip',
  },
  added: { zh: '新增', en: 'added' },
  removed: { zh: '删除', en: 'removed' },
  changed: { zh: '修改', en: 'changed' },
  fields: { zh: '字段', en: 'fields' },
  from: { zh: '出处', en: 'from' },
  same: { zh: '两个规则包没有差异', en: 'the packs do not differ' },
  summary: {
    zh: (a: number, r: number, c: number) => `新增 ${a} 项，删除 ${r} 项，修改 ${c} 项`,
    en: (a: number, r: number, c: number) => `${a} added, ${r} removed, ${c} changed`,
  },
  replay: { zh: '重放用例', en: 'replayed cases' },
  flips: {
    zh: (n: number, t: number) => `${t} 条用例中有 ${n} 条结论改变`,
    en: (n: number, t: number) => `${n} of ${t} cases decide differently`,
  },
  pass: { zh: '通过', en: 'pass' },
  fail: { zh: '未通过', en: 'fail' },
  noCases: { zh: (p: string) => `${p} 中没有测试用例`, en: (p: string) => `no test cases in ${p}` },
};

/** `gridsafe init`. */
export const initText = {
  describe: {
    zh: '为新的市县生成覆盖包骨架：包清单、空的覆盖操作、起步测试用例和说明；生成后即可通过校验',
    en: "scaffold a new municipality's overlay pack: manifest, empty overlay, starter cases and a README; valid as created",
  },
  badName: {
    zh: (n: string) => `包名 "${n}" 无效：只能用小写字母、数字和 . - _，并以字母或数字开头`,
    en: (n: string) => `invalid pack name "${n}": use lower-case letters, digits and . - _, starting with a letter or digit`,
  },
  exists: { zh: (d: string) => `${d} 已存在，未做任何修改`, en: (d: string) => `${d} already exists; nothing written` },
  noCases: {
    zh: (p: string) => `${p} 没有可用作起步用例的测试用例；请继承一个地区包(如 chibi、xianyou)`,
    en: (p: string) => `${p} has no passing test cases to start from; extend a region pack (chibi, xianyou…)`,
  },
  created: { zh: (d: string) => `已在 ${d} 生成规则包骨架：`, en: (d: string) => `scaffolded a pack in ${d}:` },
  valid: { zh: '校验通过', en: 'it validates' },
  invalid: { zh: '校验未通过(请报告此问题)：', en: 'it does not validate (please report this):' },
  next: {
    zh: (d: string) => `下一步：编辑 ${d}/README.md 中列出的内容，然后运行 gridsafe validate ${d} 和 gridsafe test ${d}`,
    en: (d: string) => `next: edit what ${d}/README.md lists, then run gridsafe validate ${d} and gridsafe test ${d}`,
  },
  regionName: { zh: (n: string) => `${n}(请改为本地名称)`, en: (n: string) => `${n} (put the local name here)` },
  issuer: { zh: '(请填写发文单位)', en: '(the issuing office)' },
  casesTitle: {
    zh: (n: string) => `${n} 规则包测试用例`,
    en: (n: string) => `${n} rule-pack test cases`,
  },
};
