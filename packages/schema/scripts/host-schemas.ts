// The JSON Schemas of what a host receives, generated from the io-ts codecs that check it, so the
// two never disagree: patrol records, hazard reports, escalation events (from @gridsafe/schema) and
// period records (from @gridsafe/scoring, whose codecs they are).
import type * as t from 'io-ts';
import { ScoreRecord } from '../../scoring/src/records/codec.js';
import { EscalationEventCodec, HazardReport, PatrolRecord, SCHEMA_BASE, toJsonSchema } from '../src/index.js';

/** Each host input: its file name, title and codec. */
export const HOST_INPUTS: { file: string; title: string; description: string; codec: t.Mixed }[] = [
  {
    file: 'patrol-record.schema.json',
    title: 'gridsafe patrol record',
    description:
      "One patrol by a grid worker: the grid, the worker, the time, the checklist's answers by item id, photos and observed facts.",
    codec: PatrolRecord,
  },
  {
    file: 'hazard-report.schema.json',
    title: 'gridsafe hazard report',
    description: 'A hazard reported from the field: the start of a hazard case.',
    codec: HazardReport,
  },
  {
    file: 'escalation-event.schema.json',
    title: 'gridsafe escalation event',
    description:
      'An event a hazard case accepts, told apart by type; every event has an id unique per case, a time with a zone, an actor and a role.',
    codec: EscalationEventCodec,
  },
  {
    file: 'period-record.schema.json',
    title: 'gridsafe period record',
    description: "One record of a period's data for scoring, told apart by type (unit, patrol, hazard, meeting, fact, ...).",
    codec: ScoreRecord,
  },
];

/** The published schema of one host input. */
export function hostSchema(input: (typeof HOST_INPUTS)[number]): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${SCHEMA_BASE}${input.file}`,
    title: input.title,
    description: input.description,
    ...toJsonSchema(input.codec),
  };
}
