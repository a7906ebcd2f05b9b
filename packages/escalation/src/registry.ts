import type { PackRegistry, ResolvedPack } from '@gridsafe/engine';
import { type Issue, makeIssue } from '@gridsafe/schema';
import * as E from 'fp-ts/lib/Either.js';
import type { MachineIssue } from './errors/codes.js';
import { createEscalationMachine, type EscalationMachine, type MachineOptions, machineModel } from './machine/create.js';
import type { CaseSnapshot } from './snapshot.js';

/** Why no machine could be found: the pack did not resolve (located issues), or its policy is not a machine. */
export type MachineLookupIssue = Issue | MachineIssue;

/**
 * Escalation machines by date and by a case's pinned pack, built once per resolved pack and
 * policy (see {@link machineRegistry}).
 */
export interface MachineRegistry {
  /** The pack registry the machines come from. */
  readonly packs: PackRegistry;
  /** The machine of pack `id` in force on `date` (`YYYY-MM-DD` or a date-time): for opening a new case. */
  at(id: string, date: string, policy?: string): E.Either<MachineLookupIssue[], EscalationMachine>;
  /**
   * The machine of exactly `pin.version` of pack `pin.id`, with its parents as in force on `date`
   * (default: the version's first day in force).
   */
  pinned(pin: { id: string; version: string }, date?: string, policy?: string): E.Either<MachineLookupIssue[], EscalationMachine>;
  /**
   * The machine a stored case runs under: the pack id and version it is pinned to, its policy,
   * and the parents in force on the day it was opened (its first event's date).
   */
  forCase(snapshot: CaseSnapshot): E.Either<MachineLookupIssue[], EscalationMachine>;
}

const request = (pointer: string) => ({ file: '(case)', line: 1, column: 1, pointer });

/**
 * Machines for every pack and version a registry holds: a host keeps one of these and asks it for
 * the machine of each case it loads (`forCase`), so a case opened under `xianyou@1.0.0` keeps
 * running under that version after `1.1.0` is published. Machines are cached per resolved pack
 * and policy; the registry resolves each chain of versions once.
 *
 * @example
 * ```ts
 * import { createRegistry } from '@gridsafe/engine';
 * import { loadPackSet } from '@gridsafe/engine/node';
 * import { machineRegistry, openCase } from '@gridsafe/escalation';
 * const set = loadPackSet('rules/');
 * if (set._tag === 'Right') {
 *   const machines = machineRegistry(createRegistry(set.right));
 *   const m = machines.at('xianyou', '2026-03-02');
 *   if (m._tag === 'Right') {
 *     const r = openCase(m.right, 'c1', { id: 'e1', at: '2026-03-02T09:00:00+08:00', actor: 'chen',
 *       role: 'xianyou.tier.grid-worker', grade: 'general', photos: ['p.jpg'] });
 *     const again = machines.forCase(r.snapshot);
 *     console.log(again._tag === 'Right' && again.right === m.right); // true
 *   }
 * }
 * ```
 */
export function machineRegistry(packs: PackRegistry, options: Omit<MachineOptions, 'policy'> = {}): MachineRegistry {
  const machines = new WeakMap<ResolvedPack, Map<string, E.Either<MachineLookupIssue[], EscalationMachine>>>();
  const machineOf = (pack: ResolvedPack, policy: string | undefined): E.Either<MachineLookupIssue[], EscalationMachine> => {
    let byPolicy = machines.get(pack);
    if (!byPolicy) {
      byPolicy = new Map();
      machines.set(pack, byPolicy);
    }
    const key = policy ?? '';
    let hit = byPolicy.get(key);
    if (!hit) {
      // A case naming the pack's default policy gets the same machine as a lookup naming none.
      const fallback = policy === undefined ? undefined : machineOf(pack, undefined);
      hit =
        fallback && E.isRight(fallback) && machineModel(fallback.right)?.model.policy.id === policy
          ? fallback
          : createEscalationMachine(pack, policy === undefined ? options : { ...options, policy });
      byPolicy.set(key, hit);
    }
    return hit;
  };
  const then = (pack: E.Either<Issue[], ResolvedPack>, policy: string | undefined): E.Either<MachineLookupIssue[], EscalationMachine> =>
    E.isLeft(pack) ? pack : machineOf(pack.right, policy);
  return {
    packs,
    at: (id, date, policy) => then(packs.at(id, date), policy),
    pinned: (pin, date, policy) =>
      pin !== null && typeof pin === 'object'
        ? then(packs.version(pin.id, pin.version, date), policy)
        : E.left([makeIssue('schema.type', request('/pack'), { expected: 'object' })]),
    forCase(snapshot) {
      const pack = snapshot?.pack;
      if (pack === null || typeof pack !== 'object' || typeof pack.id !== 'string' || typeof pack.version !== 'string')
        return E.left([makeIssue('schema.required', request(''), { property: 'pack' })]);
      const first = Array.isArray(snapshot.audit) ? snapshot.audit[0]?.at : undefined;
      const opened = typeof first === 'string' && /^\d{4}-\d{2}-\d{2}/.test(first) ? first.slice(0, 10) : undefined;
      const policy = typeof snapshot.policy === 'string' ? snapshot.policy : undefined;
      return then(packs.version(pack.id, pack.version, opened), policy);
    },
  };
}
