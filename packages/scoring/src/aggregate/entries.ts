import { type Issue, type Location, makeIssue } from '@gridsafe/schema';

/** One value given by a record for a (unit, fact or deduction, month) key, with where it was. */
export interface Entry<V> {
  value: V;
  id?: string;
  supersedes?: string;
  reason?: string;
  assessor?: string;
  /** The record's position (index, or line with numbered input). */
  pos: number;
}

/** A correction the data made: the value that stands and the values it replaced. */
export interface Correction {
  unit: string;
  /** The fact, or the range deduction an assessor's value is for. */
  fact: string;
  month: string;
  value: number | boolean;
  /** The correcting record's id, and the ids and values it replaced, latest first. */
  id?: string;
  replaced: { id: string; value: number | boolean }[];
  reason?: string;
}

/** At most this many records per (unit, fact, month): a correction chain longer than this is refused. */
export const MAX_ENTRIES_PER_KEY = 16;

/**
 * Values given once per key, and corrections that name what they supersede. Resolution does not
 * depend on record order: the value that stands is the one no other record supersedes; two such
 * values are an error, and so is a correction of a record that is not there or corrected twice.
 */
export class Entries<V extends number | boolean> {
  readonly byKey = new Map<string, { unit: string; fact: string; month: string; list: Entry<V>[] }>();

  /** Add one; false when the key already holds {@link MAX_ENTRIES_PER_KEY} records. */
  add(unit: string, fact: string, month: string, e: Entry<V>): boolean {
    const key = `${unit}\u0000${fact}\u0000${month}`;
    let slot = this.byKey.get(key);
    if (!slot) {
      slot = { unit, fact, month, list: [] };
      this.byKey.set(key, slot);
    }
    if (slot.list.length >= MAX_ENTRIES_PER_KEY) return false;
    slot.list.push(e);
    return true;
  }

  /** The value that stands for each key, the corrections made, and the problems found. */
  resolve(at: (pos: number, field: string) => Location): {
    winners: { unit: string; fact: string; month: string; entry: Entry<V> }[];
    corrections: Correction[];
    issues: Issue[];
  } {
    const winners: { unit: string; fact: string; month: string; entry: Entry<V> }[] = [];
    const corrections: Correction[] = [];
    const issues: Issue[] = [];
    for (const { unit, fact, month, list } of this.byKey.values()) {
      const sorted = [...list].sort((a, b) => a.pos - b.pos);
      const byId = new Map(sorted.filter((e) => e.id !== undefined).map((e) => [e.id as string, e]));
      const supersededBy = new Map<string, Entry<V>>();
      for (const e of sorted) {
        if (e.supersedes === undefined) continue;
        if (!byId.has(e.supersedes))
          issues.push(makeIssue('scoring.correction', at(e.pos, 'supersedes'), { id: e.supersedes, problem: 'unknown' }));
        else if (supersededBy.has(e.supersedes))
          issues.push(makeIssue('scoring.correction', at(e.pos, 'supersedes'), { id: e.supersedes, problem: 'conflict' }));
        else supersededBy.set(e.supersedes, e);
      }
      const standing = sorted.filter((e) => e.id === undefined || !supersededBy.has(e.id));
      if (standing.length > 1) {
        const first = standing[0] as Entry<V>;
        const firstAt = at(first.pos, '');
        const where = firstAt.line > 0 ? `${firstAt.file}:${firstAt.line}` : `${firstAt.file}${firstAt.pointer}`;
        for (const e of standing.slice(1))
          issues.push(makeIssue('scoring.factTwice', at(e.pos, 'value'), { unit, month, fact, first: where }, { related: firstAt }));
        continue;
      }
      const entry = standing[0];
      if (!entry) {
        // Every record superseded by another: a cycle of corrections.
        const e = sorted[0] as Entry<V>;
        issues.push(makeIssue('scoring.correction', at(e.pos, 'supersedes'), { id: e.id ?? '', problem: 'conflict' }));
        continue;
      }
      winners.push({ unit, fact, month, entry });
      if (entry.supersedes !== undefined) {
        const replaced: { id: string; value: number | boolean }[] = [];
        const seen = new Set<string>();
        for (let id: string | undefined = entry.supersedes; id !== undefined && !seen.has(id); id = byId.get(id)?.supersedes) {
          seen.add(id);
          const old = byId.get(id);
          if (old) replaced.push({ id, value: old.value });
        }
        corrections.push({
          unit,
          fact,
          month,
          value: entry.value,
          ...(entry.id !== undefined ? { id: entry.id } : {}),
          replaced,
          ...(entry.reason !== undefined ? { reason: entry.reason } : {}),
        });
      }
    }
    return { winners, corrections, issues };
  }
}
