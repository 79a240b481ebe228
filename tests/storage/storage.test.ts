import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Storage, TrackerRecord } from "../../src/storage/storage.js";
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

describe.each(ENGINES)("storage on $name", (engine) => {
  let database: Awaited<ReturnType<typeof engine.fresh>>;
  let storage: Storage;
  beforeEach(async () => {
    database = await engine.fresh();
    storage = await database.open();
  });
  afterEach(async () => {
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

  it("take turns on a chat's lock, and lose no counter increment", async () => {
    const database = await postgres.fresh();
    const [one, two] = [await database.open(), await database.open()];
    const events: string[] = [];
    const work = (name: string, storage: Storage) =>
      storage.withChatLock("42", async () => {
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
});
