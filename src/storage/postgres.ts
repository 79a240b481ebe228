import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";
import { memoize } from "../text/memo.js";
import type { SqlDatabase, Statement } from "./sql-database.js";
import { createSqlStorage } from "./sql-storage.js";
import type { Storage } from "./storage.js";

/**
 * PostgreSQL, shared by any number of bot processes. `onIdleError` hears of pooled connections
 * that broke while idle (a restarted server): the pool replaces them, but unheard, the error
 * would end the process.
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
  return postgresDatabase(pool, undefined, new Map());
}

/**
 * An update holding its chat's lock, and what it does on the lock's connection. Everything runs
 * on that connection: with a pool, work waiting for a second connection while every connection
 * holds (or waits for) a lock would wait forever.
 *
 * Round trips are what several instances on one PostgreSQL spend their time on, so the lock is
 * taken together with the rows the chat's last update read (its session, its flows), and the
 * writes go together with the lock's release: an update that only reads and writes its own rows
 * costs two round trips.
 */
class HeldLock {
  /** The single-row reads made while holding the lock: the chat's next update reads them ahead. */
  readonly reads = new Set<string>();
  /** Writes waiting for the release, or for the next statement that must see them. */
  #writes: string[] = [];
  /** Rows read as the lock was taken, by statement (parameters written in), each used once. */
  readonly #readAhead: Map<string, pg.QueryResultRow[]>;

  constructor(
    readonly pool: pg.Pool,
    readonly client: pg.PoolClient,
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

/** Chats whose reads are remembered; past this many, the memory starts afresh. */
const REMEMBERED_CHATS = 10_000;

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
function postgresDatabase(
  pool: pg.Pool,
  transactionClient: pg.PoolClient | undefined,
  rememberedReads: Map<string, Set<string>>,
): SqlDatabase {
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
        const value = await work(postgresDatabase(pool, client, rememberedReads));
        await client.query("COMMIT");
        return value;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        if (client !== transactionClient && client !== lock?.client) client.release();
      }
    },
    async withLock(key, work) {
      // A lock taken inside another runs on a connection of its own: the outer writes go first.
      await held()?.sendWrites();
      // A session-level advisory lock on its own connection, held while `work` runs.
      const client = await pool.connect();
      const lockKey = `hashtextextended(${literal(key)}, 0)`;
      // The connection goes back to the pool only once the lock is let go. After a failure it is
      // closed instead, and the lock goes with it: a failed statement may have left it held.
      let released = false;
      try {
        const reads = [...(rememberedReads.get(key) ?? [])];
        // The reads follow a COMMIT, so that each sees what was committed before the lock was
        // granted, whatever the isolation level: in one transaction with the lock they would
        // share its snapshot, taken before the wait.
        const statements = [`SELECT pg_advisory_lock(${lockKey})`];
        if (reads.length > 0) statements.push("COMMIT", ...reads);
        let results: pg.QueryResult[];
        try {
          results = resultsOf(await client.query(statements.join(";\n")));
        } catch (error) {
          // A read that fails now would fail every update of the chat: it is not tried again.
          rememberedReads.delete(key);
          throw error;
        }
        const readAhead = new Map<string, pg.QueryResultRow[]>();
        reads.forEach((read, index) => {
          const rows = results[index + 2]?.rows;
          if (rows) readAhead.set(read, rows);
        });
        const lock = new HeldLock(pool, client, readAhead);
        const outcome = await heldLock
          .run(lock, async () => work())
          .then(
            (value) => ({ value }),
            (error: unknown) => ({ error }),
          );
        if (rememberedReads.size >= REMEMBERED_CHATS) rememberedReads.clear();
        rememberedReads.set(key, lock.reads);
        // What `work` wrote before it failed is stored, as if it had been sent at once.
        await lock.sendWrites(`SELECT pg_advisory_unlock(${lockKey})`);
        released = true;
        if ("error" in outcome) throw outcome.error;
        return outcome.value;
      } finally {
        client.release(!released);
      }
    },
    close: () => pool.end(),
  };
}
