// The store in a child process, for the kill -9 test (crash.test.ts): it opens the store, sends a
// fixed burst of events (all of them, from the start, on every run: a client that retries until
// acknowledged), runs two deadline workers on a simulated clock, and prints one line per
// acknowledged event. The parent kills it with SIGKILL at random moments and starts it again.
//
//   node --import tsx crash-child.ts <json options>
import { machineRegistry } from '@gridsafe/escalation';
import { seedRegistry } from '@gridsafe/rules';
import * as E from 'fp-ts/lib/Either.js';
import { createStore, pgliteDb, postgresDb } from '../src/index.js';
import { type CrashOptions, plan, simNow } from './crash-plan.js';

const options = JSON.parse(process.argv[2] as string) as CrashOptions;
const packs = seedRegistry();
if (E.isLeft(packs)) throw new Error('no packs');
const machines = machineRegistry(packs.right);
const db = options.url ? await postgresDb(options.url, { max: 6 }) : await pgliteDb(options.dataDir);
const store = await createStore({ machines, db, schema: options.schema });
const say = (line: string) => process.stdout.write(`${line}\n`);
say('READY');

const now = () => new Date(simNow(options));
const workers = [0, 1].map(() =>
  store.deadlineWorker({
    now,
    intervalMs: 20,
    batch: 10,
    onFired: (f) => say(`FIRED ${f.caseId} ${f.event.id} ${f.result.outcome}`),
    onError: (e) => say(`WORKER-ERROR ${String(e).slice(0, 200)}`),
  }),
);
for (const w of workers) w.start();

// Eight lanes, each a share of the cases, events of a case in order.
const ops = plan(options);
const lanes = Array.from({ length: 8 }, (_, i) => ops.filter((o) => Number(o.caseId.slice(1)) % 8 === i));
await Promise.all(
  lanes.map(async (lane) => {
    for (const op of lane) {
      const r = op.open
        ? await store.open(op.caseId, op.event as never, { pack: 'xianyou', unit: 'v1' })
        : await store.apply(op.caseId, op.event);
      const first = r.outcome === 'duplicate' ? r.first : r.outcome;
      say(`ACK ${op.caseId} ${op.event.id} ${r.outcome} ${first}`);
    }
  }),
);
say('SENT');
// Keep firing until the simulated clock passes the last due time the parent asks for.
while (simNow(options) < Date.parse(options.until)) await new Promise((r) => setTimeout(r, 50));
for (const w of workers) await w.stop();
// Drain: whatever is still due fires now.
while ((await workers[0]?.runOnce())?.length) {}
await store.close();
say('DONE');
process.exit(0);
