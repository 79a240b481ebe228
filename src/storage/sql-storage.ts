import type { Decision } from "../matching/matcher.js";
import type { SqlDatabase, Statement } from "./sql-database.js";
import type {
  AskedQuestion,
  ClaimedMessage,
  OwedMessage,
  SessionData,
  Stats,
  Storage,
  TrackerRecord,
  UnansweredQuestion,
} from "./storage.js";

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
  // Messages owed until sent (options as JSON, times ISO).
  `CREATE TABLE outbox (
     key TEXT PRIMARY KEY, chat_id BIGINT NOT NULL, user_id BIGINT, kind TEXT NOT NULL,
     text TEXT NOT NULL, options TEXT, due_at TEXT NOT NULL, attempts INTEGER NOT NULL,
     settled TEXT, settled_at TEXT);
   CREATE INDEX outbox_due ON outbox (due_at) WHERE settled IS NULL`,
];

/** Unanswered questions are kept as asked, up to this length: enough to write an entry from. */
const MAX_STORED_QUESTION = 500;

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

/** The channel of announceReload. */
const RELOAD_CHANNEL = "kb_reload";

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

/** A key-value table of JSON, as grammY's storage adapters want it. */
function jsonTable<T>(db: SqlDatabase, table: "sessions" | "conversations") {
  return {
    read: async (key: string) => {
      const row = await db.get<{ value: string }>(`SELECT value FROM ${table} WHERE key = ?`, [
        key,
      ]);
      return row ? (JSON.parse(row.value) as T) : undefined;
    },
    // Batches, so that on PostgreSQL they ride with the locks' release.
    write: async (key: string, value: T) => {
      await db.batch([
        {
          sql: `INSERT INTO ${table} (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
          params: [key, JSON.stringify(value)],
        },
      ]);
    },
    delete: async (key: string) => {
      await db.batch([{ sql: `DELETE FROM ${table} WHERE key = ?`, params: [key] }]);
    },
  };
}

interface OutboxRow {
  key: string;
  chat_id: number | string;
  user_id: number | string | null;
  kind: OwedMessage["kind"];
  text: string;
  options: string | null;
  due_at: string;
  attempts: number | string;
}

const addOwed = (message: OwedMessage): Statement => ({
  sql: `INSERT INTO outbox (key, chat_id, user_id, kind, text, options, due_at, attempts)
        VALUES (?, ?, ?, ?, ?, ?, ?, 0) ON CONFLICT (key) DO NOTHING`,
  params: [
    message.key,
    message.chatId,
    message.userId ?? null,
    message.kind,
    message.text,
    message.options ? JSON.stringify(message.options) : null,
    message.dueAt.toISOString(),
  ],
});

const claimedOf = (row: OutboxRow): ClaimedMessage => ({
  key: row.key,
  chatId: Number(row.chat_id),
  ...(row.user_id === null ? {} : { userId: Number(row.user_id) }),
  kind: row.kind,
  text: row.text,
  ...(row.options ? { options: JSON.parse(row.options) as Record<string, unknown> } : {}),
  dueAt: new Date(row.due_at),
  attempts: Number(row.attempts),
});

/** `?, ?, …`, one for each value. */
const placeholders = (values: readonly unknown[]) => values.map(() => "?").join(", ");

/** Rows claimed on PostgreSQL are locked, and those another claimer locked are passed over. */
const claimingRows = (tx: SqlDatabase) =>
  tx.dialect === "postgres" ? " FOR UPDATE SKIP LOCKED" : "";

/** Everything the bot stores, on any SqlDatabase. Counters are incremented in SQL, never in here. */
export async function createSqlStorage(db: SqlDatabase): Promise<Storage> {
  await migrate(db);
  const dayOf = (at: Date) => at.toISOString().slice(0, 10);
  const saveTracker = (record: TrackerRecord): Statement => ({
    sql: `INSERT INTO trackers (user_id, data, next_reminder_at) VALUES (?, ?, ?)
          ON CONFLICT (user_id) DO UPDATE SET
            data = excluded.data, next_reminder_at = excluded.next_reminder_at`,
    params: [
      record.userId,
      JSON.stringify(record),
      record.paused ? null : (record.nextReminderAt ?? null),
    ],
  });

  return {
    sessions: jsonTable<SessionData>(db, "sessions"),
    conversations: jsonTable<unknown>(db, "conversations"),
    withLocks: (keys, work) =>
      db.withLocks(
        keys.map((key) => `lock:${key}`),
        work,
      ),
    trackers: {
      get: async (userId) => {
        const row = await db.get<{ data: string }>("SELECT data FROM trackers WHERE user_id = ?", [
          userId,
        ]);
        return row ? (JSON.parse(row.data) as TrackerRecord) : undefined;
      },
      // One batch, so that the tracker and what it owes are stored together or not at all.
      save: (record, owed = []) => db.batch([saveTracker(record), ...owed.map(addOwed)]),
      delete: async (userId) => {
        await db.batch([
          { sql: "DELETE FROM trackers WHERE user_id = ?", params: [userId] },
          // Its alerts and reminders not yet sent go with it: nothing to remind of any more.
          {
            sql: `DELETE FROM outbox WHERE user_id = ? AND settled IS NULL
                  AND kind IN ('alert', 'check-in', 'plan-ended')`,
            params: [userId],
          },
        ]);
      },
      claimDue: (now, limit, leaseMs) =>
        // Claimed by moving the reminder a lease ahead: another instance skips it, and if this
        // one dies before sending, it is due again once the lease runs out.
        db.transaction(async (tx) => {
          const rows = await tx.all<{ data: string }>(
            `SELECT data FROM trackers WHERE next_reminder_at <= ?
             ORDER BY next_reminder_at LIMIT ?${claimingRows(tx)}`,
            [now.toISOString(), limit],
          );
          const records = rows.map((row) => JSON.parse(row.data) as TrackerRecord);
          const lease = new Date(now.getTime() + leaseMs).toISOString();
          for (const record of records) {
            await tx.run("UPDATE trackers SET next_reminder_at = ? WHERE user_id = ?", [
              lease,
              record.userId,
            ]);
          }
          return records;
        }),
    },
    outbox: {
      // A batch: inside locks on PostgreSQL, it goes with the update's other writes.
      add: (messages) => db.batch(messages.map(addOwed)),
      claim: async (now, { limit, leaseMs, keys }) => {
        if (keys?.length === 0) return [];
        // Claimed as trackers are: a lease ahead, so that another instance skips them.
        const onlyKeys = keys ? ` AND key IN (${placeholders(keys)})` : "";
        return db.transaction(async (tx) => {
          const rows = await tx.all<OutboxRow>(
            `SELECT key, chat_id, user_id, kind, text, options, due_at, attempts FROM outbox
             WHERE settled IS NULL AND due_at <= ?${onlyKeys}
             ORDER BY due_at, key LIMIT ?${claimingRows(tx)}`,
            [now.toISOString(), ...(keys ?? []), limit],
          );
          if (rows.length === 0) return [];
          const claimed = rows.map((row) => row.key);
          await tx.run(
            `UPDATE outbox SET due_at = ?, attempts = attempts + 1
             WHERE key IN (${placeholders(claimed)})`,
            [new Date(now.getTime() + leaseMs).toISOString(), ...claimed],
          );
          return rows.map((row) => claimedOf({ ...row, attempts: Number(row.attempts) + 1 }));
        });
      },
      // At once, not batched: a message sent must be marked so before anything else can fail.
      settle: async (key, outcome, at) => {
        await db.run(
          "UPDATE outbox SET settled = ?, settled_at = ? WHERE key = ? AND settled IS NULL",
          [outcome, at.toISOString(), key],
        );
      },
      postpone: async (key, at) => {
        await db.run("UPDATE outbox SET due_at = ? WHERE key = ? AND settled IS NULL", [
          at.toISOString(),
          key,
        ]);
      },
      purge: async (before) => {
        await db.run("DELETE FROM outbox WHERE settled IS NOT NULL AND settled_at < ?", [
          before.toISOString(),
        ]);
      },
    },
    announceReload: () => db.notify(RELOAD_CHANNEL),
    onReload: (listener) => db.listen(RELOAD_CHANNEL, listener),
    // One batch, one round trip: every update bumps the same row of questions_by_day, and a
    // transaction spread over several round trips would hold that row locked while others wait.
    recordQuestion: async (question: AskedQuestion) => {
      const statements: Statement[] = [
        {
          sql: `INSERT INTO questions_by_day (day, decision, count) VALUES (?, ?, 1)
                ON CONFLICT (day, decision) DO UPDATE SET count = questions_by_day.count + 1`,
          params: [dayOf(question.at), question.decision],
        },
      ];
      if (question.decision === "answer" && question.entryId) {
        statements.push({
          sql: `INSERT INTO ask_counts (entry_id, count) VALUES (?, 1)
                ON CONFLICT (entry_id) DO UPDATE SET count = ask_counts.count + 1`,
          params: [question.entryId],
        });
      }
      const text = question.text.trim().slice(0, MAX_STORED_QUESTION);
      // One row per text: the count is every time it was asked, the decision the latest one.
      if (question.decision !== "answer" && text) {
        const offered = question.decision === "suggest" ? (question.offered ?? []) : null;
        statements.push({
          sql: `INSERT INTO unanswered (text, language, count, last_seen, decision, offered)
                VALUES (?, ?, 1, ?, ?, ?)
                ON CONFLICT (text) DO UPDATE SET count = unanswered.count + 1,
                language = excluded.language, last_seen = excluded.last_seen,
                decision = excluded.decision, offered = excluded.offered`,
          params: [
            text,
            question.language,
            question.at.toISOString(),
            question.decision,
            offered && JSON.stringify(offered),
          ],
        });
      }
      await db.batch(statements);
    },
    recordFeedback: async (userId, entryId, helpful) =>
      (
        await db.run(
          `INSERT INTO feedback (user_id, entry_id, helpful, at) VALUES (?, ?, ?, ?)
           ON CONFLICT (user_id, entry_id) DO NOTHING`,
          [userId, entryId, helpful ? 1 : 0, new Date().toISOString()],
        )
      ).changes === 1,
    recordFeedbackComment: async (userId, entryId, comment) => {
      await db.run("UPDATE feedback SET comment = ? WHERE user_id = ? AND entry_id = ?", [
        comment.slice(0, MAX_STORED_QUESTION),
        userId,
        entryId,
      ]);
    },
    mostAsked: async (limit) =>
      (
        await db.all<{ entry_id: string }>(
          "SELECT entry_id FROM ask_counts ORDER BY count DESC, entry_id LIMIT ?",
          [limit],
        )
      ).map((row) => row.entry_id),
    unanswered: async (since) => unansweredSince(db, since ?? new Date(0), ["none", "suggest"]),
    stats: async (now): Promise<Stats> => {
      const decisions: Record<Decision, number> = { answer: 0, suggest: 0, none: 0 };
      const rows = await db.all<{ decision: Decision; count: number | string }>(
        "SELECT decision, SUM(count) AS count FROM questions_by_day GROUP BY decision",
      );
      for (const row of rows) decisions[row.decision] = Number(row.count);
      const today = await db.get<{ count: number | string | null }>(
        "SELECT SUM(count) AS count FROM questions_by_day WHERE day = ?",
        [dayOf(now)],
      );
      const feedback = await db.all<{
        entry_id: string;
        helpful: number | string;
        unhelpful: number | string;
      }>(
        `SELECT entry_id, SUM(helpful) AS helpful, SUM(1 - helpful) AS unhelpful
         FROM feedback GROUP BY entry_id ORDER BY entry_id`,
      );
      return {
        questionsToday: Number(today?.count ?? 0),
        questionsTotal: decisions.answer + decisions.suggest + decisions.none,
        decisions,
        topUnanswered: (await unansweredSince(db, new Date(0), ["none"]))
          .slice(0, 10)
          .map(({ text, count, language, lastSeen }) => ({ text, count, language, lastSeen })),
        feedback: feedback.map((row) => ({
          entryId: row.entry_id,
          helpful: Number(row.helpful),
          unhelpful: Number(row.unhelpful),
        })),
      };
    },
    ping: async () => {
      await db.get("SELECT 1 AS ok");
    },
    close: () => db.close(),
  };
}

async function unansweredSince(
  db: SqlDatabase,
  since: Date,
  decisions: UnansweredQuestion["decision"][],
): Promise<UnansweredQuestion[]> {
  const rows = await db.all<{
    text: string;
    count: number | string;
    language: string;
    last_seen: string;
    decision: UnansweredQuestion["decision"];
    offered: string | null;
  }>(
    `SELECT text, count, language, last_seen, decision, offered FROM unanswered
     WHERE last_seen >= ? AND decision IN (${decisions.map(() => "?").join(", ")})
     ORDER BY count DESC, last_seen DESC`,
    [since.toISOString(), ...decisions],
  );
  return rows.map((row) => ({
    text: row.text,
    count: Number(row.count),
    language: row.language,
    lastSeen: new Date(row.last_seen),
    decision: row.decision,
    offered: row.offered ? (JSON.parse(row.offered) as string[]) : [],
  }));
}

/**
 * Copies every row of every table in TABLES from one database into another that holds none yet
 * (both migrated to the same schema), in one transaction: all of it arrives, or none.
 */
export async function copyDatabase(
  from: SqlDatabase,
  to: SqlDatabase,
): Promise<Record<string, number>> {
  await migrate(from);
  await migrate(to);
  for (const table of TABLES) {
    const present = await to.get<{ count: number | string }>(
      `SELECT COUNT(*) AS count FROM ${table}`,
    );
    if (Number(present?.count ?? 0) > 0) {
      throw new Error(
        `the target already holds data (table ${table}): copy into an empty database`,
      );
    }
  }
  const copied: Record<string, number> = {};
  await to.transaction(async (tx) => {
    for (const table of TABLES) {
      const rows = await from.all<Record<string, unknown>>(`SELECT * FROM ${table}`);
      for (const row of rows) {
        const columns = Object.keys(row);
        await tx.run(
          `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
          columns.map((column) => row[column]),
        );
      }
      copied[table] = rows.length;
    }
  });
  return copied;
}
