/** The README of a scaffolded pack, in both languages. */
export function scaffoldReadme(name: string, parent: string, dir: string, examples: { item?: string; due?: string }): string {
  const item = examples.item ?? `${parent}.xxx.01`;
  const due = examples.due ?? `${parent}.tier.xxx`;
  return `# ${name}

${name} 规则包继承 \`${parent}\`，只写本地与上级包不同的地方。/ The \`${name}\` pack extends \`${parent}\` and holds only what differs locally.

## 中文：需要编辑的内容

1. \`pack.json\`：
   - \`region.code\`、\`region.name\`：本地区划代码与名称；
   - \`issuer\`、\`docNumber\`、\`effective.from\`：本地文件的发文单位、文号和施行日期；
   - \`source\`：改为引用本地文件的条文(\`seed\`、\`clause\`、\`quote\`)。
2. \`pack.json\` 的 \`overlays\`(现在是空的)：逐条写本地的改动，每条都写 \`source\`，政策没有规定的数值写 \`localDefault\` 和 \`reason\`。例如：
   - 修改一个巡查项：\`{ "op": "modify", "target": "${item}", "set": { "evidence": { "photo": "required" } } }\`
   - 改一个时限：\`{ "op": "setParameter", "target": "${due}", "parameter": "within", "value": "P2D", "severity": "general" }\`
   - 新增：\`{ "op": "add", "into": "<文件 id>", "element": { … } }\`；删除：\`{ "op": "remove", "target": "<id>" }\`(上级锁定的不能删)。
3. \`${name}.cases.json\`：起步用例取自 \`${parent}\`；每做一处改动，就加一个能体现它的用例。

然后运行：

\`\`\`sh
gridsafe validate ${dir}
gridsafe test ${dir} --coverage
gridsafe diff ${parent} ${dir}
\`\`\`

## English: what to edit

1. \`pack.json\`:
   - \`region.code\`, \`region.name\`: the local region code and name;
   - \`issuer\`, \`docNumber\`, \`effective.from\`: the issuing office, document number and date of the local document;
   - \`source\`: cite the local document's clauses (\`seed\`, \`clause\`, \`quote\`).
2. The \`overlays\` in \`pack.json\` (empty now): one operation per local change, each with its \`source\`; numbers the policy does not fix get \`localDefault\` and a \`reason\`. For example:
   - change a checklist item: \`{ "op": "modify", "target": "${item}", "set": { "evidence": { "photo": "required" } } }\`
   - change a due time: \`{ "op": "setParameter", "target": "${due}", "parameter": "within", "value": "P2D", "severity": "general" }\`
   - add: \`{ "op": "add", "into": "<file id>", "element": { … } }\`; remove: \`{ "op": "remove", "target": "<id>" }\` (not for what the parent locked).
3. \`${name}.cases.json\`: the starter cases come from \`${parent}\`; add a case that shows each change you make.

Then run the three commands above.
`;
}
