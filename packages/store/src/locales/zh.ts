import type { StoreMessages } from '../issues.js';

/** Chinese messages of the store's issues. */
export const zh: StoreMessages = {
  'store.unknownCase': (p) => `案件“${p.caseId}”不存在：请先以上报事件立案`,
  'store.caseExists': (p) => `案件“${p.caseId}”已由上报“${p.openedBy}”立案，上报“${p.reportId}”不能再次立案：请为新的上报另设案件编号`,
  'store.nulCharacter': (p) => `${p.field}含有空字符（\\u0000），无法保存：请删除`,
  'store.tooLarge': (p) => `输入为 ${p.size} 字节，超过存储上限 ${p.limit} 字节`,
};
