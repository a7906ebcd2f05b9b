import { type Issue, linearize, makeIssue } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';
import { resolvePack } from '../resolve/resolve.js';
import type { PackSet, PackSource, ResolvedPack } from '../resolve/types.js';
import { boundaries, pinned, spanOf } from './segments.js';

/** One version of a pack the registry holds. */
export interface PackVersionInfo {
  id: string;
  version: string;
  effective: { from: string; to?: string };
  extends: string[];
}

/**
 * Resolved packs by date and by pinned version, each resolved once and shared (see
 * {@link createRegistry}).
 */
export interface PackRegistry {
  /** The pack versions this registry was built from. */
  readonly set: PackSet;
  /** Every pack id, sorted. */
  ids(): string[];
  /** The versions of pack `id`, earliest first (empty for an unknown id). */
  versions(id: string): PackVersionInfo[];
  /**
   * The pack `id` with the versions in force on `date`: a `YYYY-MM-DD` date, or an ISO date-time
   * whose date as written (its first ten characters, in its own offset) is used.
   */
  at(id: string, date: string): E.Either<Issue[], ResolvedPack>;
  /**
   * Exactly version `version` of pack `id`, with its parents as in force on `date` (default: the
   * version's first day in force). A date outside the version's own range is moved to its nearest
   * day in force. For a case pinned to `id@version`, pass the day it was opened.
   */
  version(id: string, version: string, date?: string): E.Either<Issue[], ResolvedPack>;
}

const DATE = /^\d{4}-\d{2}-\d{2}/;
const request = (pointer: string) => ({ file: '(request)', line: 1, column: 1, pointer });
/** A value as text for a message, without calling into it (hostile objects may not convert). */
const show = (v: unknown) => (typeof v === 'string' ? v : v === null ? 'null' : typeof v);

/** The resolutions of one pack id (or one pinned version): its boundaries and one slot per span. */
interface Spans {
  bounds: string[];
  slots: (E.Either<Issue[], ResolvedPack> | undefined)[];
  /** The last date asked and its answer: consecutive records often share a day. */
  lastDate?: string;
  last?: E.Either<Issue[], ResolvedPack>;
}

const chainKey = (chain: PackSource[]) => chain.map((p) => `${p.manifest.data.id}@${p.manifest.data.version}`).join(',');

/**
 * A registry of several versions of several packs. It answers two questions hosts ask all the
 * time: which pack is in force on a record's date (`at`), and which pack a case pinned to
 * `id@version` runs under (`version`). Each distinct chain of versions is resolved once and the
 * same `ResolvedPack` object is returned every time after, so everything an evaluator caches on a
 * pack (compiled conditions, machines) is built once too. Choosing the pack by date for each
 * record is a binary search over the dates where versions change, plus a check of the date's form.
 *
 * Errors are located issues, never exceptions: an unknown pack or version (`ref.unknown`), a date
 * that is not `YYYY-MM-DD` (`schema.format`), and the resolver's own (cycles, overlaps, overlays).
 *
 * @example
 * ```ts
 * import { createRegistry, evaluatePatrol } from '@gridsafe/engine';
 * import { loadPackSet } from '@gridsafe/engine/node';
 * const set = loadPackSet('rules/');
 * if (set._tag === 'Right') {
 *   const registry = createRegistry(set.right);
 *   const record = { id: 'r1', gridId: 'g1', gridType: 'village', workerId: 'w1', at: '2018-03-01T09:00:00+08:00',
 *     answers: { 'chibi.village.02': false }, photos: [] };
 *   const pack = registry.at('chibi', record.at);
 *   if (pack._tag === 'Right') console.log(pack.right.version, evaluatePatrol(pack.right, record)._tag);
 *   console.log(registry.versions('chibi').map((v) => v.version)); // [ '1.0.0' ]
 * }
 * ```
 */
export function createRegistry(set: PackSet): PackRegistry {
  const byChain = new Map<string, E.Either<Issue[], ResolvedPack>>();
  const byId = new Map<string, Spans>();
  type Pinned = { spans: Spans; set: PackSet; source: PackSource } | { issues: Issue[] };
  const byVersion = new Map<string, Pinned>();

  /** Resolve `id` in `within` on `date`, sharing the result with every date of the same chain. */
  const resolveOn = (within: PackSet, id: string, date: string): E.Either<Issue[], ResolvedPack> => {
    const chain = linearize(within, id, date);
    if (chain.length > 0 && 'code' in (chain[0] as object)) return E.left(chain as Issue[]);
    const key = chainKey(chain as PackSource[]);
    let hit = byChain.get(key);
    if (!hit) {
      hit = resolvePack(within, id, { asOf: date });
      byChain.set(key, hit);
    }
    return hit;
  };

  const lookup = (spans: Spans, within: PackSet, id: string, day: string, unknown: () => Issue[]): E.Either<Issue[], ResolvedPack> => {
    if (spans.lastDate === day && spans.last) return spans.last;
    const i = spanOf(spans.bounds, day);
    let hit: E.Either<Issue[], ResolvedPack>;
    if (i < 0) hit = E.left(unknown());
    else {
      hit = spans.slots[i] ?? resolveOn(within, id, spans.bounds[i] as string);
      spans.slots[i] = hit;
      // A span that does not resolve is told again for the day asked, so its issues name that day.
      if (E.isLeft(hit)) hit = resolvePack(within, id, { asOf: day });
    }
    spans.lastDate = day;
    spans.last = hit;
    return hit;
  };

  const badDate = (date: unknown, pointer: string): Issue[] => [
    makeIssue('schema.format', request(pointer), { format: 'date' }, { expected: 'YYYY-MM-DD', found: show(date) }),
  ];
  const unknownPack = (id: string, pointer = '/id'): Issue[] => [
    makeIssue('ref.unknown', request(pointer), { refKind: 'pack', id }, { found: id }),
  ];

  const registry: PackRegistry = {
    set,
    ids: () => [...set.keys()].sort(),
    versions(id) {
      const list = typeof id === 'string' ? (set.get(id) ?? []) : [];
      return list
        .map((v) => {
          const m = v.manifest.data;
          return { id: m.id, version: m.version, effective: { ...m.effective }, extends: [...m.extends] };
        })
        .sort((a, b) => (a.effective.from < b.effective.from ? -1 : a.effective.from > b.effective.from ? 1 : 0));
    },
    at(id, date) {
      if (typeof date !== 'string') return E.left(badDate(date, '/date'));
      const day = date.length === 10 ? date : date.slice(0, 10);
      let spans = typeof id === 'string' ? byId.get(id) : undefined;
      // The hot path: the same day as the last call for this pack (its form was checked then).
      if (spans !== undefined && spans.lastDate === day && spans.last !== undefined) return spans.last;
      if (!DATE.test(date)) return E.left(badDate(date, '/date'));
      if (typeof id !== 'string' || !set.has(id)) return E.left(unknownPack(show(id)));
      if (!spans) {
        const bounds = boundaries(set, id);
        spans = { bounds, slots: new Array(bounds.length) };
        byId.set(id, spans);
      }
      return lookup(spans, set, id, day, () => unknownPack(`${id} (in force on ${day})`, '/date'));
    },
    version(id, version, date) {
      if (date !== undefined && (typeof date !== 'string' || !DATE.test(date))) return E.left(badDate(date, '/date'));
      const key = `${show(id)}@${show(version)}`;
      let entry: Pinned | undefined = byVersion.get(key);
      if (entry === undefined) {
        const source = typeof id === 'string' ? set.get(id)?.find((v) => v.manifest.data.version === version) : undefined;
        if (!source) entry = { issues: unknownPack(key, '/version') };
        else {
          const within = pinned(set, id, source);
          const { from, to } = source.manifest.data.effective;
          // Only the spans inside the version's own range: before and after it, the version is not in force.
          const bounds = boundaries(within, id).filter((b) => b >= from && (to === undefined || b <= to));
          entry = { spans: { bounds, slots: new Array(bounds.length) }, set: within, source };
        }
        byVersion.set(key, entry);
      }
      if ('issues' in entry) return E.left(entry.issues);
      const { from, to } = entry.source.manifest.data.effective;
      let day = date === undefined ? from : date.slice(0, 10);
      if (day < from) day = from;
      if (to !== undefined && day > to) day = to;
      return lookup(entry.spans, entry.set, id, day, () => unknownPack(key, '/version'));
    },
  };
  return registry;
}
