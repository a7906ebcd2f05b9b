/** Messages of `gridsafe check`. */
export const text = {
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
