import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterEach, beforeEach } from "vitest";
import { openPostgresDatabase, openPostgresStorage } from "../../src/storage/postgres.js";
import type { SqlDatabase } from "../../src/storage/sql-database.js";
import { openSqliteDatabase, openSqliteStorage } from "../../src/storage/sqlite.js";
import type { Storage } from "../../src/storage/storage.js";

/** Set by .ci/start-postgres; without it the PostgreSQL half of these tests is skipped. */
export const POSTGRES_URL = process.env.TEST_DATABASE_URL;

/** A database of a test's own. */
export interface FreshDatabase {
  url: string;
  /** Opens storage on it; `open()` again reaches the same database, as another instance. */
  open(): Promise<Storage>;
  /** The same database as plain SQL, under the storage: to set up what a test needs. */
  openDatabase(): SqlDatabase;
  drop(): Promise<void>;
}

export interface Engine {
  name: string;
  fresh(): Promise<FreshDatabase>;
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

/**
 * Storage on a database of its own for each test of the enclosing describe, on `engine`; closed
 * and dropped after it. A test that reopens it sets `storage` to what it opened.
 */
export function storageEachTest(engine: Engine): { database: FreshDatabase; storage: Storage } {
  const the = {} as { database: FreshDatabase; storage: Storage };
  beforeEach(async () => {
    the.database = await engine.fresh();
    the.storage = await the.database.open();
  });
  afterEach(async () => {
    await the.storage.close();
    await the.database.drop();
  });
  return the;
}
