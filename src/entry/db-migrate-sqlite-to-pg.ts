// npm run db:migrate-sqlite-to-pg [-- --from data/bot.sqlite]: copies everything the bot stored
// in SQLite into the empty PostgreSQL database named by DATABASE_URL. Stop the bot first.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../config.js";
import { copyDatabase } from "../storage/copy-database.js";
import { openPostgresDatabase } from "../storage/postgres.js";
import { openSqliteDatabase } from "../storage/sqlite.js";

const config = loadConfig(process.env, { requireToken: false });
const { values } = parseArgs({ options: { from: { type: "string" } } });
const from = values.from ?? join(config.dataDir, "bot.sqlite");
if (!config.databaseUrl) {
  console.error(
    "DATABASE_URL is not set: name the PostgreSQL database to copy into (postgres://…)",
  );
  process.exit(2);
}
if (!existsSync(from)) {
  console.error(`no SQLite database at ${from}: pass --from or set DATA_DIR`);
  process.exit(2);
}
const source = openSqliteDatabase(from);
const target = openPostgresDatabase(config.databaseUrl);
try {
  const copied = await copyDatabase(source, target);
  for (const [table, rows] of Object.entries(copied))
    console.log(`${table.padEnd(18)} ${rows} rows`);
  console.log("copied: set DATABASE_URL for the bot and start it");
} catch (error) {
  console.error(`not copied: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await source.close();
  await target.close();
}
