/** A report language: Chinese (the policy's own, the default) or English. */
export type Lang = 'zh' | 'en';

/** Options every renderer takes. */
export interface RenderOptions {
  /** Language of the labels and rule titles (default `zh`). */
  lang?: Lang;
  /** Most units listed per level in the ranking tables (default 50); charts show the focus unit's children. */
  maxUnitsPerLevel?: number;
}

const ZH = {
  report: '考核报告',
  period: '考核期',
  unit: '考核单位',
  score: '得分',
  grade: '等次',
  rank: '排名',
  veto: '一票否决',
  metrics: '考核指标',
  metric: '指标',
  value: '指标值',
  numerator: '分子',
  denominator: '分母',
  target: '满分目标',
  points: '得分/分值',
  deductions: '扣分',
  rule: '规则与依据',
  localDefault: '本地默认',
  ranking: '同级排名',
  scoresByUnit: '各单位得分',
  trend: '逐月得分趋势',
  hazards: '隐患分级与状态',
  general: '一般隐患',
  major: '重大隐患',
  open: '未处理',
  handled: '已处理',
  closed: '已办结',
  records: '记录',
  read: '读取记录',
  outside: '期外记录',
  units: '单位数',
  showing: (n: number, of: number) => `显示前 ${n} 个，共 ${of} 个`,
  none: '无',
  lowerBetter: '越低越好',
} as const;

const EN: { [K in keyof typeof ZH]: (typeof ZH)[K] extends string ? string : (typeof ZH)[K] } = {
  report: 'Assessment report',
  period: 'Period',
  unit: 'Unit',
  score: 'Score',
  grade: 'Grade',
  rank: 'Rank',
  veto: 'Veto (一票否决)',
  metrics: 'Metrics',
  metric: 'Metric',
  value: 'Value',
  numerator: 'Numerator',
  denominator: 'Denominator',
  target: 'Full-marks target',
  points: 'Points / max',
  deductions: 'Deductions',
  rule: 'Rule and source',
  localDefault: 'local default',
  ranking: 'Ranking within level',
  scoresByUnit: 'Scores by unit',
  trend: 'Score by month',
  hazards: 'Hazards by tier and state',
  general: 'General',
  major: 'Major',
  open: 'Open',
  handled: 'Handled',
  closed: 'Closed',
  records: 'Records',
  read: 'Records read',
  outside: 'Outside the period',
  units: 'Units',
  showing: (n: number, of: number) => `first ${n} of ${of}`,
  none: 'none',
  lowerBetter: 'lower is better',
};

/** The labels of a language. */
export const labels = (lang: Lang = 'zh') => (lang === 'en' ? EN : ZH);
