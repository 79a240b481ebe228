import { claimingRows, placeholders, type SqlDatabase, type Statement } from "./sql-database.js";
import type { ClaimedMessage, OwedMessage, Storage } from "./storage.js";

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

/** The statement that owes a message, unless its key was owed before. */
export const addOwed = (message: OwedMessage): Statement => ({
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

/** The outbox table: messages owed, claimed, and marked sent or dropped. */
export function outboxStore(db: SqlDatabase): Storage["outbox"] {
  // Marked at once: a message sent must be known as sent before anything else can fail.
  const settle = async (key: string, settled: "sent" | "dropped", at: Date) => {
    await db.run(
      "UPDATE outbox SET settled = ?, settled_at = ? WHERE key = ? AND settled IS NULL",
      [settled, at.toISOString(), key],
    );
  };
  return {
    add: (messages) => db.batch(messages.map(addOwed)),
    claim: async (now, { limit, leaseMs, keys }) => {
      if (keys?.length === 0) return [];
      // Claimed by moving it a lease ahead: another instance skips it, and if this one dies
      // before marking it, it is due again once the lease runs out.
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
    markSent: (key, at) => settle(key, "sent", at),
    markDropped: (key, at) => settle(key, "dropped", at),
    scheduleRetry: async (key, at) => {
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
  };
}
