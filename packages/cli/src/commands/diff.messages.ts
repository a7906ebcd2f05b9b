/** Messages of `gridsafe diff`. */
export const text = {
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
