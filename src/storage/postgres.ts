import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";
import { memoize } from "../text/memo.js";
import { ChannelListeners, type SqlDatabase, type Statement } from "./sql-database.js";
import { createSqlStorage } from "./sql-storage.js";
import type { Storage } from "./storage.js";

/**
 * PostgreSQL, shared by any number of bot processes. `onIdleError` hears of connections that
 * broke while idle (a restarted server), pooled or listening: they are replaced, but unheard,
 * the error would end the process.
 */
export function openPostgresStorage(
  url: string,
  onIdleError: (error: Error) => void = () => undefined,
): Promise<Storage> {
  return createSqlStorage(openPostgresDatabase(url, onIdleError));
}

export function openPostgresDatabase(
  url: string,
  onIdleError: (error: Error) => void = () => undefined,
): SqlDatabase {
  const pool = new pg.Pool({ connectionString: url, max: 20 });
  pool.on("error", onIdleError);
  return postgresDatabase({
    pool,
    rememberedReads: new Map(),
    notifications: new Notifications(url, onIdleError),
  });
}

/** What the databases on one pool (the pool's own, and each transaction's) share. */
interface Shared {
  pool: pg.Pool;
  /** By the lock keys taken (JSON): the single-row reads made holding them, to read ahead. */
  rememberedReads: Map<string, Set<string>>;
  notifications: Notifications;
}

/** How long a broken listening connection waits before it connects again. */
const RELISTEN_DELAY_MS = 1000;

/**
 * LISTEN on a connection of its own, opened with the first listener: a notification reaches
 * only the connection that listens, and pooled connections come and go. A connection that
 * breaks is replaced after a short delay; what was notified meanwhile goes unheard.
 */
class Notifications {
  readonly #listeners = new ChannelListeners();
  #client: pg.Client | undefined;
  /** Settles once the current connection listens on every channel, or failed to. */
  #listening: Promise<void> | undefined;
  #relisten: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(
    readonly url: string,
    readonly onError: (error: Error) => void,
  ) {}

  listen(channel: string, listener: () => void): void {
    const newChannel = this.#listeners.add(channel, listener);
    if (!this.#listening) this.#connect();
    else if (newChannel) {
      this.#listening = this.#listening
        .then(() => this.#client?.query(`LISTEN ${pg.escapeIdentifier(channel)}`))
        .then(() => undefined, this.onError);
    }
  }

  /** Waits until this process listens, so that it hears its own notifications too. */
  async ready(): Promise<void> {
    await this.#listening;
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#relisten);
    this.#listeners.clear();
    await this.#client?.end().catch(() => undefined);
  }

  #connect(): void {
    const client = new pg.Client({ connectionString: this.url });
    this.#client = client;
    let broken = false;
    const replace = (error?: Error) => {
      // A broken connection may report both an error and its end.
      if (broken) return;
      broken = true;
      if (error && !this.#closed) this.onError(error);
      client.end().catch(() => undefined);
      if (!this.#closed) this.#relisten = setTimeout(() => this.#connect(), RELISTEN_DELAY_MS);
    };
    client.on("error", replace);
    client.on("end", () => replace());
    client.on("notification", ({ channel }) => this.#listeners.call(channel));
    this.#listening = (async () => {
      await client.connect();
      for (const channel of this.#listeners.channels())
        await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    })().catch(replace);
  }
}

/**
 * An update holding its locks, and what it does on the locks' connection. Everything runs on
 * that connection: with a pool, work waiting for a second connection while every connection
 * holds (or waits for) a lock would wait forever.
 *
 * Round trips are what several instances on one PostgreSQL spend their time on, so the locks
 * are taken together with the rows the last update holding the same keys read (its session,
 * its flows), and the writes go together with the locks' release: an update that only reads
 * and writes its own rows costs two round trips.
 */
class HeldLock {
  /** Single-row reads made holding the locks: the next update of the same keys reads them ahead. */
  readonly reads = new Set<string>();
  /** Writes waiting for the release, or for the next statement that must see them. */
  #writes: string[] = [];
  /** Rows read as the lock was taken, by statement (parameters written in), each used once. */
  readonly #readAhead: Map<string, pg.QueryResultRow[]>;

  constructor(
    readonly pool: pg.Pool,
    readonly client: pg.PoolClient,
    /** These locks' keys and those of the locks around them, in this update. */
    readonly keys: ReadonlySet<string>,
    readAhead: Map<string, pg.QueryResultRow[]>,
  ) {
    this.#readAhead = readAhead;
  }

  /** The rows read ahead for a statement, once, while nothing written since may have changed them. */
  takeReadAhead(statement: string): pg.QueryResultRow[] | undefined {
    const rows = this.#readAhead.get(statement);
    this.#readAhead.delete(statement);
    return rows;
  }

  holdBack(writes: readonly string[]): void {
    this.#writes.push(...writes);
    this.#readAhead.clear();
  }

  /** A write went out at once: what was read ahead may be what it changed. */
  wroteAtOnce(): void {
    this.#readAhead.clear();
  }

  /**
   * Sends the writes held back, in one transaction, followed by `after` in the same round trip.
   * A failure is reported to whoever sends next: the statement that wanted to see the writes,
   * or the release, which then fails the update.
   */
  async sendWrites(after?: string): Promise<void> {
    const writes = this.#writes.splice(0);
    const statements = writes.length > 0 ? ["BEGIN", ...writes, "COMMIT"] : [];
    if (after) statements.push(after);
    if (statements.length === 0) return;
    try {
      await this.client.query(statements.join(";\n"));
    } catch (error) {
      // A failed statement leaves the rest unsent and the transaction open.
      if (writes.length > 0) await this.client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  }
}

const heldLock = new AsyncLocalStorage<HeldLock>();

/** Key sets whose reads are remembered; past this many, the memory starts afresh. */
const REMEMBERED_KEY_SETS = 10_000;

/**
 * A statement as PostgreSQL wants it: `?` placeholders as `$1, $2, …`, and a name, so that each
 * connection parses and plans it once instead of on every update.
 */
const prepared = memoize((sql: string) => {
  let index = 0;
  return { name: `s${++preparedCount}`, text: sql.replace(/\?/g, () => `$${++index}`) };
});
let preparedCount = 0;

/**
 * A statement with its parameters written in as literals, for a multi-statement query (which
 * takes no parameters). Our statements hold no `?` but their placeholders.
 */
function inlined({ sql, params = [] }: Statement): string {
  let index = 0;
  return sql.replace(/\?/g, () => literal(params[index++]));
}

/** A parameter as SQL, written as PostgreSQL would read the parameter itself. */
function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "bigint" || typeof value === "boolean") return String(value).toUpperCase();
  if (typeof value === "string") return pg.escapeLiteral(value);
  throw new TypeError(`cannot write a ${typeof value} parameter as a literal`);
}

/** The results of a query string, one per statement: pg returns a lone result bare. */
function resultsOf(result: pg.QueryResult | pg.QueryResult[]): pg.QueryResult[] {
  return Array.isArray(result) ? result : [result];
}

/** A database on the pool, or pinned to one connection (`transactionClient`, inside a transaction). */
function postgresDatabase(shared: Shared, transactionClient?: pg.PoolClient): SqlDatabase {
  const { pool, rememberedReads, notifications } = shared;
  // Inside a transaction, statements run as they come; holding a lock, writes may wait.
  const held = () => {
    const lock = heldLock.getStore();
    return !transactionClient && lock?.pool === pool ? lock : undefined;
  };
  const connection = () => transactionClient ?? held()?.client ?? pool;
  const query = async (sql: string, params: readonly unknown[] = []) => {
    await held()?.sendWrites();
    return connection().query({ ...prepared(sql), values: [...params] });
  };
  return {
    dialect: "postgres",
    async run(sql, params) {
      const result = await query(sql, params);
      held()?.wroteAtOnce();
      return { changes: result.rowCount ?? 0 };
    },
    async get<T>(sql: string, params: readonly unknown[] = []) {
      const lock = held();
      if (!lock) return (await query(sql, params)).rows[0] as T | undefined;
      const statement = inlined({ sql, params });
      const rows = lock.takeReadAhead(statement) ?? (await query(sql, params)).rows;
      lock.reads.add(statement);
      return rows[0] as T | undefined;
    },
    all: async <T>(sql: string, params?: readonly unknown[]) =>
      (await query(sql, params)).rows as T[],
    async batch(statements) {
      if (statements.length === 0) return;
      const lock = held();
      if (lock) {
        lock.holdBack(statements.map(inlined));
        return;
      }
      // Statements sent together run as one implicit transaction, in one round trip.
      await connection().query(statements.map(inlined).join(";\n"));
    },
    async transaction(work) {
      const lock = held();
      await lock?.sendWrites();
      lock?.wroteAtOnce();
      const client = transactionClient ?? lock?.client ?? (await pool.connect());
      try {
        await client.query("BEGIN");
        const value = await work(postgresDatabase(shared, client));
        await client.query("COMMIT");
        return value;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        if (client !== transactionClient && client !== lock?.client) client.release();
      }
    },
    async withLocks(keys, work) {
      const outer = held();
      // Keys this update holds already are not taken again: on a connection of their own, they
      // would wait for this very update.
      const taken = [...new Set(keys)].filter((key) => !outer?.keys.has(key)).sort();
      if (taken.length === 0) return work();
      // Locks taken inside others run on a connection of their own: the outer writes go first.
      await outer?.sendWrites();
      // Session-level advisory locks on one connection of their own, held while `work` runs.
      const client = await pool.connect();
      const lockIds = taken.map((key) => `hashtextextended(${literal(key)}, 0)`);
      const remembered = JSON.stringify(taken);
      // The connection goes back to the pool only once the locks are let go. After a failure it
      // is closed instead, and the locks go with it: a failed statement may have left them held.
      let released = false;
      try {
        const reads = [...(rememberedReads.get(remembered) ?? [])];
        // The reads follow a COMMIT, so that each sees what was committed before the locks were
        // granted, whatever the isolation level: in one transaction with the locks they would
        // share its snapshot, taken before the wait.
        const statements = lockIds.map((id) => `SELECT pg_advisory_lock(${id})`);
        if (reads.length > 0) statements.push("COMMIT", ...reads);
        let results: pg.QueryResult[];
        try {
          results = resultsOf(await client.query(statements.join(";\n")));
        } catch (error) {
          // A read that fails now would fail every update of these keys: it is not tried again.
          rememberedReads.delete(remembered);
          throw error;
        }
        const readAhead = new Map<string, pg.QueryResultRow[]>();
        reads.forEach((read, index) => {
          const rows = results[lockIds.length + 1 + index]?.rows;
          if (rows) readAhead.set(read, rows);
        });
        const lock = new HeldLock(
          pool,
          client,
          new Set([...(outer?.keys ?? []), ...taken]),
          readAhead,
        );
        const outcome = await heldLock
          .run(lock, async () => work())
          .then(
            (value) => ({ value }),
            (error: unknown) => ({ error }),
          );
        if (rememberedReads.size >= REMEMBERED_KEY_SETS) rememberedReads.clear();
        rememberedReads.set(remembered, lock.reads);
        // What `work` wrote before it failed is stored, as if it had been sent at once. Each
        // lock is let go by name, not pg_advisory_unlock_all: these and no others, whatever
        // else comes to hold locks on this connection.
        await lock.sendWrites(
          `SELECT ${lockIds.map((id) => `pg_advisory_unlock(${id})`).join(", ")}`,
        );
        released = true;
        if ("error" in outcome) throw outcome.error;
        return outcome.value;
      } finally {
        client.release(!released);
      }
    },
    async notify(channel) {
      await notifications.ready();
      await query("SELECT pg_notify(?, '')", [channel]);
    },
    listen: (channel, listener) => notifications.listen(channel, listener),
    async close() {
      await notifications.close();
      await pool.end();
    },
  };
}
