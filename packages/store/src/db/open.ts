import { pgliteDb } from './pglite.js';
import { type PostgresOptions, postgresDb } from './postgres.js';
import type { Db } from './sql.js';

/** Where the store's database is: a PostgreSQL server, or an embedded PGlite directory. */
export interface DbOptions extends PostgresOptions {
  /** A PostgreSQL connection string (for example `process.env.DATABASE_URL`). When set, the server is used. */
  url?: string | undefined;
  /** The PGlite data directory when no `url` is given; without either, PGlite runs in memory. */
  dataDir?: string | undefined;
}

/**
 * Open the store's database: PostgreSQL through node-postgres when a `url` is given, else an
 * embedded PGlite in `dataDir` (in memory without one). The environment is not read: pass
 * `process.env.DATABASE_URL` yourself.
 *
 * @example
 * ```ts
 * import { openDb } from '@gridsafe/store';
 * const db = await openDb({ url: process.env.DATABASE_URL, dataDir: './data/cases' });
 * console.log(db.kind); // 'postgres' or 'embedded'
 * await db.close();
 * ```
 */
export function openDb(options: DbOptions = {}): Promise<Db> {
  if (options.url) return postgresDb(options.url, options);
  return pgliteDb(options.dataDir);
}
