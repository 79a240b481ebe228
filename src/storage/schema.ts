import type { SqlDatabase } from "./sql-database.js";

/**
 * The schema, one step per release, for both engines (BIGINT is an integer in SQLite too).
 * Each step runs once, in a transaction, recorded in schema_migrations.
 */
const MIGRATIONS = [
  `CREATE TABLE sessions (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE questions_by_day (
     day TEXT NOT NULL, decision TEXT NOT NULL, count BIGINT NOT NULL,
     PRIMARY KEY (day, decision));
   CREATE TABLE ask_counts (entry_id TEXT PRIMARY KEY, count BIGINT NOT NULL);
   CREATE TABLE unanswered (
     text TEXT PRIMARY KEY, language TEXT NOT NULL, count BIGINT NOT NULL, last_seen TEXT NOT NULL);
   CREATE TABLE feedback (
     user_id BIGINT NOT NULL, entry_id TEXT NOT NULL, helpful INTEGER NOT NULL,
     comment TEXT, at TEXT NOT NULL, PRIMARY KEY (user_id, entry_id))`,
  `CREATE TABLE conversations (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE trackers (user_id BIGINT PRIMARY KEY, data TEXT NOT NULL, next_reminder_at TEXT);
   CREATE INDEX trackers_due ON trackers (next_reminder_at)`,
  // Near misses too: questions that only got "did you mean", with the entry ids it offered (JSON).
  `ALTER TABLE unanswered ADD COLUMN decision TEXT NOT NULL DEFAULT 'none';
   ALTER TABLE unanswered ADD COLUMN offered TEXT`,
  // Messages owed until sent or dropped (`settled` says which; options as JSON, times ISO).
  `CREATE TABLE outbox (
     key TEXT PRIMARY KEY, chat_id BIGINT NOT NULL, user_id BIGINT, kind TEXT NOT NULL,
     text TEXT NOT NULL, options TEXT, due_at TEXT NOT NULL, attempts INTEGER NOT NULL,
     settled TEXT, settled_at TEXT);
   CREATE INDEX outbox_due ON outbox (due_at) WHERE settled IS NULL`,
];

/** Every table the bot keeps, in an order that a copy can follow. */
export const TABLES = [
  "sessions",
  "conversations",
  "questions_by_day",
  "ask_counts",
  "unanswered",
  "feedback",
  "trackers",
  "outbox",
] as const;

/** Brings the schema up to date; any number of instances may call it at once. */
export async function migrate(db: SqlDatabase): Promise<void> {
  // Two instances starting at once: the lock lets one migrate while the other waits. Even the
  // first CREATE waits for it: PostgreSQL can fail two concurrent CREATE TABLE IF NOT EXISTS.
  await db.withLocks(["schema-migrations"], async () => {
    await db.run("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)");
    const done = await db.get<{ version: number | null }>(
      "SELECT MAX(version) AS version FROM schema_migrations",
    );
    for (const [index, script] of MIGRATIONS.entries()) {
      if (index < Number(done?.version ?? 0)) continue;
      await db.transaction(async (tx) => {
        for (const statement of script.split(";").filter((sql) => sql.trim()))
          await tx.run(statement);
        await tx.run("INSERT INTO schema_migrations (version) VALUES (?)", [index + 1]);
      });
    }
  });
}
