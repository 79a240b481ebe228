import { describe, expect, it } from "vitest";
import type { TrackerRecord } from "../../src/storage/storage.js";
import { ENGINES, storageEachTest } from "./engines.js";
import { owed, tracker } from "./fixtures.js";

// Messages owed until sent or dropped, and the trackers that owe them, on every engine.
describe.each(ENGINES)("the outbox on $name", (engine) => {
  const the = storageEachTest(engine);
  const now = new Date("2026-11-23T13:00:00Z");
  const claim = (at: Date, more: { limit?: number; keys?: string[] } = {}) =>
    the.storage.outbox.claim(at, { limit: 10, leaseMs: 60_000, ...more });
  const keysOf = (claimed: { key: string }[]) => claimed.map((message) => message.key);

  it("owes a message once per key, claims it once per lease, and never again once sent", async () => {
    const { outbox } = the.storage;
    const message = owed("alert:7", "2026-11-23T12:00:00Z", {
      userId: 8,
      options: { parse_mode: "HTML", reply_markup: { inline_keyboard: [] } },
    });
    await outbox.add([message]);
    await outbox.add([{ ...message, text: "a second time", dueAt: now }]);
    expect(await claim(now)).toEqual([{ ...message, attempts: 1 }]);
    expect(await claim(new Date(now.getTime() + 59_000))).toEqual([]);
    const afterLease = new Date(now.getTime() + 60_000);
    expect(await claim(afterLease)).toEqual([{ ...message, dueAt: afterLease, attempts: 2 }]);
    await outbox.markSent("alert:7", afterLease);
    // A retry scheduled for a message already sent changes nothing.
    await outbox.scheduleRetry("alert:7", now);
    expect(await claim(new Date("2027-01-01T00:00:00Z"))).toEqual([]);
  });

  it("claims the oldest due first, up to the limit, and only the keys asked for", async () => {
    await the.storage.outbox.add([
      owed("later", "2026-11-23T14:00:00Z"),
      owed("second", "2026-11-23T12:30:00Z"),
      owed("first", "2026-11-23T12:00:00Z", { kind: "refused-edit", chatId: 1 }),
      owed("third", "2026-11-23T12:45:00Z"),
    ]);
    expect(keysOf(await claim(now, { keys: [] }))).toEqual([]);
    expect(keysOf(await claim(now, { keys: ["third", "later", "none"] }))).toEqual(["third"]);
    expect(keysOf(await claim(now, { limit: 1 }))).toEqual(["first"]);
    expect(keysOf(await claim(now))).toEqual(["second"]);
  });

  it("retries a failed message when asked, and forgets dropped ones only once they are old", async () => {
    const { outbox } = the.storage;
    const hourLater = new Date("2026-11-23T14:00:00Z");
    await outbox.add([owed("retried", "2026-11-23T12:00:00Z")]);
    await claim(now);
    await outbox.scheduleRetry("retried", hourLater);
    expect(await claim(new Date(hourLater.getTime() - 1))).toEqual([]);
    expect((await claim(hourLater)).map((message) => message.attempts)).toEqual([2]);
    await outbox.markDropped("retried", hourLater);
    expect(await claim(new Date("2027-01-01T00:00:00Z"))).toEqual([]);

    await outbox.purge(hourLater);
    await outbox.add([owed("retried", "2026-11-24T00:00:00Z")]);
    expect(await claim(new Date("2026-11-25T00:00:00Z"))).toEqual([]);
    await outbox.purge(new Date(hourLater.getTime() + 1));
    await outbox.add([owed("retried", "2026-11-24T00:00:00Z")]);
    expect((await claim(new Date("2026-11-25T00:00:00Z"))).map((m) => m.attempts)).toEqual([1]);
  });

  it("saves a tracker with the messages it owes, or neither", async () => {
    const { storage } = the;
    const saved: TrackerRecord = {
      ...tracker(7),
      readings: [{ at: "2026-11-23T12:00:00.000Z", usedMb: 9000 }],
    };
    await storage.trackers.save(saved, [owed("low:7", "2026-11-23T12:00:00Z", { userId: 7 })]);
    expect(await storage.trackers.get(7)).toEqual(saved);
    expect(keysOf(await claim(now))).toEqual(["low:7"]);
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
    expect(await claim(now)).toEqual([]);
  });

  it("deletes what a deleted tracker still owes, and nothing else", async () => {
    const { storage } = the;
    await storage.trackers.save(tracker(1), [
      owed("alert:1", "2026-11-23T12:00:00Z", { userId: 1 }),
      owed("check-in:1", "2026-11-23T12:00:00Z", { userId: 1, kind: "check-in" }),
    ]);
    await storage.outbox.add([
      owed("feedback-prompt:1", "2026-11-23T12:00:00Z", { userId: 1, kind: "feedback-prompt" }),
      owed("alert:2", "2026-11-23T12:00:00Z", { userId: 2 }),
    ]);
    await storage.trackers.delete(1);
    expect(keysOf(await claim(now)).sort()).toEqual(["alert:2", "feedback-prompt:1"]);
  });

  it("claims due reminders once, and again only after the lease runs out", async () => {
    const { trackers } = the.storage;
    await trackers.save(tracker(1, "2026-11-23T12:59:00.000Z"));
    await trackers.save(tracker(2, "2026-11-23T14:00:00.000Z"));
    await trackers.save({ ...tracker(3, "2026-11-23T12:00:00.000Z"), paused: true });
    const due = async (at: Date) =>
      (await trackers.claimDue(at, 10, 60_000)).map((record) => record.userId);
    expect(await due(now)).toEqual([1]);
    expect(await due(now)).toEqual([]);
    expect(await due(new Date(now.getTime() + 61_000))).toEqual([1]);
    await trackers.delete(1);
    expect(await trackers.get(1)).toBeUndefined();
  });
});
