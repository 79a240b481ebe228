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
  return postgresDatabase(pool, undefined);
}

/**
 * The connection that holds the current chat's lock. Everything an update does while holding it
 * runs on that connection: with a pool, work waiting for a second connection while every
 * connection holds (or waits for) a lock would wait forever.
 */
const lockedConnection = new AsyncLocalStorage<pg.PoolClient>();

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

/** A database on the pool, or pinned to one connection (`transactionClient`, inside a transaction). */
function postgresDatabase(
  pool: pg.Pool,
  transactionClient: pg.PoolClient | undefined,
): SqlDatabase {
  const connection = () => transactionClient ?? lockedConnection.getStore() ?? pool;
  const query = async <T>(sql: string, params: readonly unknown[] = []) =>
    connection().query({ ...prepared(sql), values: [...params] }) as unknown as Promise<
      pg.QueryResult<T & pg.QueryResultRow>
    >;
  return {
    dialect: "postgres",
    run: async (sql, params) => ({ changes: (await query(sql, params)).rowCount ?? 0 }),
    get: async <T>(sql: string, params?: readonly unknown[]) =>
      (await query<T>(sql, params)).rows[0],
    all: async <T>(sql: string, params?: readonly unknown[]) => (await query<T>(sql, params)).rows,
    async batch(statements) {
      // Statements sent together run as one implicit transaction, in one round trip.
      if (statements.length > 0) await connection().query(statements.map(inlined).join(";\n"));
    },
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
        await client.query({
          ...prepared("SELECT pg_advisory_lock(hashtextextended(?, 0))"),
          values: [key],
        });
        try {
          return await lockedConnection.run(client, work);
        } finally {
          await client.query({
            ...prepared("SELECT pg_advisory_unlock(hashtextextended(?, 0))"),
            values: [key],
          });
        }
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
