import { MAX_STORED_TEXT } from "./question-log.js";
import type { SqlDatabase } from "./sql-database.js";
import type { Storage } from "./storage.js";

/** The feedback table: one 👍 or 👎 per user and entry, with what a 👎 said was missing. */
export function feedbackStore(
  db: SqlDatabase,
): Pick<Storage, "recordFeedback" | "recordFeedbackComment"> {
  return {
    recordFeedback: async (userId, entryId, helpful, at) => {
      const { changes } = await db.run(
        `INSERT INTO feedback (user_id, entry_id, helpful, at) VALUES (?, ?, ?, ?)
         ON CONFLICT (user_id, entry_id) DO NOTHING`,
        [userId, entryId, helpful ? 1 : 0, at.toISOString()],
      );
      return changes === 1;
    },
    recordFeedbackComment: async (userId, entryId, comment) => {
      await db.run("UPDATE feedback SET comment = ? WHERE user_id = ? AND entry_id = ?", [
        comment.slice(0, MAX_STORED_TEXT),
        userId,
        entryId,
      ]);
    },
  };
}
