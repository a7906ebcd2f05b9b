import type { Db, Queryable } from './sql.js';

/** The part of a PGlite instance the store uses. */
interface PGliteLike {
  query<R>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
  transaction<T>(fn: (tx: { query<R>(text: string, params?: unknown[]): Promise<{ rows: R[] }> }) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  waitReady: Promise<void>;
}

/**
 * An embedded PostgreSQL (PGlite, compiled to WebAssembly) in `dataDir`, or in memory without one.
 * No server: the data directory is the database. One process at a time may open a directory;
 * PGlite runs one statement at a time, so its transactions are serial.
 *
 * @example
 * ```ts
 * import { pgliteDb } from '@gridsafe/store';
 * const db = await pgliteDb('./data/cases');
 * console.log((await db.query<{ one: number }>('select 1 as one')).rows[0]?.one); // 1
 * await db.close();
 * ```
 */
export async function pgliteDb(dataDir?: string): Promise<Db> {
  // A directory on disk is created when missing; PGlite's own schemes (memory://, idb://) are left to it.
  if (dataDir && !dataDir.includes('://')) {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(dataDir, { recursive: true });
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const pg = (dataDir ? new PGlite(dataDir) : new PGlite()) as unknown as PGliteLike;
  await pg.waitReady;
  const q = (target: { query<R>(text: string, params?: unknown[]): Promise<{ rows: R[] }> }): Queryable['query'] => {
    return async <R>(text: string, params: readonly unknown[] = []) => {
      const r = await target.query<R>(text, [...params]);
      return { rows: r.rows };
    };
  };
  return {
    kind: 'embedded',
    query: q(pg),
    transaction: (fn) => pg.transaction((tx) => fn({ query: q(tx) })),
    close: () => pg.close(),
  };
}
