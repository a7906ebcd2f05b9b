import type { Db, Queryable } from './sql.js';

/** The part of a node-postgres pool the store uses. */
interface PoolLike {
  query<R>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
  connect(): Promise<{ query<R>(text: string, params?: unknown[]): Promise<{ rows: R[] }>; release(err?: Error | boolean): void }>;
  end(): Promise<void>;
  on(event: 'error', listener: (err: Error) => void): unknown;
}

/** Options of {@link postgresDb}. */
export interface PostgresOptions {
  /** Most connections the pool opens (default 10). */
  max?: number;
}

/**
 * A PostgreSQL server through node-postgres, from a connection string such as `DATABASE_URL`
 * (`postgres://user:pass@127.0.0.1:5432/gridsafe`). Each transaction takes its own pooled
 * connection, so several workers and requests run at once.
 *
 * @example
 * ```ts
 * import { postgresDb } from '@gridsafe/store';
 * const db = await postgresDb(process.env.DATABASE_URL ?? 'postgres://127.0.0.1/gridsafe');
 * console.log((await db.query<{ one: number }>('select 1 as one')).rows[0]?.one); // 1
 * await db.close();
 * ```
 */
export async function postgresDb(url: string, options: PostgresOptions = {}): Promise<Db> {
  const pg = await import('pg');
  const Pool = (pg.default?.Pool ?? (pg as unknown as { Pool: unknown }).Pool) as new (config: object) => PoolLike;
  const pool = new Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle connection dropped by the server is replaced on next use; it must not crash the host.
  pool.on('error', () => {});
  const query: Queryable['query'] = async <R>(text: string, params: readonly unknown[] = []) => {
    const r = await pool.query<R>(text, [...params]);
    return { rows: r.rows };
  };
  return {
    kind: 'postgres',
    query,
    async transaction(fn) {
      const client = await pool.connect();
      const tx: Queryable = {
        query: async <R>(text: string, params: readonly unknown[] = []) => ({ rows: (await client.query<R>(text, [...params])).rows }),
      };
      try {
        await client.query('BEGIN');
        const out = await fn(tx);
        await client.query('COMMIT');
        client.release();
        return out;
      } catch (e) {
        try {
          await client.query('ROLLBACK');
          client.release();
        } catch {
          client.release(true);
        }
        throw e;
      }
    },
    close: () => pool.end(),
  };
}
