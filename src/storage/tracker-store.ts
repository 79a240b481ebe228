import { addOwed } from "./outbox-store.js";
import { claimingRows, placeholders, type SqlDatabase, type Statement } from "./sql-database.js";
import type { OwedMessage, Storage, TrackerRecord } from "./storage.js";

/** What a tracker owes: deleted with it. */
const TRACKER_KINDS: readonly OwedMessage["kind"][] = ["alert", "check-in", "plan-ended"];

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

/** The trackers table: one JSON record per user, with its next reminder for the scheduler. */
export function trackerStore(db: SqlDatabase): Storage["trackers"] {
  return {
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
                AND kind IN (${placeholders(TRACKER_KINDS)})`,
          params: [userId, ...TRACKER_KINDS],
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
  };
}
