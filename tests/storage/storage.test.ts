import { describe, expect, it } from "vitest";
import { ENGINES, storageEachTest } from "./engines.js";
import { countingListener } from "./fixtures.js";

// Sessions, flows, reload announcements and the schema, on every engine.
describe.each(ENGINES)("storage on $name", (engine) => {
  const the = storageEachTest(engine);

  it("keeps sessions and conversations by key", async () => {
    const { storage } = the;
    expect(await storage.sessions.read("1")).toBeUndefined();
    await storage.sessions.write("1", { language: "zh-Hant" });
    expect(await storage.sessions.read("1")).toEqual({ language: "zh-Hant" });
    await storage.sessions.delete("1");
    expect(await storage.sessions.read("1")).toBeUndefined();
    await storage.conversations.write("flow:1", { version: [0, 2], state: {} });
    expect(await storage.conversations.read("flow:1")).toEqual({ version: [0, 2], state: {} });
  });

  it("keeps what an update wrote holding its locks, and lets the next one read it", async () => {
    const { storage } = the;
    await storage.withLocks(["7", "7"], async () => {
      await storage.sessions.write("7", { language: "en" });
      expect(await storage.sessions.read("7")).toEqual({ language: "en" });
    });
    const seen = await storage.withLocks(["7"], async () => storage.sessions.read("7"));
    expect(seen).toEqual({ language: "en" });
  });

  it("tells every listener of a reload, once for each announcement", async () => {
    const first = countingListener();
    const second = countingListener();
    the.storage.onReload(first.listener);
    the.storage.onReload(second.listener);
    await the.storage.announceReload();
    await Promise.all([first.reached(1), second.reached(1)]);
    expect([first.calls(), second.calls()]).toEqual([1, 1]);
    await the.storage.announceReload();
    await Promise.all([first.reached(2), second.reached(2)]);
    expect([first.calls(), second.calls()]).toEqual([2, 2]);
  });

  it("migrates once, however many instances open the database", async () => {
    const [second, third] = await Promise.all([the.database.open(), the.database.open()]);
    await second.sessions.write("9", { language: "en" });
    expect(await third.sessions.read("9")).toEqual({ language: "en" });
    await Promise.all([second.close(), third.close()]);
  });
});
