import { randomBytes } from "node:crypto";
import pg from "pg";
import { openPostgresDatabase, openPostgresStorage } from "../../src/storage/postgres.js";
import type { SqlDatabase } from "../../src/storage/sql-database.js";
import { openSqliteDatabase, openSqliteStorage } from "../../src/storage/sqlite.js";
import type { Storage } from "../../src/storage/storage.js";

/** Set by .ci/start-postgres; without it the PostgreSQL half of these tests is skipped. */
export const POSTGRES_URL = process.env.TEST_DATABASE_URL;

export interface Engine {
  name: string;
  /** Opens storage on a database of its own; `open()` again reaches the same database. */
  fresh(): Promise<{
    url: string;
    open(): Promise<Storage>;
    /** The same database as plain SQL, under the storage: to set up what a test needs. */
    openDatabase(): SqlDatabase;
    drop(): Promise<void>;
  }>;
}

export const sqlite: Engine = {
  name: "SQLite",
  async fresh() {
    const { mkdtempSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dir = mkdtempSync(join(tmpdir(), "hk-sim-store-"));
    return {
      url: join(dir, "bot.sqlite"),
      open: () => openSqliteStorage(join(dir, "bot.sqlite")),
      openDatabase: () => openSqliteDatabase(join(dir, "bot.sqlite")),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
};

export const postgres: Engine = {
  name: "PostgreSQL",
  async fresh() {
    const url = new URL(POSTGRES_URL ?? "");
    const name = `test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url.href });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const databaseUrl = new URL(url.href);
    databaseUrl.pathname = `/${name}`;
    return {
      url: databaseUrl.href,
      open: () => openPostgresStorage(databaseUrl.href),
      openDatabase: () => openPostgresDatabase(databaseUrl.href),
      async drop() {
        const client = new pg.Client({ connectionString: url.href });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.end();
      },
    };
  },
};

/** The engines to run against: SQLite always, PostgreSQL where one is running. */
export const ENGINES = POSTGRES_URL ? [sqlite, postgres] : [sqlite];
