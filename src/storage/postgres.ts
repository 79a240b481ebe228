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
 * taken together with the reads the chat's last update made (its session, its flows), and the
 * writes go together with the lock's release: an update that only reads and writes its own rows
 * costs two round trips.
 */
interface HeldLock {
  client: pg.PoolClient;
  /** Rows read as the lock was taken, by statement (parameters written in), each used once. */
  readAhead: Map<string, pg.QueryResultRow[]>;
  /** The statements read while holding the lock: the chat's next update reads them ahead. */
  reads: Set<string>;
  /** Writes waiting to be sent with the release, or before the next statement that must see them. */
  writes: string[];
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

function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "bigint" || typeof value === "boolean") return String(value).toUpperCase();
  return pg.escapeLiteral(String(value));
}

/** The results of a query string, one per statement: pg returns a lone result bare. */
function resultsOf(result: pg.QueryResult | pg.QueryResult[]): pg.QueryResult[] {
  return Array.isArray(result) ? result : [result];
}

/** Sends the writes an update queued, in one transaction, before (and with) `after`. */
async function sendWrites(held: HeldLock, after?: string): Promise<void> {
  const writes = held.writes.splice(0);
  const statements = writes.length > 0 ? ["BEGIN", ...writes, "COMMIT"] : [];
  if (after) statements.push(after);
  if (statements.length === 0) return;
  try {
    await held.client.query(statements.join(";\n"));
  } catch (error) {
    // A failed statement leaves the rest unsent and the transaction open.
    if (writes.length > 0) await held.client.query("ROLLBACK");
    throw error;
  }
}

/** A database on the pool, or pinned to one connection (`transactionClient`, inside a transaction). */
function postgresDatabase(
  pool: pg.Pool,
  transactionClient: pg.PoolClient | undefined,
  rememberedReads: Map<string, Set<string>>,
): SqlDatabase {
  // Inside a transaction, statements run as they come; holding a lock, writes may wait.
  const held = () => (transactionClient ? undefined : heldLock.getStore());
  const connection = () => transactionClient ?? heldLock.getStore()?.client ?? pool;
  const query = async (sql: string, params: readonly unknown[] = []) => {
    const lock = held();
    if (lock) await sendWrites(lock);
    return connection().query({ ...prepared(sql), values: [...params] });
  };
  const rows = async <T>(sql: string, params: readonly unknown[] = []) => {
    const lock = held();
    if (!lock) return (await query(sql, params)).rows as T[];
    const statement = inlined({ sql, params });
    lock.reads.add(statement);
    const ahead = lock.readAhead.get(statement);
    lock.readAhead.delete(statement);
    return (ahead ?? (await query(sql, params)).rows) as T[];
  };
  return {
    dialect: "postgres",
    run: async (sql, params) => ({ changes: (await query(sql, params)).rowCount ?? 0 }),
    get: async <T>(sql: string, params?: readonly unknown[]) => (await rows<T>(sql, params))[0],
    all: rows,
    async batch(statements) {
      if (statements.length === 0) return;
      const lock = held();
      if (lock) {
        lock.writes.push(...statements.map(inlined));
        // What was read ahead may be what these writes change.
        lock.readAhead.clear();
        return;
      }
      // Statements sent together run as one implicit transaction, in one round trip.
      await connection().query(statements.map(inlined).join(";\n"));
    },
    async transaction(work) {
      const lock = held();
      if (lock) await sendWrites(lock);
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
      // A session-level advisory lock on its own connection, held while `work` runs.
      const client = await pool.connect();
      const lockKey = `hashtextextended(${literal(key)}, 0)`;
      const unlock = `SELECT pg_advisory_unlock(${lockKey})`;
      // The connection goes back to the pool only once the lock is let go. After a failure it is
      // closed instead, and the lock goes with it: a failed statement may have left it held.
      let released = false;
      try {
        const reads = [...(rememberedReads.get(key) ?? [])];
        // Each statement sees what was committed before it ran: the reads, after the lock.
        const results = resultsOf(
          await client.query([`SELECT pg_advisory_lock(${lockKey})`, ...reads].join(";\n")),
        );
        const lock: HeldLock = {
          client,
          readAhead: new Map(reads.map((read, index) => [read, results[index + 1]?.rows ?? []])),
          reads: new Set(),
          writes: [],
        };
        const outcome = await heldLock.run(lock, work).then(
          (value) => ({ value }),
          (error: unknown) => ({ error }),
        );
        if (rememberedReads.size >= REMEMBERED_CHATS) rememberedReads.clear();
        rememberedReads.set(key, lock.reads);
        // What `work` wrote before it failed is stored, as if it had been sent at once.
        await sendWrites(lock, unlock);
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
