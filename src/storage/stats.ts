import type { Decision } from "../matching/matcher.js";
import { dayOf, unansweredSince } from "./question-log.js";
import type { SqlDatabase } from "./sql-database.js";
import type { Stats } from "./storage.js";

/** What /stats shows: questions by decision, today's, the top unanswered, feedback by entry. */
export async function stats(db: SqlDatabase, now: Date): Promise<Stats> {
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
}
