import type { StorageAdapter } from "grammy";
import type { SqlDatabase } from "./sql-database.js";

/** A key-value table of JSON, as grammY's storage adapters want it. */
export function jsonTable<T>(
  db: SqlDatabase,
  table: "sessions" | "conversations",
): StorageAdapter<T> {
  return {
    read: async (key) => {
      const row = await db.get<{ value: string }>(`SELECT value FROM ${table} WHERE key = ?`, [
        key,
      ]);
      return row ? (JSON.parse(row.value) as T) : undefined;
    },
    // Batches: on SQLite, a write waits its turn instead of landing in a transaction under way.
    write: async (key, value) => {
      await db.batch([
        {
          sql: `INSERT INTO ${table} (key, value) VALUES (?, ?)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
          params: [key, JSON.stringify(value)],
        },
      ]);
    },
    delete: async (key) => {
      await db.batch([{ sql: `DELETE FROM ${table} WHERE key = ?`, params: [key] }]);
    },
  };
}
