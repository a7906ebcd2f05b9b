import { it } from 'vitest';
import { openCase, transition } from '../src/index.js';
import { ev, machineOf } from './fixtures.js';

it('smoke', () => {
  const m = machineOf('xianyou');
  let r = openCase(m, 'c1', {
    id: 'r1',
    at: '2026-03-01T09:00:00+08:00',
    actor: 'chen',
    role: 'xianyou.tier.grid-worker',
    severity: 'general',
    photos: ['p.jpg'],
  });
  console.log(r.rejected, r.snapshot.state, r.effects);
  const steps = [
    ev('ESCALATE', 'xianyou.tier.grid-worker', '2026-03-01T10:00:00+08:00', { reason: 'cannot' }),
    ev('ACCEPT', 'xianyou.tier.village', '2026-03-01T11:00:00+08:00'),
    ev('RESOLVE', 'xianyou.tier.village', '2026-03-01T12:00:00+08:00', { evidence: ['x'] }),
    ev('VERIFY_PASS', 'xianyou.tier.grid-worker', '2026-03-01T13:00:00+08:00'),
    ev('CLOSE', 'xianyou.tier.village', '2026-03-01T14:00:00+08:00'),
  ];
  for (const e of steps) {
    r = transition(m, r.snapshot, e);
    console.log(e.type, r.rejected?.message.en, r.snapshot.state, JSON.stringify(r.effects));
  }
  console.log(JSON.stringify(r.snapshot).length);
  const t0 = performance.now();
  const s = JSON.stringify(
    openCase(m, 'c1', {
      id: 'r1',
      at: '2026-03-01T09:00:00+08:00',
      actor: 'chen',
      role: 'xianyou.tier.grid-worker',
      severity: 'general',
      photos: ['p.jpg'],
    }).snapshot,
  );
  let N = 0;
  for (let k = 0; k < 2000; k++) {
    let snap = JSON.parse(s);
    for (const e of steps) {
      const x = transition(m, JSON.parse(JSON.stringify(snap)), e);
      snap = x.snapshot;
      N++;
    }
  }
  console.log('events/s', N / ((performance.now() - t0) / 1000));
});
