import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from './index.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

describe('example 4: a host keeping cases in @gridsafe/store', () => {
  let result: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    result = await run();
  });

  it('closes the LPG case after the department bans it, across a restart', () => {
    const { rows, log } = result;
    const lpg = rows.get('lpg');
    expect(lpg?.state).toBe('closed');
    expect(lpg?.audit.map((a) => a.event)).toEqual(['REPORT', 'ESCALATE', 'ACCEPT', 'FORWARD', 'RESOLVE', 'VERIFY_PASS', 'CLOSE']);
    expect(lpg?.pack).toEqual({ id: 'xianyou', version: '1.0.0' });
    expect(log).toContain('lpg: FORWARD lpg-4 already applied, ignored');
    expect(log.indexOf('— restart: process 2 —')).toBeGreaterThan(0);
  });

  it("fires DEADLINE from the store's worker on the host's clock: the overdue case goes under supervision, and stays with the village", () => {
    const { rows } = result;
    const stairs = rows.get('stairs');
    const deadlines = stairs?.audit.filter((a) => a.event === 'DEADLINE') ?? [];
    // Village (3 days) overdue → supervised (督办), not sent up: no text sends a case up for being late.
    expect(deadlines.map((a) => [a.role, a.from, a.to])).toEqual([['system', 'village.assign', 'village.supervise']]);
    // Fired at its due time, with the id every worker would give it, though the clock ticked every hour after.
    expect(deadlines[0]?.at).toBe('2026-03-05T03:00:00.000Z');
    expect(stairs?.owner).toBe('xianyou.tier.village');
    // Supervised from its due time (2026-03-05 11:00 +08:00), with the village's three days again.
    expect(stairs?.due?.at).toBe('2026-03-08T03:00:00.000Z');
  });

  it('runs as a program', () => {
    const out = execFileSync('npx', ['--no-install', 'tsx', here('./index.ts')], { encoding: 'utf8' });
    expect(out).toContain('lpg: closed, owner xianyou.tier.township, 7 audit entries, pinned to xianyou@1.0.0');
  }, 300_000);
});
