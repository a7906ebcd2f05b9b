/** Messages of `gridsafe test`. */
export const text = {
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
