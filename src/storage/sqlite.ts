import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { Decision } from "../matching/matcher.js";
import type { AskedQuestion, SessionData, Stats, Storage, TrackerRecord } from "./storage.js";

/** Each step runs once, in order, in one transaction; `PRAGMA user_version` counts those done. */
const MIGRATIONS = [
  `CREATE TABLE sessions (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE questions_by_day (
     day TEXT NOT NULL, decision TEXT NOT NULL, count INTEGER NOT NULL,
     PRIMARY KEY (day, decision));
   CREATE TABLE ask_counts (entry_id TEXT PRIMARY KEY, count INTEGER NOT NULL);
   CREATE TABLE unanswered (
     text TEXT PRIMARY KEY, language TEXT NOT NULL, count INTEGER NOT NULL, last_seen TEXT NOT NULL);
   CREATE TABLE feedback (
     user_id INTEGER NOT NULL, entry_id TEXT NOT NULL, helpful INTEGER NOT NULL,
     comment TEXT, at TEXT NOT NULL, PRIMARY KEY (user_id, entry_id));`,
  `CREATE TABLE conversations (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE trackers (
     user_id INTEGER PRIMARY KEY, data TEXT NOT NULL, next_reminder_at TEXT);
   CREATE INDEX trackers_due ON trackers (next_reminder_at) WHERE next_reminder_at IS NOT NULL;`,
];

/** Unanswered questions are kept as asked, up to this length: enough to write an entry from. */
const MAX_STORED_QUESTION = 500;

/** SQLite in one file (":memory:" for tests). WAL, so a crash loses no committed write. */
export function openSqliteStorage(file: string): Storage {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  migrate(db);

  const statements = {
    readConversation: db.prepare<[string], { value: string }>(
      "SELECT value FROM conversations WHERE key = ?",
    ),
    writeConversation: db.prepare(
      "INSERT INTO conversations (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ),
    deleteConversation: db.prepare("DELETE FROM conversations WHERE key = ?"),
    readTracker: db.prepare<[number], { data: string }>(
      "SELECT data FROM trackers WHERE user_id = ?",
    ),
    writeTracker: db.prepare(
      `INSERT INTO trackers (user_id, data, next_reminder_at) VALUES (?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET data = excluded.data, next_reminder_at = excluded.next_reminder_at`,
    ),
    deleteTracker: db.prepare("DELETE FROM trackers WHERE user_id = ?"),
    dueTrackers: db.prepare<[string, number], { data: string }>(
      "SELECT data FROM trackers WHERE next_reminder_at <= ? ORDER BY next_reminder_at LIMIT ?",
    ),
    readSession: db.prepare<[string], { value: string }>(
      "SELECT value FROM sessions WHERE key = ?",
    ),
    writeSession: db.prepare(
      "INSERT INTO sessions (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ),
    deleteSession: db.prepare("DELETE FROM sessions WHERE key = ?"),
    countDay: db.prepare(
      `INSERT INTO questions_by_day (day, decision, count) VALUES (?, ?, 1)
       ON CONFLICT (day, decision) DO UPDATE SET count = count + 1`,
    ),
    countAnswer: db.prepare(
      `INSERT INTO ask_counts (entry_id, count) VALUES (?, 1)
       ON CONFLICT (entry_id) DO UPDATE SET count = count + 1`,
    ),
    countUnanswered: db.prepare(
      `INSERT INTO unanswered (text, language, count, last_seen) VALUES (?, ?, 1, ?)
       ON CONFLICT (text) DO UPDATE SET count = count + 1, language = excluded.language,
       last_seen = excluded.last_seen`,
    ),
    insertFeedback: db.prepare(
      `INSERT INTO feedback (user_id, entry_id, helpful, at) VALUES (?, ?, ?, ?)
       ON CONFLICT (user_id, entry_id) DO NOTHING`,
    ),
    commentFeedback: db.prepare(
      "UPDATE feedback SET comment = ? WHERE user_id = ? AND entry_id = ?",
    ),
    mostAsked: db.prepare<[number], { entry_id: string }>(
      "SELECT entry_id FROM ask_counts ORDER BY count DESC, entry_id LIMIT ?",
    ),
    decisions: db.prepare<[], { decision: Decision; count: number }>(
      "SELECT decision, SUM(count) AS count FROM questions_by_day GROUP BY decision",
    ),
    questionsOn: db.prepare<[string], { count: number | null }>(
      "SELECT SUM(count) AS count FROM questions_by_day WHERE day = ?",
    ),
    topUnanswered: db.prepare<
      [],
      { text: string; count: number; language: string; last_seen: string }
    >(
      "SELECT text, count, language, last_seen FROM unanswered ORDER BY count DESC, last_seen DESC LIMIT 10",
    ),
    unansweredSince: db.prepare<
      [string],
      { text: string; count: number; language: string; last_seen: string }
    >(
      "SELECT text, count, language, last_seen FROM unanswered WHERE last_seen >= ? ORDER BY count DESC, last_seen DESC",
    ),
    feedback: db.prepare<[], { entry_id: string; helpful: number; unhelpful: number }>(
      `SELECT entry_id, SUM(helpful) AS helpful, SUM(1 - helpful) AS unhelpful
       FROM feedback GROUP BY entry_id ORDER BY entry_id`,
    ),
  };

  const recordQuestion = db.transaction((question: AskedQuestion) => {
    statements.countDay.run(dayOf(question.at), question.decision);
    if (question.decision === "answer" && question.entryId) {
      statements.countAnswer.run(question.entryId);
    }
    if (question.decision === "none") {
      const text = question.text.trim().slice(0, MAX_STORED_QUESTION);
      if (text) statements.countUnanswered.run(text, question.language, question.at.toISOString());
    }
  });

  // What each session held when last read, so that an update that changed nothing writes nothing.
  const lastRead = new Map<string, string>();

  return {
    sessions: {
      read: (key) => {
        const row = statements.readSession.get(key);
        if (row) lastRead.set(key, row.value);
        return row ? (JSON.parse(row.value) as SessionData) : undefined;
      },
      write: (key, value) => {
        const json = JSON.stringify(value);
        const unchanged = lastRead.get(key) === json;
        lastRead.delete(key);
        if (!unchanged) statements.writeSession.run(key, json);
      },
      delete: (key) => {
        lastRead.delete(key);
        statements.deleteSession.run(key);
      },
    },
    conversations: {
      read: (key) => {
        const row = statements.readConversation.get(key);
        return row ? JSON.parse(row.value) : undefined;
      },
      write: (key, value) => {
        statements.writeConversation.run(key, JSON.stringify(value));
      },
      delete: (key) => {
        statements.deleteConversation.run(key);
      },
    },
    trackers: {
      get: async (userId) => {
        const row = statements.readTracker.get(userId);
        return row ? (JSON.parse(row.data) as TrackerRecord) : undefined;
      },
      save: async (record) => {
        statements.writeTracker.run(
          record.userId,
          JSON.stringify(record),
          record.paused ? null : (record.nextReminderAt ?? null),
        );
      },
      delete: async (userId) => {
        statements.deleteTracker.run(userId);
      },
      due: async (now, limit) =>
        statements.dueTrackers
          .all(now.toISOString(), limit)
          .map((row) => JSON.parse(row.data) as TrackerRecord),
    },
    recordQuestion: async (question) => {
      recordQuestion(question);
    },
    recordFeedback: async (userId, entryId, helpful) =>
      statements.insertFeedback.run(userId, entryId, helpful ? 1 : 0, new Date().toISOString())
        .changes === 1,
    recordFeedbackComment: async (userId, entryId, comment) => {
      statements.commentFeedback.run(comment.slice(0, MAX_STORED_QUESTION), userId, entryId);
    },
    mostAsked: async (limit) => statements.mostAsked.all(limit).map((row) => row.entry_id),
    stats: async (now): Promise<Stats> => {
      const decisions: Record<Decision, number> = { answer: 0, suggest: 0, none: 0 };
      for (const row of statements.decisions.all()) decisions[row.decision] = row.count;
      return {
        questionsToday: statements.questionsOn.get(dayOf(now))?.count ?? 0,
        questionsTotal: decisions.answer + decisions.suggest + decisions.none,
        decisions,
        topUnanswered: statements.topUnanswered.all().map((row) => ({
          text: row.text,
          count: row.count,
          language: row.language,
          lastSeen: new Date(row.last_seen),
        })),
        feedback: statements.feedback.all().map((row) => ({
          entryId: row.entry_id,
          helpful: row.helpful,
          unhelpful: row.unhelpful,
        })),
      };
    },
    unanswered: async (since) =>
      statements.unansweredSince.all((since ?? new Date(0)).toISOString()).map((row) => ({
        text: row.text,
        count: row.count,
        language: row.language,
        lastSeen: new Date(row.last_seen),
      })),
    ping: async () => {
      db.prepare("SELECT 1").get();
    },
    close: async () => {
      db.close();
    },
  };
}

function migrate(db: Database.Database): void {
  const done = db.pragma("user_version", { simple: true }) as number;
  for (const [index, sql] of MIGRATIONS.entries()) {
    if (index < done) continue;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${index + 1}`);
    })();
  }
}

/** The UTC day of a moment, as YYYY-MM-DD. */
function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}
