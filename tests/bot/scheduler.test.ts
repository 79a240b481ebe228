import { beforeEach, describe, expect, it } from "vitest";
import { createScheduler, type Scheduler } from "../../src/bot/scheduler.js";
import type { TrackerRecord } from "../../src/storage/storage.js";
import { withNextReminder } from "../../src/tracker/reminders.js";
import { errorsIn, type Harness, startHarness } from "./harness.js";

const hk = (dateTime: string) => new Date(`${dateTime}+08:00`);
let harness: Harness;
let scheduler: Scheduler;

const tracker = (userId: number, checkInHour?: number): TrackerRecord =>
  withNextReminder(
    {
      userId,
      chatId: userId,
      plan: { totalMb: 10240, startDate: "2026-11-20", days: 7, threshold: { percent: 20 } },
      readings: [{ at: hk("2026-11-21T10:00").toISOString(), usedMb: 3000 }],
      alertsSent: [],
      paused: false,
      ...(checkInHour !== undefined ? { checkInHour } : {}),
    },
    hk("2026-11-21T12:00"),
  );

const sent = () => harness.telegram.calls.filter((call) => call.method === "sendMessage");

beforeEach(async () => {
  harness = await startHarness();
  scheduler = createScheduler(harness.app.bot, harness.app.deps);
});

describe("the scheduler", () => {
  it("sends a check-in at the user's Hong Kong hour, once, in their language", async () => {
    await harness.app.deps.storage.sessions.write("100", { language: "zh-Hant" });
    await harness.app.deps.storage.trackers.save(tracker(100, 21));
    expect(await scheduler.tick(hk("2026-11-21T20:59"))).toBe(0);
    expect(await scheduler.tick(hk("2026-11-21T21:00"))).toBe(1);
    expect(await scheduler.tick(hk("2026-11-21T21:01"))).toBe(0);
    expect(sent().map((call) => call.payload.text)).toEqual([expect.stringContaining("每日提醒")]);
    const next = await harness.app.deps.storage.trackers.get(100);
    expect(next?.nextReminderAt).toBe(hk("2026-11-22T21:00").toISOString());
  });

  it("sends one summary when the plan ends, offering a new tracker, then nothing more", async () => {
    await harness.app.deps.storage.trackers.save(tracker(101));
    expect(await scheduler.tick(hk("2026-11-27T00:05"))).toBe(1);
    const [summary] = sent();
    expect(summary?.payload.text).toContain("Your plan has ended");
    expect(JSON.stringify(summary?.payload.reply_markup)).toContain("go:monitor");
    expect(await scheduler.tick(hk("2026-11-30T00:00"))).toBe(0);
  });

  it("keeps a reading the user logged while the reminder was on its way", async () => {
    const storage = harness.app.deps.storage;
    await storage.trackers.save(tracker(106, 9));
    const logged = { at: hk("2026-11-22T09:30").toISOString(), usedMb: 4000 };
    harness.telegram.override = () => {
      // The user's own update, stored while Telegram takes the reminder.
      void storage.trackers.get(106).then((current) => {
        if (current)
          return storage.trackers.save({ ...current, readings: [...current.readings, logged] });
      });
      return undefined;
    };
    expect(await scheduler.tick(hk("2026-11-22T09:30"))).toBe(1);
    const stored = await storage.trackers.get(106);
    expect(stored?.readings).toContainEqual(logged);
    expect(stored?.nextReminderAt).toBe(hk("2026-11-23T09:00").toISOString());
  });

  it("survives a restart: what is due is read from the database", async () => {
    await harness.app.deps.storage.trackers.save(tracker(102, 9));
    const fresh = createScheduler(harness.app.bot, harness.app.deps);
    expect(await fresh.tick(hk("2026-11-22T09:30"))).toBe(1);
  });

  it("stops the reminders of a user who blocked the bot, instead of retrying forever", async () => {
    await harness.app.deps.storage.trackers.save(tracker(103, 9));
    harness.telegram.override = () => ({
      error_code: 403,
      description: "Forbidden: bot was blocked by the user",
    });
    expect(await scheduler.tick(hk("2026-11-22T09:30"))).toBe(0);
    expect(sent()).toHaveLength(1);
    expect((await harness.app.deps.storage.trackers.get(103))?.paused).toBe(true);
    expect(await scheduler.tick(hk("2026-11-23T09:30"))).toBe(0);
    expect(sent()).toHaveLength(1);
    expect(errorsIn(harness.logs)).toEqual([]);
  });

  it("skips paused trackers, and tries a failed reminder again later, until Telegram takes it", async () => {
    await harness.app.deps.storage.trackers.save({ ...tracker(104, 9), paused: true });
    expect(await scheduler.tick(hk("2026-11-22T09:30"))).toBe(0);
    expect(sent()).toHaveLength(0);
    await harness.app.deps.storage.trackers.save(tracker(105, 9));
    harness.telegram.override = () => ({ error_code: 502, description: "Bad Gateway" });
    expect(await scheduler.tick(hk("2026-11-22T09:30"))).toBe(0);
    // Retried within the call (the client), then owed for a minute later.
    const tried = sent().length;
    expect(tried).toBeGreaterThan(1);
    expect(await scheduler.tick(hk("2026-11-22T09:30:30"))).toBe(0);
    expect(sent()).toHaveLength(tried);
    harness.telegram.override = undefined;
    expect(await scheduler.tick(hk("2026-11-22T09:31"))).toBe(1);
    expect(await scheduler.tick(hk("2026-11-22T09:40"))).toBe(0);
    expect(
      sent()
        .map((call) => call.payload.text)
        .at(-1),
    ).toContain("check-in");
    expect(errorsIn(harness.logs)).toEqual([]);
  });
});
