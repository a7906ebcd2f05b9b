import { type ResolvedPack, resolvePack } from '@gridsafe/engine';
import { loadPackSet } from '@gridsafe/engine/node';
import * as E from 'fp-ts/lib/Either.js';
import { createEscalationMachine, type EscalationEvent, type EscalationMachine, type MachineOptions } from '../src/index.js';

const rulesDir = new URL('../../../rules/', import.meta.url).pathname;
const loaded = loadPackSet(rulesDir);
if (E.isLeft(loaded)) throw new Error(loaded.left.map((i) => `${i.file}:${i.line} ${i.message.en}`).join('\n'));
const set = loaded.right;

/** The seed regions that have an escalation policy. */
export const REGIONS = ['chanba', 'chibi', 'jianguanju', 'mudan', 'xianyou'] as const;

/** A resolved pack of rules/. */
export function pack(id: string): ResolvedPack {
  const r = resolvePack(set, id);
  if (E.isLeft(r)) throw new Error(r.left.map((i) => i.message.en).join('; '));
  return r.right;
}

/** A region's machine. */
export function machineOf(id: string, options?: MachineOptions): EscalationMachine {
  const m = createEscalationMachine(pack(id), options);
  if (E.isLeft(m)) throw new Error(m.left.map((i) => i.message.en).join('; '));
  return m.right;
}

let n = 0;
/** An event with a fresh id at the given time. */
export function ev<T extends EscalationEvent['type']>(
  type: T,
  role: string,
  at: string,
  extra: Omit<Extract<EscalationEvent, { type: T }>, 'type' | 'id' | 'at' | 'actor' | 'role'> | Record<string, never> = {},
): EscalationEvent {
  n += 1;
  return { type, id: `ev-${n}`, at, actor: `actor-${role}`, role, ...extra } as EscalationEvent;
}
