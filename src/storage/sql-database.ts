/**
 * The little a storage needs from a SQL database, so that its logic is written once for SQLite
 * and PostgreSQL. Statements use `?` placeholders and the SQL both engines understand; where
 * they differ (row locks), `dialect` says which one is listening.
 */
/** One statement with its `?` parameters. */
export interface Statement {
  sql: string;
  params?: readonly unknown[];
}

export interface SqlDatabase {
  readonly dialect: "sqlite" | "postgres";
  run(sql: string, params?: readonly unknown[]): Promise<{ changes: number }>;
  get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /**
   * Runs writes in order as one transaction; on PostgreSQL in a single round trip. Inside
   * `withLock`, PostgreSQL may hold them back until the next statement or the lock's release,
   * whose round trip they share: a failure then surfaces there, and the lock's work fails.
   */
  batch(statements: readonly Statement[]): Promise<void>;
  /** Runs `work` in one transaction: all of it is stored, or none. */
  transaction<T>(work: (db: SqlDatabase) => Promise<T>): Promise<T>;
  /** Runs `work` holding a lock on `key` that every process sharing the database respects. */
  withLock<T>(key: string, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
