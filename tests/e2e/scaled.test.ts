import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Storage, TrackerRecord } from "../../src/storage/storage.js";
import { POSTGRES_URL, postgres } from "../storage/engines.js";
import { type BotProcess, freePort, startWebhookBot, textUpdate, until } from "./processes.js";

// Two `npm start` processes in webhook mode on one PostgreSQL, their outgoing calls going to a
// Bot API emulator: updates of one chat race between them, and one of them is killed midway.
const SECRET = "scaled-setup-secret";
const USERS = 10;
const REPORTS_PER_USER = 24;
const DUE_REMINDERS = 30;

let server: TelegramServer;
let database: Awaited<ReturnType<typeof postgres.fresh>>;
let storage: Storage;
const instances: (BotProcess & { port: number })[] = [];

const tracker = (userId: number, nextReminderAt?: string): TrackerRecord => ({
  userId,
  chatId: userId,
  plan: { totalMb: 1024 * 1024, startDate: "2026-11-01", days: 365, threshold: { percent: 1 } },
  readings: [],
  alertsSent: [],
  paused: false,
  ...(nextReminderAt ? { nextReminderAt, checkInHour: 9 } : {}),
});

describe.skipIf(!POSTGRES_URL)("two instances behind webhooks on one PostgreSQL", () => {
  beforeAll(async () => {
    server = new TelegramServer({ host: "127.0.0.1", port: await freePort(), storeTimeout: 600 });
    await server.start();
    database = await postgres.fresh();
    storage = await database.open();
    for (let user = 1; user <= USERS; user++) await storage.trackers.save(tracker(user));
    for (let user = 1; user <= DUE_REMINDERS; user++) {
      await storage.trackers.save(tracker(1000 + user, "2026-01-01T00:00:00.000Z"));
    }
    const env = {
      TELEGRAM_API_ROOT: server.config.apiURL,
      DATABASE_URL: database.url,
      SCHEDULER_INTERVAL_MS: "200",
    };
    // One after the other: the first claims every due reminder before the second is up, so
    // that none is claimed by the one killed midway (its claims would wait out their lease).
    for (let index = 0; index < 2; index++) instances.push(await startWebhookBot(env, SECRET));
  }, 120_000);

  afterAll(async () => {
    for (const instance of instances) instance.process.kill("SIGKILL");
    await storage?.close();
    await database?.drop();
    await server?.stop();
  });

  it("loses no update of a chat raced between them, even when one is killed, and sends each reminder once", async () => {
    const acknowledged = new Map<number, number>();
    let updateId = 1;
    for (let round = 0; round < REPORTS_PER_USER / 2; round++) {
      if (round === REPORTS_PER_USER / 4) {
        instances[1]?.process.kill("SIGKILL"); // mid-run: one instance dies
      }
      await Promise.all(
        Array.from({ length: USERS }, async (_, index) => {
          const user = index + 1;
          // Two reports of the same chat at once, one to each instance (or both to the survivor).
          const sends = [0, 1].map((which) =>
            deliver(which, textUpdate(updateId++, user, "/used +100MB")),
          );
          for (const ok of await Promise.all(sends)) {
            if (ok) acknowledged.set(user, (acknowledged.get(user) ?? 0) + 1);
          }
        }),
      );
    }
    for (let user = 1; user <= USERS; user++) {
      const record = await storage.trackers.get(user);
      const count = acknowledged.get(user) ?? 0;
      // Every acknowledged report is there, each on top of the one before: no write was lost.
      expect(record?.readings.length, `user ${user}`).toBe(count);
      expect(record?.readings.at(-1)?.usedMb, `user ${user}`).toBe(count * 100);
    }
    expect([...acknowledged.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(
      USERS * REPORTS_PER_USER * 0.7,
    );

    // The scheduler of the surviving instance (and of the other, before it died) delivered each
    // due reminder exactly once.
    await until(
      server,
      ["AddedBotMessage"],
      () => (remindersTo().size === DUE_REMINDERS ? true : undefined),
      {
        timeoutMs: 60_000,
        describe: () => instances.map((instance) => instance.output()).join("\n"),
      },
    );
    expect([...remindersTo().values()].every((count) => count === 1)).toBe(true);
    // And none can follow: each was owed once and claimed once (a second claim, by either
    // instance, is a second send), and no tracker is due again to owe another.
    const db = database.openDatabase();
    try {
      const owed = await db.all<{ key: string; attempts: number }>(
        "SELECT key, attempts FROM outbox WHERE user_id > 1000 ORDER BY key",
      );
      expect(owed).toHaveLength(DUE_REMINDERS);
      expect(owed.filter(({ attempts }) => Number(attempts) !== 1)).toEqual([]);
      const due = await db.all<{ user_id: number }>(
        "SELECT user_id FROM trackers WHERE user_id > 1000 AND next_reminder_at <= ?",
        [new Date().toISOString()],
      );
      expect(due).toEqual([]);
    } finally {
      await db.close();
    }
  }, 120_000);
});

/** Posts an update to an instance; false if it did not acknowledge it (then Telegram would retry it). */
async function deliver(which: number, body: object): Promise<boolean> {
  for (const instance of [instances[which], instances[0]]) {
    if (!instance) continue;
    try {
      const response = await fetch(`http://127.0.0.1:${instance.port}/telegram`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
        body: JSON.stringify(body),
      });
      if (response.ok) return true;
    } catch {
      // A dead instance: Telegram retries the update, here on the survivor.
    }
  }
  return false;
}

/** How many messages the bot sent to each reminder chat. */
function remindersTo(): Map<number, number> {
  const counts = new Map<number, number>();
  for (const { message } of server.storage.botMessages as unknown as {
    message: { chat_id: number | string };
  }[]) {
    const chat = Number(message.chat_id);
    if (chat > 1000) counts.set(chat, (counts.get(chat) ?? 0) + 1);
  }
  return counts;
}
