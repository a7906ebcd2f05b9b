// Issue codes of scoring files and scoring data, with their messages in zh and en.
// Kept beside the scoring checks; errors/issues.ts, en.ts and zh.ts merge them in.

/** Typed parameters of the scoring issue codes. */
export interface ScoringIssueParams {
  /** A card's or a block's elements do not add up to its points, and it does not declare `normalise`. */
  'scoring.pointsSum': { element: string; period: string; sum: number; points: number };
  /** Two grades with the same lower bound. */
  'scoring.gradeMin': { grade: string; other: string; min: number };
  /** A per-count deduction over a fact that is not a number. */
  'scoring.countType': { deduction: string; fact: string; factType: string };
  /** A bound that contradicts another: a cap above the points, a floor above them, a range's min above its max. */
  'scoring.bounds': { element: string; field: string; value: number; limitField: string; limit: number };
  /** A measure without the facts it needs, or with one it cannot use. */
  'scoring.measure': { element: string; measure: string; field: string; problem: 'missing' | 'unused' };
  /** A fact declaration that cannot hold: a default missing, a default beside `required: true`, a default of the wrong type. */
  'scoring.factUse': { fact: string; problem: 'defaultMissing' | 'defaultWithRequired' | 'defaultType'; factType: string };
  /** A count's condition or sum names a field its record kind does not have (or not a number, for a sum). */
  'scoring.recordField': { record: string; field: string; allowed: string[] };
  /** A count that computes no number fact of the catalogue (or one gridsafe already computes from records). */
  'scoring.countFact': { count: string; problem: 'type' | 'builtin'; factType: string };
  /** A fact the scoring needs is missing for a unit and period, and declares no default. */
  'scoring.factMissing': { unit: string; period: string; fact: string };
  /** A fact given twice for one unit and month, the later record not saying it corrects the earlier. */
  'scoring.factTwice': { unit: string; month: string; fact: string; first: string };
  /** A correction that names no earlier record, or two corrections of the same record. */
  'scoring.correction': { id: string; problem: 'unknown' | 'conflict' };
  /** An assessor's value outside the deduction's range. */
  'scoring.assessorRange': { deduction: string; value: number; min: number; max: number };
  /** An assessment missing where the deduction's condition holds, given where it does not, or for no range deduction. */
  'scoring.assessment': { deduction: string; unit: string; period: string; problem: 'missing' | 'notApplicable' | 'unknownDeduction' };
  /** Too many units named by records before their `unit` record. */
  'scoring.undeclaredUnits': { limit: number; unit: string };
}

type Messages = { [C in keyof ScoringIssueParams]: (p: ScoringIssueParams[C]) => string };

const n = (x: number) => String(Math.round(x * 10000) / 10000);

/** English messages of the scoring issue codes. */
export const scoringEn: Messages = {
  'scoring.pointsSum': (p) =>
    `the elements of ${p.element} add up to ${n(p.sum)} points in a ${p.period}, not its ${n(p.points)}: correct the points, or declare "normalise" (with its source or reason) to scale them`,
  'scoring.gradeMin': (p) => `grade "${p.grade}" has the same min ${p.min} as "${p.other}": which one applies would depend on file order`,
  'scoring.countType': (p) =>
    `deduction "${p.deduction}" counts fact "${p.fact}" of type ${p.factType}: a per-count deduction needs a number; use "kind": "condition" for a yes/no fact`,
  'scoring.bounds': (p) => `${p.field} of "${p.element}" is ${n(p.value)}, above its ${p.limitField} ${n(p.limit)}`,
  'scoring.measure': (p) =>
    p.problem === 'missing'
      ? `element "${p.element}" measures "${p.measure}" and needs "${p.field}"`
      : `element "${p.element}" measures "${p.measure}", which does not use "${p.field}"`,
  'scoring.factUse': (p) =>
    p.problem === 'defaultMissing'
      ? `fact "${p.fact}" is not required, so it needs a "default" (and the reason for it)`
      : p.problem === 'defaultWithRequired'
        ? `fact "${p.fact}" is required: a default would never be used; remove it or set "required": false`
        : `the default of fact "${p.fact}" is not a ${p.factType}`,
  'scoring.recordField': (p) =>
    `a ${p.record} record has no field "${p.field}" here; expected one of ${p.allowed.map((a) => `"${a}"`).join(', ')}`,
  'scoring.countFact': (p) =>
    p.problem === 'type'
      ? `count "${p.count}" computes a catalogue fact of type ${p.factType}: a count needs an integer or number fact`
      : `fact "${p.count}" is already computed from records by gridsafe: give the count a fact of its own`,
  'scoring.factMissing': (p) =>
    `unit "${p.unit}" has no value of fact "${p.fact}" in ${p.period}, and the scoring declares no default for it`,
  'scoring.factTwice': (p) =>
    `fact "${p.fact}" of unit "${p.unit}" in ${p.month} is given twice (first at ${p.first}); a correction must say which record it "supersedes"`,
  'scoring.correction': (p) =>
    p.problem === 'unknown'
      ? `this record supersedes "${p.id}", which is no record of the data`
      : `record "${p.id}" is superseded by two records`,
  'scoring.assessorRange': (p) => `the assessor's value ${n(p.value)} for "${p.deduction}" is outside its range ${n(p.min)}–${n(p.max)}`,
  'scoring.assessment': (p) =>
    p.problem === 'missing'
      ? `deduction "${p.deduction}" applies to unit "${p.unit}" in ${p.period}, but no assessor's value was given`
      : p.problem === 'notApplicable'
        ? `an assessor's value was given for "${p.deduction}" of unit "${p.unit}" in ${p.period}, but its condition does not hold`
        : `"${p.deduction}" is not a range deduction of this scoring`,
  'scoring.undeclaredUnits': (p) =>
    `more than ${p.limit} units are named before their "unit" record (here "${p.unit}"): declare units first, or raise maxPendingUnits`,
};

/** 评分相关问题代码的中文消息。 */
export const scoringZh: Messages = {
  'scoring.pointsSum': (p) =>
    `${p.element} 的各项分值在${p.period === 'month' ? '月度' : p.period === 'quarter' ? '季度' : p.period === 'year' ? '年度' : p.period}考核中合计 ${n(p.sum)} 分，不等于其 ${n(p.points)} 分：请改正分值，或声明“normalise”（并注明依据或理由）按比例折算`,
  'scoring.gradeMin': (p) => `等次“${p.grade}”与“${p.other}”的下限同为 ${p.min}：适用哪一个将取决于文件中的先后顺序`,
  'scoring.countType': (p) =>
    `扣分项“${p.deduction}”按次数扣分，但事实“${p.fact}”的类型为 ${p.factType}：按次扣分需要数值；是/否事实请用 "kind": "condition"`,
  'scoring.bounds': (p) => `“${p.element}”的 ${p.field} 为 ${n(p.value)}，超过其 ${p.limitField} ${n(p.limit)}`,
  'scoring.measure': (p) =>
    p.problem === 'missing'
      ? `考核项“${p.element}”的计分方式为“${p.measure}”，需要“${p.field}”`
      : `考核项“${p.element}”的计分方式为“${p.measure}”，不使用“${p.field}”`,
  'scoring.factUse': (p) =>
    p.problem === 'defaultMissing'
      ? `事实“${p.fact}”不是必填的，需要给出“default”（及其理由）`
      : p.problem === 'defaultWithRequired'
        ? `事实“${p.fact}”为必填，默认值永远不会被使用：请删除默认值，或设 "required": false`
        : `事实“${p.fact}”的默认值不是 ${p.factType}`,
  'scoring.recordField': (p) => `${p.record} 记录在此没有字段“${p.field}”，应为 ${p.allowed.map((a) => `“${a}”`).join('、')} 之一`,
  'scoring.countFact': (p) =>
    p.problem === 'type'
      ? `计数“${p.count}”计算的目录事实类型为 ${p.factType}：计数需要整数或数值事实`
      : `事实“${p.count}”已由 gridsafe 根据记录计算，请为此计数另设事实`,
  'scoring.factMissing': (p) => `单位“${p.unit}”在 ${p.period} 没有事实“${p.fact}”的值，且评分规则未规定其默认值`,
  'scoring.factTwice': (p) =>
    `单位“${p.unit}”${p.month} 的事实“${p.fact}”出现两次（首次在 ${p.first}）；更正记录须用“supersedes”指明所更正的记录`,
  'scoring.correction': (p) =>
    p.problem === 'unknown' ? `此记录声明更正“${p.id}”，但数据中没有该记录` : `记录“${p.id}”被两条记录同时更正`,
  'scoring.assessorRange': (p) => `考核人员对“${p.deduction}”给出的扣分 ${n(p.value)} 超出其范围 ${n(p.min)}–${n(p.max)}`,
  'scoring.assessment': (p) =>
    p.problem === 'missing'
      ? `扣分项“${p.deduction}”适用于单位“${p.unit}”（${p.period}），但没有考核人员的评定`
      : p.problem === 'notApplicable'
        ? `单位“${p.unit}”（${p.period}）有“${p.deduction}”的评定，但其适用条件不成立`
        : `“${p.deduction}”不是本评分规则中的区间扣分项`,
  'scoring.undeclaredUnits': (p) =>
    `超过 ${p.limit} 个单位在其“unit”记录之前被引用（此处为“${p.unit}”）：请先声明单位，或提高 maxPendingUnits`,
};
