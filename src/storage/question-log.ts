import type { Decision } from "../matching/matcher.js";
import { placeholders, type SqlDatabase, type Statement } from "./sql-database.js";
import type { AskedQuestion, UnansweredQuestion } from "./storage.js";

/** Questions (and comments) are kept as asked, up to this length: enough to write an entry from. */
export const MAX_STORED_TEXT = 500;

/** The day a question counts for, in UTC. */
export const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/**
 * Counts a question: by day and decision, by answered entry, and, unless answered, by its text.
 * Counters are incremented in SQL, never read and written back.
 */
export async function recordQuestion(db: SqlDatabase, question: AskedQuestion): Promise<void> {
  const statements: Statement[] = [];
  const text = question.text.trim().slice(0, MAX_STORED_TEXT);
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
  if (question.decision === "answer" && question.entryId) {
    statements.push({
      sql: `INSERT INTO ask_counts (entry_id, count) VALUES (?, 1)
            ON CONFLICT (entry_id) DO UPDATE SET count = ask_counts.count + 1`,
      params: [question.entryId],
    });
  }
  // Last, because every update bumps this row: it is held locked from here to the commit.
  statements.push({
    sql: `INSERT INTO questions_by_day (day, decision, count) VALUES (?, ?, 1)
          ON CONFLICT (day, decision) DO UPDATE SET count = questions_by_day.count + 1`,
    params: [dayOf(question.at), question.decision],
  });
  // Apart from the update's transaction, which would hold these rows while it talks to Telegram.
  await db.batchApart(statements);
}

/** Entry ids, most answered first. */
export async function mostAsked(db: SqlDatabase, limit: number): Promise<string[]> {
  const rows = await db.all<{ entry_id: string }>(
    "SELECT entry_id FROM ask_counts ORDER BY count DESC, entry_id LIMIT ?",
    [limit],
  );
  return rows.map((row) => row.entry_id);
}

/** Questions seen since `since` that got one of `decisions`, most asked first. */
export async function unansweredSince(
  db: SqlDatabase,
  since: Date,
  decisions: readonly Exclude<Decision, "answer">[],
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
     WHERE last_seen >= ? AND decision IN (${placeholders(decisions)})
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
