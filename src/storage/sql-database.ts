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
  /** The first row, if any. */
  get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /**
   * Runs statements in order as one transaction: all of them are stored, or none. Inside
   * `withLocks` or `transaction`, as a part of that transaction, which a failed one fails (on
   * PostgreSQL it may resolve before they run: they are sent along with what comes next).
   */
  batch(statements: readonly Statement[]): Promise<void>;
  /**
   * Runs statements as one transaction of their own, even inside another, and commits them at
   * once: for the counters every update bumps, whose rows a long transaction would hold locked
   * while every other update waits (on PostgreSQL, on connections of their own).
   */
  batchApart(statements: readonly Statement[]): Promise<void>;
  /**
   * Runs `work` in one transaction: all of it is stored, or none. Inside another (`withLocks`
   * on PostgreSQL), as a part of it that fails alone.
   */
  transaction<T>(work: (db: SqlDatabase) => Promise<T>): Promise<T>;
  /**
   * Runs `work` holding a lock on every key that every process sharing the database respects,
   * as one transaction (PostgreSQL) that commits before the locks are let go. Keys are taken in
   * sorted order, so that two callers wanting the same keys never deadlock; inside another
   * `withLocks`, only the keys not held yet are taken, and held until the outer one ends.
   */
  withLocks<T>(keys: readonly string[], work: () => Promise<T>): Promise<T>;
  /** Calls the listeners of `channel` in every process sharing the database, this one included. */
  notify(channel: string): Promise<void>;
  /** Calls `listener` on every notify of `channel`, from any process; until close. */
  listen(channel: string, listener: () => void): void;
  close(): Promise<void>;
}

/** `?, ?, …`, one for each value. */
export const placeholders = (values: readonly unknown[]) => values.map(() => "?").join(", ");

/**
 * What a claiming SELECT ends with: on PostgreSQL the rows are locked, and those another claimer
 * locked are passed over; SQLite has one writer at a time.
 */
export const claimingRows = (db: SqlDatabase) =>
  db.dialect === "postgres" ? " FOR UPDATE SKIP LOCKED" : "";

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
