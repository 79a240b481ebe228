import { openPostgresStorage } from "./postgres.js";
import { openSqliteStorage } from "./sqlite.js";
import type { Storage } from "./storage.js";

/** PostgreSQL when DATABASE_URL names one (several instances), else SQLite in one file. */
export function openStorage(options: {
  databaseUrl?: string;
  sqliteFile: string;
}): Promise<Storage> {
  return options.databaseUrl
    ? openPostgresStorage(options.databaseUrl)
    : openSqliteStorage(options.sqliteFile);
}
