import { describe, expect, it } from "vitest";
import { ENGINES, storageEachTest } from "./engines.js";

// What the bot learns from the questions asked and the ratings given, on every engine.
describe.each(ENGINES)("questions and feedback on $name", (engine) => {
  const the = storageEachTest(engine);

  it("counts questions, answers and unanswered questions, and feedback once per user", async () => {
    const { storage } = the;
    const at = new Date("2026-11-23T02:00:00Z");
    const answered = (entryId: string, text: string) =>
      storage.recordQuestion({ decision: "answer", entryId, text, language: "en", at });
    await answered("public-wifi", "wifi?");
    await answered("public-wifi", "wifi!");
    await answered("card-coverage", "signal");
    await storage.recordQuestion({ decision: "none", text: "octopus?", language: "en", at });
    await storage.recordQuestion({ decision: "none", text: "octopus?", language: "zh-Hans", at });
    expect(await storage.recordFeedback(7, "public-wifi", false, at)).toBe(true);
    expect(await storage.recordFeedback(7, "public-wifi", true, at)).toBe(false);
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

  it("stores a rating at the time it is given", async () => {
    const at = new Date("2026-11-23T02:00:00Z");
    await the.storage.recordFeedback(7, "public-wifi", true, at);
    const db = the.database.openDatabase();
    expect(await db.all("SELECT at FROM feedback")).toEqual([{ at: at.toISOString() }]);
    await db.close();
  });

  it("keeps near misses with the entries offered, apart from the top unanswered", async () => {
    const { storage } = the;
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
    await the.storage.recordQuestion({
      decision: "none",
      text: "octopus?",
      language: "en",
      at: new Date("2026-11-01T00:00:00Z"),
    });
    await the.storage.close();
    // Back to the schema of the release before: no decision or offered column.
    const old = the.database.openDatabase();
    await old.run("ALTER TABLE unanswered DROP COLUMN offered");
    await old.run("ALTER TABLE unanswered DROP COLUMN decision");
    await old.run("DROP TABLE outbox");
    await old.run("DELETE FROM schema_migrations WHERE version >= 3");
    await old.close();

    the.storage = await the.database.open();
    expect(await the.storage.unanswered()).toEqual([
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
      await the.storage.recordQuestion({ decision: "none", text, language: "en", at });
    }
    const stored = (await the.storage.stats(at)).topUnanswered.map((question) => question.text);
    expect(stored.sort()).toEqual(texts.map((text) => text.trim()).sort());
  });
});
