import { createRegistry, type PackSet, type PackSource } from '@gridsafe/engine';
import { loadPackSet } from '@gridsafe/engine/node';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { type CaseSnapshot, type EscalationMachine, machineModel, machineRegistry, openCase, transition } from '../src/index.js';

const T = 'xianyou.tier.';
const loaded = loadPackSet(new URL('../../../rules/', import.meta.url).pathname);
if (E.isLeft(loaded)) throw new Error('rules/ does not load');
const seeds = loaded.right;

/** rules/ with xianyou 1.0.0 ending 2026-12-31 and a 1.1.0 from 2027-01-01 that renames the village tier. */
function twoVersions(): PackSet {
  const set = new Map(seeds as Map<string, PackSource[]>);
  const v1 = set.get('xianyou')?.[0] as PackSource;
  const m = v1.manifest.data;
  const old: PackSource = { ...v1, manifest: { ...v1.manifest, data: { ...m, effective: { ...m.effective, to: '2026-12-31' } } } };
  const next: PackSource = {
    ...v1,
    manifest: {
      ...v1.manifest,
      data: {
        ...m,
        version: '1.1.0',
        effective: { from: '2027-01-01' },
        overlays: [
          ...(m.overlays ?? []),
          {
            op: 'modify',
            target: `${T}village`,
            set: { title: { zh: '村（社区）网格工作站', en: 'Village station (1.1)' } },
            source: [{ seed: '004', clause: '建立分级处理处置机制' }],
          },
        ],
      },
    },
  };
  set.set('xianyou', [old, next]);
  return set;
}

const ok = <T>(r: E.Either<unknown, T>): T => {
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left));
  return r.right;
};
const villageTitle = (m: EscalationMachine) => machineModel(m)?.model.tiers.get(`${T}village`)?.tier.title.en;
const open = (m: EscalationMachine, id: string, at: string): CaseSnapshot => {
  const r = openCase(m, id, { id: `${id}-1`, at, actor: 'chen', role: `${T}grid-worker`, grade: 'general', photos: ['p.jpg'] });
  if (r.rejected) throw new Error(r.rejected.message.en);
  return r.snapshot;
};

describe('machineRegistry', () => {
  it('gives the machine in force on a date, and a case its pinned version after a new one is published', () => {
    const machines = machineRegistry(createRegistry(twoVersions()));
    const march = ok(machines.at('xianyou', '2026-03-02'));
    const next = ok(machines.at('xianyou', '2027-02-01T09:00:00+08:00'));
    expect(machineModel(march)?.model.pack).toEqual({ id: 'xianyou', version: '1.0.0' });
    expect(machineModel(next)?.model.pack).toEqual({ id: 'xianyou', version: '1.1.0' });
    expect(villageTitle(next)).toBe('Village station (1.1)');
    expect(villageTitle(march)).not.toBe('Village station (1.1)');
    // Same date, same machine object: built once.
    expect(ok(machines.at('xianyou', '2026-05-01'))).toBe(march);

    // A case opened in 2026 runs under 1.0.0 even when its next event comes in 2027.
    const c = open(march, 'c1', '2026-12-30T09:00:00+08:00');
    const m = ok(machines.forCase(c));
    expect(m).toBe(march);
    const r = transition(m, c, {
      type: 'ESCALATE',
      id: 'c1-2',
      at: '2027-01-02T09:00:00+08:00',
      actor: 'chen',
      role: `${T}grid-worker`,
      reason: 'xianyou.reason.report',
    });
    expect(r.rejected).toBeUndefined();
    // The 1.1.0 machine refuses it, as the case is pinned to 1.0.0.
    expect(
      transition(next, c, { type: 'ACCEPT', id: 'x', at: '2027-01-02T09:00:00+08:00', actor: 'v', role: `${T}village` }).rejected?.code,
    ).toBe('escalation.packMismatch');
    // A case opened under 1.1.0 gets the 1.1.0 machine.
    expect(ok(machines.forCase(open(next, 'c2', '2027-02-01T09:00:00+08:00')))).toBe(next);
    expect(ok(machines.pinned({ id: 'xianyou', version: '1.1.0' }))).toBe(next);
  });

  it('reports an unknown version, a case without a pin and a policy the pack lacks', () => {
    const machines = machineRegistry(createRegistry(twoVersions()));
    const codes = (r: E.Either<{ code: string }[], unknown>) => (E.isLeft(r) ? r.left.map((i) => i.code) : []);
    expect(codes(machines.pinned({ id: 'xianyou', version: '9.0.0' }))).toEqual(['ref.unknown']);
    expect(codes(machines.forCase({ caseId: 'x' } as unknown as CaseSnapshot))).toEqual(['schema.required']);
    expect(codes(machines.at('xianyou', '2026-03-02', 'nope'))).toEqual(['escalation.noPolicy']);
    expect(codes(machines.at('atlantis', '2026-03-02'))).toEqual(['ref.unknown']);
  });

  it('never throws on a malformed case or request (property)', () => {
    const machines = machineRegistry(createRegistry(seeds));
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (a, b, c) => {
        for (const r of [
          machines.forCase(a as CaseSnapshot),
          machines.forCase({ pack: a, audit: b, policy: c } as unknown as CaseSnapshot),
          machines.pinned(a as { id: string; version: string }, b as string),
          machines.at(a as string, b as string, c as string),
        ])
          expect(['Left', 'Right']).toContain(r._tag);
      }),
    );
  });
});
