import type { StoreMessages } from '../issues.js';

/** English messages of the store's issues. */
export const en: StoreMessages = {
  'store.unknownCase': (p) => `no case "${p.caseId}": open it with its report first`,
  'store.caseExists': (p) =>
    `case "${p.caseId}" already exists, opened by report "${p.openedBy}"; report "${p.reportId}" cannot open it again: give the new report its own case id`,
  'store.nulCharacter': (p) => `${p.field} holds a NUL character (\\u0000), which cannot be stored: remove it`,
  'store.tooLarge': (p) => `the input is ${p.size} bytes, over the store's limit of ${p.limit}`,
};
