import { type Static, Type } from '@sinclair/typebox';
import { Bilingual, DateString, header, Id, provenanceFields, Severity, strictObject } from '../common.js';

/** Fields an overlay `setParameter` may change. */
export const PARAMETER_FIELDS = ['within', 'every', 'count', 'weight', 'points', 'min', 'max', 'cap', 'passMark', 'perMiss'] as const;

const opBase = { id: Type.Optional(Id), ...provenanceFields };

/** Overlay: add an element to an inherited collection. */
export const AddOp = strictObject({
  op: Type.Literal('add'),
  into: Type.String({
    pattern: '^[a-z0-9][a-z0-9._-]{0,79}(#[a-zA-Z]+)?$',
    description: 'The file id that receives the element, with #collection when the file has several (e.g. xianyou.hierarchy#cadences).',
  }),
  element: Type.Record(Type.String(), Type.Unknown(), {
    description: "The element, as it would appear in that file: checked against that file's schema once the overlay is applied.",
  }),
  ...opBase,
});
/** Overlay: remove an inherited element (not allowed when the parent locked it). */
export const RemoveOp = strictObject({ op: Type.Literal('remove'), target: Id, ...opBase });
/** Overlay: change fields of an inherited element. */
export const ModifyOp = strictObject({
  op: Type.Literal('modify'),
  target: Id,
  set: Type.Record(
    Type.String({
      // A field name other than `id` and `kind`, spelled out without lookaheads so every tool reads it.
      pattern:
        '^(?:[A-Za-hjl-z][A-Za-z0-9]{0,63}|i|i[A-Za-ce-z0-9][A-Za-z0-9]{0,62}|id[A-Za-z0-9]{1,62}|k|k[A-Za-hj-z0-9][A-Za-z0-9]{0,62}|ki|ki[A-Za-mo-z0-9][A-Za-z0-9]{0,61}|kin|kin[A-Za-ce-z0-9][A-Za-z0-9]{0,60}|kind[A-Za-z0-9]{1,60})$',
    }),
    Type.Unknown(),
    {
      minProperties: 1,
      additionalProperties: false,
      description: 'Fields to change, as they would appear in the element (or file); `id` and `kind` cannot change.',
    },
  ),
  ...opBase,
});
/** Overlay: set one parameter (due time, cadence, weight, points…) of an inherited element. */
export const SetParameterOp = strictObject({
  op: Type.Literal('setParameter'),
  target: Id,
  parameter: Type.Unsafe<(typeof PARAMETER_FIELDS)[number]>({ type: 'string', enum: [...PARAMETER_FIELDS] }),
  value: Type.Union([Type.Number(), Type.String({ maxLength: 100 })]),
  severity: Type.Optional(Severity),
  ...opBase,
});

/** One overlay operation on what a pack inherits. */
export const OverlayOp = Type.Unsafe<
  Static<typeof AddOp> | Static<typeof RemoveOp> | Static<typeof ModifyOp> | Static<typeof SetParameterOp>
>({
  type: 'object',
  required: ['op'],
  discriminator: { propertyName: 'op' },
  oneOf: [AddOp, RemoveOp, ModifyOp, SetParameterOp],
});
/** An overlay operation. */
export type OverlayOp = Static<typeof OverlayOp>;

/** The pack manifest (`pack.json`): identity, parents, files, dates, issuer and overlays. */
export const PackFile = strictObject(
  {
    ...header('pack'),
    region: strictObject({
      code: Type.String({
        pattern: '^[a-z0-9][a-z0-9._-]{0,79}$',
        description: 'Region key; two packs for one region may not be in force on the same day.',
      }),
      name: Bilingual,
      level: Type.Optional(Id),
    }),
    extends: Type.Array(Id, { maxItems: 10, uniqueItems: true, description: 'Parent packs, by id.' }),
    files: Type.Array(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\\.json$' }), {
      maxItems: 200,
      uniqueItems: true,
      description: 'Rule files of this pack, relative to the manifest.',
    }),
    effective: strictObject(
      { from: DateString, to: Type.Optional(DateString), ...provenanceFields },
      'The days the pack is in force, with where the dates come from (a date the texts do not give is a local default).',
    ),
    issuer: Bilingual,
    docNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    overlays: Type.Optional(Type.Array(OverlayOp, { maxItems: 2000 })),
  },
  'A rule pack manifest.',
);
/** A pack manifest. */
export type PackFile = Static<typeof PackFile>;
