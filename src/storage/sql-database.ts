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
  /**
   * One row. Inside `withLocks`, PostgreSQL reads it ahead the next time the same keys are
   * locked: a statement that writes (RETURNING) goes through `all` or `run`, never here.
   */
  get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /**
   * Runs writes in order as one transaction; on PostgreSQL in a single round trip. Inside
   * `withLocks`, PostgreSQL may hold them back until the next statement or the locks' release,
   * whose round trip they share: a failure then surfaces there, and the locks' work fails.
   */
  batch(statements: readonly Statement[]): Promise<void>;
  /** Runs `work` in one transaction: all of it is stored, or none. */
  transaction<T>(work: (db: SqlDatabase) => Promise<T>): Promise<T>;
  /**
   * Runs `work` holding a lock on every key that every process sharing the database respects.
   * Keys are taken in sorted order, so that two callers wanting the same keys never deadlock.
   */
  withLocks<T>(keys: readonly string[], work: () => Promise<T>): Promise<T>;
  /** Calls the listeners of `channel` in every process sharing the database, this one included. */
  notify(channel: string): Promise<void>;
  /** Calls `listener` on every notify of `channel`, from any process; until close. */
  listen(channel: string, listener: () => void): void;
  close(): Promise<void>;
}

/**
 * Listeners by channel. Each is called in a microtask of its own: one that throws neither stops
 * the others nor breaks whatever delivered the notification.
 */
export class ChannelListeners {
  readonly #byChannel = new Map<string, Set<() => void>>();

  /** Adds a listener; says whether its channel had none yet. */
  add(channel: string, listener: () => void): boolean {
    const listeners = this.#byChannel.get(channel);
    if (listeners) listeners.add(listener);
    else this.#byChannel.set(channel, new Set([listener]));
    return !listeners;
  }

  channels(): string[] {
    return [...this.#byChannel.keys()];
  }

  call(channel: string): void {
    for (const listener of this.#byChannel.get(channel) ?? []) queueMicrotask(listener);
  }

  clear(): void {
    this.#byChannel.clear();
  }
}
