import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SqlDatabase } from "../../src/storage/sql-database.js";
import type { OwedMessage, Storage, TrackerRecord } from "../../src/storage/storage.js";
import { ENGINES, POSTGRES_URL, postgres } from "./engines.js";

const tracker = (userId: number, nextReminderAt?: string): TrackerRecord => ({
  userId,
  chatId: userId,
  plan: { totalMb: 10240, startDate: "2026-11-20", days: 7, threshold: { percent: 20 } },
  readings: [],
  alertsSent: [],
  paused: false,
  ...(nextReminderAt ? { nextReminderAt } : {}),
});

const owed = (key: string, dueAt: string, more: Partial<OwedMessage> = {}): OwedMessage => ({
  key,
  chatId: 7,
  kind: "alert",
  text: `about ${key}`,
  dueAt: new Date(dueAt),
  ...more,
});

/** The connections listening for notifications in a PostgreSQL database, as it reports them. */
const listening = async (db: SqlDatabase) =>
  db.all<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'`,
  );

describe.each(ENGINES)("storage on $name", (engine) => {
  let database: Awaited<ReturnType<typeof engine.fresh>>;
  let storage: Storage;
  beforeEach(async () => {
    database = await engine.fresh();
    storage = await database.open();
  });
  afterEach(async () => {
    vi.useRealTimers();
    await storage.close();
    await database.drop();
  });

  it("keeps sessions and conversations by key", async () => {
    expect(await storage.sessions.read("1")).toBeUndefined();
    await storage.sessions.write("1", { language: "zh-Hant" });
    expect(await storage.sessions.read("1")).toEqual({ language: "zh-Hant" });
    await storage.sessions.delete("1");
    expect(await storage.sessions.read("1")).toBeUndefined();
    await storage.conversations.write("flow:1", { version: [0, 2], state: {} });
    expect(await storage.conversations.read("flow:1")).toEqual({ version: [0, 2], state: {} });
  });

  it("counts questions, answers and unanswered questions, and feedback once per user", async () => {
    const at = new Date("2026-11-23T02:00:00Z");
    await storage.recordQuestion({
      decision: "answer",
      entryId: "public-wifi",
      text: "wifi?",
      language: "en",
      at,
    });
    await storage.recordQuestion({
      decision: "answer",
      entryId: "public-wifi",
      text: "wifi!",
      language: "en",
      at,
    });
    await storage.recordQuestion({
      decision: "answer",
      entryId: "card-coverage",
      text: "signal",
      language: "en",
      at,
    });
    await storage.recordQuestion({ decision: "none", text: "octopus?", language: "en", at });
    await storage.recordQuestion({ decision: "none", text: "octopus?", language: "zh-Hans", at });
    expect(await storage.recordFeedback(7, "public-wifi", false)).toBe(true);
    expect(await storage.recordFeedback(7, "public-wifi", true)).toBe(false);
    await storage.recordFeedbackComment(7, "public-wifi", "which malls?");
    expect(await storage.mostAsked(2)).toEqual(["public-wifi", "card-coverage"]);
    const stats = await storage.stats(at);
    expect(stats).toMatchObject({
      questionsToday: 5,
      questionsTotal: 5,
      decisions: { answer: 3, suggest: 0, none: 2 },
      feedback: [{ entryId: "public-wifi", helpful: 0, unhelpful: 1 }],
    });
    expect(stats.topUnanswered).toEqual([
      { text: "octopus?", count: 2, language: "zh-Hans", lastSeen: at },
    ]);
  });

  it("keeps near misses with the entries offered, apart from the top unanswered", async () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 2, minute));
    const suggest = (offered: string[], minute: number) =>
      storage.recordQuestion({
        decision: "suggest",
        offered,
        text: "港卡 家庭",
        language: "zh-Hans",
        at: at(minute),
      });
    await suggest(["sharing-why-not", "sharing-hotspot"], 0);
    await suggest(["sharing-hotspot", "sharing-mvno"], 1);
    await storage.recordQuestion({ decision: "none", text: "octopus?", language: "en", at: at(2) });
    await storage.recordQuestion({
      decision: "answer",
      entryId: "public-wifi",
      text: "wifi?",
      language: "en",
      at: at(3),
    });
    expect(await storage.unanswered()).toEqual([
      {
        text: "港卡 家庭",
        count: 2,
        language: "zh-Hans",
        lastSeen: at(1),
        decision: "suggest",
        offered: ["sharing-hotspot", "sharing-mvno"],
      },
      {
        text: "octopus?",
        count: 1,
        language: "en",
        lastSeen: at(2),
        decision: "none",
        offered: [],
      },
    ]);
    const stats = await storage.stats(at(3));
    expect(stats.decisions).toEqual({ answer: 1, suggest: 2, none: 1 });
    expect(stats.topUnanswered).toEqual([
      { text: "octopus?", count: 1, language: "en", lastSeen: at(2) },
    ]);

    // Asked again after the knowledge base changed: the latest decision is what it does now.
    await storage.recordQuestion({
      decision: "none",
      text: "港卡 家庭",
      language: "en",
      at: at(4),
    });
    expect((await storage.unanswered(at(3)))[0]).toMatchObject({
      text: "港卡 家庭",
      count: 3,
      decision: "none",
      offered: [],
    });
  });

  it("keeps the unanswered questions of a database from before near misses were kept", async () => {
    await storage.recordQuestion({
      decision: "none",
      text: "octopus?",
      language: "en",
      at: new Date("2026-11-01T00:00:00Z"),
    });
    await storage.close();
    // Back to the schema of the release before: no decision or offered column.
    const old = database.openDatabase();
    await old.run("ALTER TABLE unanswered DROP COLUMN offered");
    await old.run("ALTER TABLE unanswered DROP COLUMN decision");
    await old.run("DROP TABLE outbox");
    await old.run("DELETE FROM schema_migrations WHERE version >= 3");
    await old.close();

    storage = await database.open();
    expect(await storage.unanswered()).toEqual([
      {
        text: "octopus?",
        count: 1,
        language: "en",
        lastSeen: new Date("2026-11-01T00:00:00Z"),
        decision: "none",
        offered: [],
      },
    ]);
  });

  it("stores a question exactly as asked, whatever characters it holds", async () => {
    const at = new Date("2026-11-23T02:00:00Z");
    const texts = [
      "it's a ''quoted'' \\ back\\slash? $1 ; DROP TABLE unanswered; --",
      "E'\\x00' 港卡？😀 \n new line",
    ];
    for (const text of texts) {
      await storage.recordQuestion({ decision: "none", text, language: "en", at });
    }
    const stored = (await storage.stats(at)).topUnanswered.map((question) => question.text);
    expect(stored.sort()).toEqual(texts.map((text) => text.trim()).sort());
  });

  it("claims due reminders once, and again only after the lease runs out", async () => {
    const now = new Date("2026-11-23T13:00:00Z");
    await storage.trackers.save(tracker(1, "2026-11-23T12:59:00.000Z"));
    await storage.trackers.save(tracker(2, "2026-11-23T14:00:00.000Z"));
    await storage.trackers.save({ ...tracker(3, "2026-11-23T12:00:00.000Z"), paused: true });
    expect((await storage.trackers.claimDue(now, 10, 60_000)).map((r) => r.userId)).toEqual([1]);
    expect(await storage.trackers.claimDue(now, 10, 60_000)).toEqual([]);
    const later = new Date(now.getTime() + 61_000);
    expect((await storage.trackers.claimDue(later, 10, 60_000)).map((r) => r.userId)).toEqual([1]);
    await storage.trackers.delete(1);
    expect(await storage.trackers.get(1)).toBeUndefined();
  });

  it("deletes what a deleted tracker still owes, and nothing else", async () => {
    const now = new Date("2026-11-23T13:00:00Z");
    await storage.trackers.save(tracker(1), [
      owed("alert:1", "2026-11-23T12:00:00Z", { userId: 1 }),
      owed("check-in:1", "2026-11-23T12:00:00Z", { userId: 1, kind: "check-in" }),
    ]);
    await storage.outbox.add([
      owed("feedback-prompt:1", "2026-11-23T12:00:00Z", { userId: 1, kind: "feedback-prompt" }),
      owed("alert:2", "2026-11-23T12:00:00Z", { userId: 2 }),
    ]);
    await storage.trackers.delete(1);
    const left = await storage.outbox.claim(now, { limit: 10, leaseMs: 60_000 });
    expect(left.map((message) => message.key).sort()).toEqual(["alert:2", "feedback-prompt:1"]);
  });

  it("owes a message once per key, claims it once per lease, and never again once settled", async () => {
    const now = new Date("2026-11-23T13:00:00Z");
    const message = owed("alert:7", "2026-11-23T12:00:00Z", {
      userId: 8,
      options: { parse_mode: "HTML", reply_markup: { inline_keyboard: [] } },
    });
    await storage.outbox.add([message]);
    await storage.outbox.add([{ ...message, text: "a second time", dueAt: now }]);
    const claim = (at: Date) => storage.outbox.claim(at, { limit: 10, leaseMs: 60_000 });
    expect(await claim(now)).toEqual([{ ...message, attempts: 1 }]);
    expect(await claim(new Date(now.getTime() + 59_000))).toEqual([]);
    const afterLease = new Date(now.getTime() + 60_000);
    expect(await claim(afterLease)).toEqual([{ ...message, dueAt: afterLease, attempts: 2 }]);
    await storage.outbox.settle("alert:7", "sent", afterLease);
    await storage.outbox.postpone("alert:7", now);
    expect(await claim(new Date("2027-01-01T00:00:00Z"))).toEqual([]);
  });

  it("claims the oldest due first, up to the limit, and only the keys asked for", async () => {
    const now = new Date("2026-11-23T13:00:00Z");
    await storage.outbox.add([
      owed("later", "2026-11-23T14:00:00Z"),
      owed("second", "2026-11-23T12:30:00Z"),
      owed("first", "2026-11-23T12:00:00Z", { kind: "refused-edit", chatId: 1 }),
      owed("third", "2026-11-23T12:45:00Z"),
    ]);
    const keysOf = (claimed: { key: string }[]) => claimed.map((message) => message.key);
    const options = { limit: 10, leaseMs: 60_000 };
    expect(keysOf(await storage.outbox.claim(now, { ...options, keys: [] }))).toEqual([]);
    expect(
      keysOf(await storage.outbox.claim(now, { ...options, keys: ["third", "later", "none"] })),
    ).toEqual(["third"]);
    expect(keysOf(await storage.outbox.claim(now, { ...options, limit: 1 }))).toEqual(["first"]);
    expect(keysOf(await storage.outbox.claim(now, options))).toEqual(["second"]);
  });

  it("puts off a failed message, and forgets settled ones only once they are old", async () => {
    const now = new Date("2026-11-23T13:00:00Z");
    const hourLater = new Date("2026-11-23T14:00:00Z");
    const claim = (at: Date) => storage.outbox.claim(at, { limit: 10, leaseMs: 60_000 });
    await storage.outbox.add([owed("retried", "2026-11-23T12:00:00Z")]);
    await claim(now);
    await storage.outbox.postpone("retried", hourLater);
    expect(await claim(new Date(hourLater.getTime() - 1))).toEqual([]);
    expect((await claim(hourLater)).map((message) => message.attempts)).toEqual([2]);
    await storage.outbox.settle("retried", "dropped", hourLater);

    await storage.outbox.purge(hourLater);
    await storage.outbox.add([owed("retried", "2026-11-24T00:00:00Z")]);
    expect(await claim(new Date("2026-11-25T00:00:00Z"))).toEqual([]);
    await storage.outbox.purge(new Date(hourLater.getTime() + 1));
    await storage.outbox.add([owed("retried", "2026-11-24T00:00:00Z")]);
    expect((await claim(new Date("2026-11-25T00:00:00Z"))).map((m) => m.attempts)).toEqual([1]);
  });

  it("saves a tracker with the messages it owes, or neither", async () => {
    const now = new Date("2026-11-23T13:00:00Z");
    const saved: TrackerRecord = {
      ...tracker(7),
      readings: [{ at: "2026-11-23T12:00:00.000Z", usedMb: 9000 }],
    };
    await storage.trackers.save(saved, [owed("low:7", "2026-11-23T12:00:00Z", { userId: 7 })]);
    expect(await storage.trackers.get(7)).toEqual(saved);
    expect(
      (await storage.outbox.claim(now, { limit: 10, leaseMs: 60_000 })).map((m) => m.key),
    ).toEqual(["low:7"]);
    // A message that cannot be stored (it has no text) fails the whole save.
    const unstorable = {
      ...owed("empty:7", "2026-11-23T12:00:00Z"),
      text: null as unknown as string,
    };
    await expect(
      storage.trackers.save({ ...saved, paused: true }, [
        owed("fine:7", "2026-11-23T12:00:00Z"),
        unstorable,
      ]),
    ).rejects.toThrow();
    expect(await storage.trackers.get(7)).toEqual(saved);
    expect(await storage.outbox.claim(now, { limit: 10, leaseMs: 60_000 })).toEqual([]);
  });

  it("tells every listener of a reload, once for each announcement", async () => {
    const heard = { first: 0, second: 0 };
    storage.onReload(() => heard.first++);
    storage.onReload(() => heard.second++);
    await storage.announceReload();
    await vi.waitFor(() => expect(Object.values(heard)).toEqual([1, 1]));
    await storage.announceReload();
    await vi.waitFor(() => expect(Object.values(heard)).toEqual([2, 2]));
  });

  it("migrates once, however many instances open the database", async () => {
    const [second, third] = await Promise.all([database.open(), database.open()]);
    await second?.sessions.write("9", { language: "en" });
    expect(await third?.sessions.read("9")).toEqual({ language: "en" });
    await Promise.all([second?.close(), third?.close()]);
  });
});

describe.skipIf(!POSTGRES_URL)("two instances on one PostgreSQL", () => {
  it("migrate a new database together, however they interleave", async () => {
    const database = await postgres.fresh();
    const opened = await Promise.all(Array.from({ length: 6 }, () => database.open()));
    await opened[0]?.sessions.write("1", { language: "en" });
    expect(await opened[5]?.sessions.read("1")).toEqual({ language: "en" });
    await Promise.all(opened.map((storage) => storage.close()));
    await database.drop();
  });

  it("take turns on a lock, and lose no counter increment", async () => {
    const database = await postgres.fresh();
    const [one, two] = [await database.open(), await database.open()];
    const events: string[] = [];
    const work = (name: string, storage: Storage) =>
      storage.withLocks(["42"], async () => {
        events.push(`${name} in`);
        await new Promise((resolve) => setTimeout(resolve, 50));
        events.push(`${name} out`);
      });
    await Promise.all([work("a", one), work("b", two)]);
    expect([events[0]?.slice(2), events[1]?.slice(2)]).toEqual(["in", "out"]);
    const at = new Date();
    await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        (index % 2 ? one : two).recordQuestion({
          decision: "suggest",
          text: "x",
          language: "en",
          at,
        }),
      ),
    );
    expect((await one.stats(at)).decisions.suggest).toBe(100);
    await Promise.all([one.close(), two.close()]);
    await database.drop();
  });

  it("never hand the same due reminder to both", async () => {
    const database = await postgres.fresh();
    const [one, two] = [await database.open(), await database.open()];
    for (let user = 1; user <= 40; user++)
      await one.trackers.save(tracker(user, "2026-11-23T00:00:00.000Z"));
    const now = new Date("2026-11-23T01:00:00Z");
    const claims = await Promise.all([
      one.trackers.claimDue(now, 25, 60_000),
      two.trackers.claimDue(now, 25, 60_000),
    ]);
    const claimed = claims.flat().map((record) => record.userId);
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(claimed.length).toBe(40);
    await Promise.all([one.close(), two.close()]);
    await database.drop();
  });

  it("never hand the same owed message to both", async () => {
    const database = await postgres.fresh();
    const [one, two] = [await database.open(), await database.open()];
    await one.outbox.add(
      Array.from({ length: 40 }, (_, index) => owed(`m${index}`, "2026-11-23T00:00:00Z")),
    );
    const now = new Date("2026-11-23T01:00:00Z");
    const options = { limit: 25, leaseMs: 60_000 };
    const claims = await Promise.all([
      one.outbox.claim(now, options),
      two.outbox.claim(now, options),
    ]);
    const claimed = claims.flat().map((message) => message.key);
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(claimed.length).toBe(40);
    await Promise.all([one.close(), two.close()]);
    await database.drop();
  });

  it("both hear a reload announced by either, and still after the listening connection broke", async () => {
    const database = await postgres.fresh();
    const [one, two] = [await database.open(), await database.open()];
    const probe = database.openDatabase();
    const heard = { one: 0, two: 0 };
    one.onReload(() => heard.one++);
    two.onReload(() => heard.two++);
    await vi.waitFor(async () => expect(await listening(probe)).toHaveLength(2));
    await one.announceReload();
    await vi.waitFor(() => expect(Object.values(heard)).toEqual([1, 1]));

    const [broken] = await listening(probe);
    await probe.all("SELECT pg_terminate_backend(?)", [broken?.pid]);
    await vi.waitFor(
      async () => {
        const now = await listening(probe);
        expect(now).toHaveLength(2);
        expect(now.map((connection) => connection.pid)).not.toContain(broken?.pid);
      },
      { timeout: 5_000 },
    );
    await two.announceReload();
    await vi.waitFor(() => expect(Object.values(heard)).toEqual([2, 2]));
    await Promise.all([one.close(), two.close(), probe.close()]);
    await database.drop();
  });
});
