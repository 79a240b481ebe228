import type { Logger } from "../logger.js";
import { openPostgresStorage } from "./postgres.js";
import { openSqliteStorage } from "./sqlite.js";
import type { Storage } from "./storage.js";

/** PostgreSQL when DATABASE_URL names one (several instances), else SQLite in one file. */
export function openStorage(options: {
  databaseUrl?: string;
  sqliteFile: string;
  logger?: Logger;
}): Promise<Storage> {
  return options.databaseUrl
    ? openPostgresStorage(options.databaseUrl, (error) =>
        options.logger?.warn({ err: error }, "a PostgreSQL connection broke; replacing it"),
      )
    : openSqliteStorage(options.sqliteFile);
}
