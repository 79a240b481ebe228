import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";
import type { SqlDatabase } from "./sql-database.js";
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
  return postgresDatabase(pool, undefined);
}

/**
 * The connection that holds the current chat's lock. Everything an update does while holding it
 * runs on that connection: with a pool, work waiting for a second connection while every
 * connection holds (or waits for) a lock would wait forever.
 */
const lockedConnection = new AsyncLocalStorage<pg.PoolClient>();

/** `?` placeholders as PostgreSQL's `$1, $2, …`. */
function numbered(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
}

/** A database on the pool, or pinned to one connection (`transactionClient`, inside a transaction). */
function postgresDatabase(
  pool: pg.Pool,
  transactionClient: pg.PoolClient | undefined,
): SqlDatabase {
  const connection = () => transactionClient ?? lockedConnection.getStore() ?? pool;
  const query = async <T>(sql: string, params: readonly unknown[] = []) =>
    connection().query(numbered(sql), [...params]) as unknown as Promise<
      pg.QueryResult<T & pg.QueryResultRow>
    >;
  return {
    dialect: "postgres",
    run: async (sql, params) => ({ changes: (await query(sql, params)).rowCount ?? 0 }),
    get: async <T>(sql: string, params?: readonly unknown[]) =>
      (await query<T>(sql, params)).rows[0],
    all: async <T>(sql: string, params?: readonly unknown[]) => (await query<T>(sql, params)).rows,
    async transaction(work) {
      const locked = transactionClient ?? lockedConnection.getStore();
      const client = locked ?? (await pool.connect());
      try {
        await client.query("BEGIN");
        const value = await work(postgresDatabase(pool, client));
        await client.query("COMMIT");
        return value;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        if (!locked) client.release();
      }
    },
    async withLock(key, work) {
      // A session-level advisory lock on its own connection, held while `work` runs.
      const client = await pool.connect();
      try {
        await client.query("SELECT pg_advisory_lock(hashtextextended($1, 0))", [key]);
        try {
          return await lockedConnection.run(client, work);
        } finally {
          await client.query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [key]);
        }
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
