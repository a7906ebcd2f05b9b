/** Messages of `gridsafe init`. */
export const text = {
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
