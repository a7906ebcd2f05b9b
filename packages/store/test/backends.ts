// The databases the store's tests run on: PGlite always, and a real PostgreSQL server always too.
// The server comes from DATABASE_URL when set (CI sets it from scripts/ci-postgres.sh); when not
// set, scripts/ci-postgres.sh is run here to install and start one on 127.0.0.1. If that fails, the
// tests fail with its message: the PostgreSQL tests are never skipped.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { machineRegistry } from '@gridsafe/escalation';
import { seedRegistry } from '@gridsafe/rules';
import * as E from 'fp-ts/lib/Either.js';
import { type CaseStore, createStore, type Db, pgliteDb, postgresDb } from '../src/index.js';

const SCRIPT = new URL('../../../scripts/ci-postgres.sh', import.meta.url).pathname;

let url: string | undefined;
/** The PostgreSQL server's URL: DATABASE_URL, or one started by scripts/ci-postgres.sh. Throws when there is none. */
export function postgresUrl(): string {
  if (url) return url;
  if (process.env.DATABASE_URL) {
    url = process.env.DATABASE_URL;
    return url;
  }
  try {
    const out = execFileSync('bash', [SCRIPT], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000 });
    url = out.trim().split('\n').at(-1);
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(
      `PostgreSQL tests need a server: DATABASE_URL is not set and scripts/ci-postgres.sh failed: ${err.stderr || err.message}`,
    );
  }
  if (!url?.startsWith('postgres://')) throw new Error(`scripts/ci-postgres.sh printed no URL: ${url}`);
  return url;
}

/** The backends every store test runs on. */
export const BACKENDS = ['pglite', 'postgres'] as const;
/** One backend. */
export type Backend = (typeof BACKENDS)[number];

const packs = seedRegistry();
if (E.isLeft(packs)) throw new Error(packs.left.map((i) => i.message.en).join('\n'));
/** The machines of the seed packs. */
export const machines = machineRegistry(packs.right);

/** A fresh database on `backend`: PGlite in memory (or in `dataDir`), or a new schema on the server. */
export async function freshDb(backend: Backend, dataDir?: string): Promise<{ db: Db; schema: string }> {
  if (backend === 'pglite') return { db: await pgliteDb(dataDir), schema: 'public' };
  const db = await postgresDb(postgresUrl(), { max: 8 });
  return { db, schema: `t_${randomUUID().replaceAll('-', '').slice(0, 20)}` };
}

/** A store on a fresh database of `backend`. */
export async function freshStore(backend: Backend): Promise<CaseStore> {
  const { db, schema } = await freshDb(backend);
  return createStore({ machines, db, schema });
}
