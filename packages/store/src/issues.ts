/** Typed parameters of every store issue, by code. */
export interface StoreIssueParams {
  /** No case has this id. */
  'store.unknownCase': { caseId: string };
  /** A case with this id exists, opened by another report. */
  'store.caseExists': { caseId: string; reportId: string; openedBy: string };
  /** A string holds a NUL character, which PostgreSQL text cannot store. */
  'store.nulCharacter': { field: string };
  /** The input is larger than the store accepts. */
  'store.tooLarge': { size: number; limit: number };
}

/** Every store issue code. */
export type StoreIssueCode = keyof StoreIssueParams;

/** A problem the store found with a request, as data: code, typed params, where (a JSON pointer) and the message in zh and en. */
export type StoreIssue = {
  [C in StoreIssueCode]: { code: C; severity: 'error'; path: string; params: StoreIssueParams[C]; message: { zh: string; en: string } };
}[StoreIssueCode];

/** The messages of one language, one function per code. */
export type StoreMessages = { [C in StoreIssueCode]: (p: StoreIssueParams[C]) => string };
