import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { ChannelListeners, type SqlDatabase } from "./sql-database.js";
import { createSqlStorage } from "./sql-storage.js";
import type { Storage } from "./storage.js";

/** SQLite in one file (":memory:" for tests): one process. WAL, so a crash loses no commit. */
export function openSqliteStorage(file: string): Promise<Storage> {
  return createSqlStorage(openSqliteDatabase(file));
}

export function openSqliteDatabase(file: string): SqlDatabase {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  return sqliteDatabase(db);
}

function sqliteDatabase(db: Database.Database): SqlDatabase {
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  // One connection: transactions of different chats take turns instead of interleaving.
  let queue: Promise<unknown> = Promise.resolve();
  // One process shares the file: a notification goes no further than it.
  const listeners = new ChannelListeners();

  const database: SqlDatabase = {
    dialect: "sqlite",
    run: async (sql, params = []) => ({ changes: prepare(sql).run(...params).changes }),
    get: async <T>(sql: string, params: readonly unknown[] = []) =>
      prepare(sql).get(...params) as T | undefined,
    all: async <T>(sql: string, params: readonly unknown[] = []) =>
      prepare(sql).all(...params) as T[],
    transaction<T>(work: (tx: SqlDatabase) => Promise<T>): Promise<T> {
      const result = queue.then(async () => {
        prepare("BEGIN").run();
        try {
          const value = await work(database);
          prepare("COMMIT").run();
          return value;
        } catch (error) {
          prepare("ROLLBACK").run();
          throw error;
        }
      });
      queue = result.catch(() => undefined);
      return result;
    },
    batch: (batched) =>
      database.transaction(async (tx) => {
        for (const { sql, params } of batched) await tx.run(sql, params);
      }),
    // withLocks opens no transaction here: every batch is one of its own.
    batchApart: (batched) => database.batch(batched),
    // A single process: sequentialize already runs the updates of a user or a chat in order.
    withLocks: (_keys, work) => work(),
    notify: async (channel) => listeners.call(channel),
    listen: (channel, listener) => {
      listeners.add(channel, listener);
    },
    close: async () => {
      listeners.clear();
      db.close();
    },
  };
  return database;
}
