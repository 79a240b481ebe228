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
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on("error", onIdleError);
  return createSqlStorage(postgresDatabase(pool, pool));
}

/** `?` placeholders as PostgreSQL's `$1, $2, …`. */
function numbered(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
}

type Queryable = pg.Pool | pg.PoolClient;

function postgresDatabase(pool: pg.Pool, on: Queryable): SqlDatabase {
  const query = async <T>(sql: string, params: readonly unknown[] = []) =>
    on.query(numbered(sql), [...params]) as unknown as Promise<
      pg.QueryResult<T & pg.QueryResultRow>
    >;
  return {
    dialect: "postgres",
    run: async (sql, params) => ({ changes: (await query(sql, params)).rowCount ?? 0 }),
    get: async <T>(sql: string, params?: readonly unknown[]) =>
      (await query<T>(sql, params)).rows[0],
    all: async <T>(sql: string, params?: readonly unknown[]) => (await query<T>(sql, params)).rows,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const value = await work(postgresDatabase(pool, client));
        await client.query("COMMIT");
        return value;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        client.release();
      }
    },
    async withLock(key, work) {
      // A session-level advisory lock on its own connection, held while `work` runs.
      const client = await pool.connect();
      try {
        await client.query("SELECT pg_advisory_lock(hashtextextended($1, 0))", [key]);
        try {
          return await work();
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
