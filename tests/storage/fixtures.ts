import type { SqlDatabase } from "../../src/storage/sql-database.js";
import type { OwedMessage, TrackerRecord } from "../../src/storage/storage.js";

export const tracker = (userId: number, nextReminderAt?: string): TrackerRecord => ({
  userId,
  chatId: userId,
  plan: { totalMb: 10240, startDate: "2026-11-20", days: 7, threshold: { percent: 20 } },
  readings: [],
  alertsSent: [],
  paused: false,
  ...(nextReminderAt ? { nextReminderAt } : {}),
});

export const owed = (key: string, dueAt: string, more: Partial<OwedMessage> = {}): OwedMessage => ({
  key,
  chatId: 7,
  kind: "alert",
  text: `about ${key}`,
  dueAt: new Date(dueAt),
  ...more,
});

/** A promise and what settles it: one side of a test tells the other it has done its part. */
export function signal(): { done: Promise<void>; give: () => void } {
  let give: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    give = resolve;
  });
  return { done, give };
}

/** A listener that counts its calls, and tells when it has been called `count` times. */
export function countingListener() {
  let calls = 0;
  const waiting: { count: number; give: () => void }[] = [];
  return {
    listener: () => {
      calls++;
      for (const wait of waiting) if (wait.count <= calls) wait.give();
    },
    calls: () => calls,
    reached: (count: number) =>
      new Promise<void>((give) => {
        if (calls >= count) give();
        else waiting.push({ count, give });
      }),
  };
}

/**
 * Waits until `check` holds, asking again each time the event loop comes round (no timer): for
 * what only the database can tell, such as a connection now waiting on a lock. A check that
 * never holds fails the test at its timeout.
 */
export async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setImmediate(resolve));
}

/** How many lock requests wait in this PostgreSQL database: how a test knows that an update waits. */
export async function lockWaiters(probe: SqlDatabase): Promise<number> {
  const row = await probe.get<{ count: number | string }>(
    `SELECT COUNT(*) AS count FROM pg_locks WHERE locktype = ? AND NOT granted
     AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    ["advisory"],
  );
  return Number(row?.count);
}

/** The connections listening for notifications in a PostgreSQL database, as it reports them. */
export const listening = (probe: SqlDatabase) =>
  // Idle: the LISTEN has finished, so a notification sent now is heard.
  probe.all<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity
      WHERE datname = current_database() AND query LIKE ? AND state = 'idle'`,
    ["LISTEN %"],
  );
