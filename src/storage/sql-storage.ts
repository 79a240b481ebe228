import { feedbackStore } from "./feedback-store.js";
import { jsonTable } from "./json-table.js";
import { outboxStore } from "./outbox-store.js";
import { mostAsked, recordQuestion, unansweredSince } from "./question-log.js";
import { migrate } from "./schema.js";
import type { SqlDatabase } from "./sql-database.js";
import { stats } from "./stats.js";
import type { SessionData, Storage } from "./storage.js";
import { trackerStore } from "./tracker-store.js";

/** The channel of announceReload. */
const RELOAD_CHANNEL = "kb_reload";

/** Everything the bot stores, on any SqlDatabase, its schema brought up to date first. */
export async function createSqlStorage(db: SqlDatabase): Promise<Storage> {
  await migrate(db);
  return {
    sessions: jsonTable<SessionData>(db, "sessions"),
    conversations: jsonTable<unknown>(db, "conversations"),
    // Prefixed, so that no update's key meets the schema's own lock.
    withLocks: (keys, work) =>
      db.withLocks(
        keys.map((key) => `lock:${key}`),
        work,
      ),
    trackers: trackerStore(db),
    outbox: outboxStore(db),
    announceReload: () => db.notify(RELOAD_CHANNEL),
    onReload: (listener) => db.listen(RELOAD_CHANNEL, listener),
    recordQuestion: (question) => recordQuestion(db, question),
    ...feedbackStore(db),
    mostAsked: (limit) => mostAsked(db, limit),
    unanswered: (since) => unansweredSince(db, since ?? new Date(0), ["none", "suggest"]),
    stats: (now) => stats(db, now),
    ping: async () => {
      await db.get("SELECT 1 AS ok");
    },
    close: () => db.close(),
  };
}
