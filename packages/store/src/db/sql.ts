/** One statement's result rows. */
export interface Rows<R> {
  rows: R[];
}

/**
 * What the store needs of a database: parameterised queries and transactions. PGlite and
 * node-postgres both give it (see `pgliteDb` and `postgresDb`); the SQL the store sends is the same
 * for both.
 */
export interface Db {
  /** `embedded` for PGlite, `postgres` for a server. */
  readonly kind: 'embedded' | 'postgres';
  /** Run one statement with `$1`-style parameters. */
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Rows<R>>;
  /**
   * Run `fn` in one transaction (READ COMMITTED): committed when it resolves, rolled back when it
   * throws. Statements inside must go through the `tx` it is given.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Close the connection or pool. */
  close(): Promise<void>;
}

/** A connection inside a transaction. */
export interface Queryable {
  /** Run one statement with `$1`-style parameters, inside the transaction. */
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Rows<R>>;
}
