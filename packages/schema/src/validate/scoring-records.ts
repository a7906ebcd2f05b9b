import type { FactDecl } from '../kinds/catalog.js';
import type { COUNT_RECORDS } from '../kinds/scoring.js';

const date: Pick<FactDecl, 'type'> = { type: 'date' };
const bool: Pick<FactDecl, 'type'> = { type: 'boolean' };

/**
 * The fields of each record kind a scoring `count` may test in its `where` condition or add up
 * with `sum`, with their types: the same fields the period-record codecs of `@gridsafe/scoring`
 * accept (a test holds the two together).
 *
 * @example
 * ```ts
 * import { COUNT_RECORD_FIELDS } from '@gridsafe/schema';
 * console.log(Object.keys(COUNT_RECORD_FIELDS.accident)); // [ 'date', 'level', 'deaths', 'seriousInjuries', 'directLoss' ]
 * ```
 */
export const COUNT_RECORD_FIELDS: Record<(typeof COUNT_RECORDS)[number], Record<string, Pick<FactDecl, 'type' | 'enum'>>> = {
  accident: {
    date,
    level: { type: 'string', enum: ['general', 'serious', 'major', 'extraordinary'] },
    deaths: { type: 'integer' },
    seriousInjuries: { type: 'integer' },
    directLoss: { type: 'number' },
  },
  hazard: {
    date,
    tier: { type: 'string', enum: ['general', 'major'] },
    state: { type: 'string', enum: ['open', 'handled', 'closed'] },
    dueOn: date,
    closedOn: date,
    reportedImmediately: bool,
    extended: bool,
    returned: bool,
    reworked: bool,
  },
  patrol: { date, status: { type: 'string', enum: ['done', 'carried', 'missed'] }, reported: bool, doneOn: date, recordedOn: date },
  inspection: { date, kind: { type: 'string', enum: ['led', 'spot'] } },
  supervision: { date, closed: bool },
  visit: { date, cadre: { type: 'string' }, recorded: bool },
  report: { date, kind: { type: 'string', enum: ['monthly', 'bulletin'] } },
};

/** A record kind's fields as fact declarations, for the condition checker. */
export function recordFieldFacts(record: keyof typeof COUNT_RECORD_FIELDS): Map<string, FactDecl> {
  const fields = COUNT_RECORD_FIELDS[record] ?? {};
  return new Map(
    Object.entries(fields).map(([id, f]) => [id, { id, ...f, scope: 'record', title: { zh: id, en: id } } as FactDecl] as const),
  );
}
