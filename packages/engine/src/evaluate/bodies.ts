import { type Bilingual, type Body, type Citation, type Issue, makeIssue, toPointer } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';
import type { ResolvedPack } from '../resolve/types.js';

/** A seat of a body. */
export type SeatName = 'chair' | 'deputies' | 'members' | 'lead' | 'office';

/**
 * What a host knows of one body: whether it is set up, and who holds its seats (names or ids of its
 * own; only whether a seat is held is checked). Leave out what is not known.
 */
export interface BodyState {
  established?: boolean;
  chair?: string | null;
  deputies?: readonly string[];
  members?: readonly string[];
  lead?: string | null;
  /** Where the office sits, or `null` when it has none. */
  office?: string | null;
}

/** One seat the pack gives a body, and whether the host's body fills it (`null`: not known). */
export interface SeatResult {
  seat: SeatName;
  /** Who holds it, in the text's words. */
  holder: Bilingual[];
  filled: boolean | null;
  /** How many hold it, for deputies and members. */
  count?: number;
}

/** One body of the pack checked against what the host knows of it. */
export interface BodyResult {
  id: string;
  title: Bilingual;
  kind: Body['kind'];
  established: boolean | null;
  seats: SeatResult[];
  /** Set up, with no seat the pack gives it known to be empty (unknown seats do not fail it). */
  ok: boolean;
  source?: Citation[];
  localDefault?: true;
}

/** The pack's leading groups, committees and joint systems checked against the host's. */
export interface BodiesResult {
  pack: { id: string; version: string };
  bodies: BodyResult[];
  /** `body#seat` for every seat known to be empty, and `body` for a body known not to be set up. */
  unfilled: string[];
  /** `body#seat` (or `body`) for what the host did not say. */
  unknown: string[];
}

const str = (v: unknown) => typeof v === 'string' && v.length > 0;
const strings = (v: unknown): v is readonly string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

function shown(v: unknown): string {
  try {
    return JSON.stringify(v)?.slice(0, 60) ?? typeof v;
  } catch {
    return typeof v;
  }
}

function stateIssues(id: string, s: unknown, at: (path: (string | number)[]) => ReturnType<typeof loc>): Issue[] {
  const bad = (field: string, expected: string, found: unknown) =>
    makeIssue('codec.invalid', at([id, field]), { expected }, { expected, found: shown(found) });
  if (s === null || typeof s !== 'object' || Array.isArray(s)) {
    const expected = '{ established?, chair?, deputies?, members?, lead?, office? }';
    return [makeIssue('codec.invalid', at([id]), { expected }, { expected, found: shown(s) })];
  }
  const out: Issue[] = [];
  for (const [k, v] of Object.entries(s)) {
    if (k === 'established') {
      if (typeof v !== 'boolean') out.push(bad(k, 'true or false', v));
    } else if (k === 'chair' || k === 'lead' || k === 'office') {
      if (v !== null && typeof v !== 'string') out.push(bad(k, 'a name, or null', v));
    } else if (k === 'deputies' || k === 'members') {
      if (!strings(v)) out.push(bad(k, 'an array of names', v));
    } else out.push(bad(k, 'established | chair | deputies | members | lead | office', k));
  }
  return out;
}

const loc = (name: string, path: (string | number)[]) => ({ file: name, line: 0, column: 0, pointer: toPointer(path) });

function seatsOf(b: Body, s: BodyState | undefined): SeatResult[] {
  const out: SeatResult[] = [];
  const one = (seat: 'chair' | 'lead', holder: { holder: Bilingual } | undefined) => {
    if (!holder) return;
    const v = s?.[seat];
    out.push({ seat, holder: [holder.holder], filled: v === undefined ? null : str(v) });
  };
  const many = (seat: 'deputies' | 'members', holders: readonly { holder: Bilingual }[] | undefined) => {
    if (!holders || holders.length === 0) return;
    const v = s?.[seat];
    out.push({
      seat,
      holder: holders.map((x) => x.holder),
      filled: v === undefined ? null : v.some(str),
      ...(v === undefined ? {} : { count: v.filter(str).length }),
    });
  };
  one('chair', b.chair);
  many('deputies', b.deputies);
  many('members', b.members);
  one('lead', b.lead);
  if (b.office) {
    const v = s?.office;
    out.push({ seat: 'office', holder: [b.office.at], filled: v === undefined ? null : str(v) });
  }
  return out;
}

/**
 * Check the pack's leading groups, committees and joint systems (领导小组, 委员会, 联席会议, 联合稽查)
 * against what the host knows of its own: each body set up or not, and each seat the pack gives it
 * (chair, deputies, members, lead department, office) filled, empty, or not known. A body or seat
 * the host says nothing of is reported as unknown, never as filled. States of bodies the pack does
 * not have, or of the wrong shape, give located issues.
 *
 * @example
 * ```ts
 * import { checkBodies, type ResolvedPack } from '@gridsafe/engine';
 * declare const pack: ResolvedPack;
 * const r = checkBodies(pack, { 'jianguanju.body.leading-group': { established: true, chair: '局长', deputies: [] } });
 * if (r._tag === 'Right') console.log(r.right.unfilled); // ['jianguanju.body.leading-group#deputies', …]
 * ```
 */
export function checkBodies(pack: ResolvedPack, states: unknown, name = 'bodies'): E.Either<Issue[], BodiesResult> {
  const at = (path: (string | number)[]) => loc(name, path);
  const bodies = pack.hierarchies.flatMap((h) => h.bodies ?? []);
  const ids = new Set(bodies.map((b) => b.id));
  if (states === null || typeof states !== 'object' || Array.isArray(states)) {
    const expected = '{ <body id>: { established?, chair?, deputies?, members?, lead?, office? } }';
    return E.left([makeIssue('codec.invalid', at([]), { expected }, { expected, found: shown(states) })]);
  }
  const issues: Issue[] = [];
  for (const [id, s] of Object.entries(states)) {
    if (!ids.has(id)) issues.push(makeIssue('ref.unknown', at([id]), { refKind: 'body', id }, { found: id }));
    else issues.push(...stateIssues(id, s, at));
  }
  if (issues.length > 0) return E.left(issues);
  const given = states as Record<string, BodyState>;
  const results = bodies.map((b): BodyResult => {
    const s = Object.hasOwn(given, b.id) ? given[b.id] : undefined;
    const seats = seatsOf(b, s);
    const established = s?.established ?? null;
    return {
      id: b.id,
      title: b.title,
      kind: b.kind,
      established,
      seats,
      ok: established !== false && seats.every((x) => x.filled !== false),
      ...(b.source ? { source: b.source } : {}),
      ...(b.localDefault ? { localDefault: true as const } : {}),
    };
  });
  const unfilled: string[] = [];
  const unknown: string[] = [];
  for (const b of results) {
    if (b.established === false) unfilled.push(b.id);
    if (b.established === null) unknown.push(b.id);
    for (const x of b.seats) {
      if (x.filled === false) unfilled.push(`${b.id}#${x.seat}`);
      if (x.filled === null) unknown.push(`${b.id}#${x.seat}`);
    }
  }
  return E.right({ pack: { id: pack.id, version: pack.version }, bodies: results, unfilled, unknown });
}
