import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import type { OfflineUser } from "../../../src/offline/offline-user.js";
import { errorsIn, type Harness, ManualClock, startHarness, textsOf } from "../harness.js";

const scratch = mkdtempSync(join(tmpdir(), "hk-sim-flow-clock-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const hk = (dateTime: string) => new Date(`${dateTime}+08:00`);
const MINUTE = 60_000;

let bots: Harness[] = [];
async function botAt(clock: ManualClock, databaseFile?: string): Promise<Harness> {
  const bot = await startHarness({ clock, ...(databaseFile ? { databaseFile } : {}) });
  bots.push(bot);
  return bot;
}
afterEach(async () => {
  vi.useRealTimers();
  for (const bot of bots) {
    expect(errorsIn(bot.logs)).toEqual([]);
    await bot.app.close();
  }
  bots = [];
});

/** /monitor up to the start date's question, on a SmarTone card of 10 GB for 7 days. */
async function upToStartDate(user: OfflineUser): Promise<void> {
  await user.send("/monitor");
  await user.press("SmarTone");
  await user.press("Yes, track it");
  await user.send("10GB");
  await user.send("7 days");
}

describe("a flow goes by the bot's clock", () => {
  it("starts the /monitor plan on the clock's day, years from the real one, and reminds by it", async () => {
    const { app, user } = await botAt(new ManualClock(hk("2031-05-20T12:00")));
    const chat = user(100);
    await upToStartDate(chat);
    await chat.press("Today");
    await chat.send("20%");
    const summary = textsOf(await chat.press("21:00")).at(-1);
    expect(summary).toContain("20 May 2031");
    await chat.press("Save");
    const tracker = await app.deps.storage.trackers.get(100);
    expect(tracker?.plan.startDate).toBe("2031-05-20");
    // The first check-in: 21:00 in Hong Kong on the clock's day.
    expect(tracker?.nextReminderAt).toBe(hk("2031-05-20T21:00").toISOString());
  });

  it("reads a typed date against the clock's today", async () => {
    const { app, user } = await botAt(new ManualClock(hk("2031-05-20T12:00")));
    const chat = user(100);
    await upToStartDate(chat);
    await chat.send("yesterday");
    await chat.send("20%");
    await chat.press("None");
    await chat.press("Save");
    expect((await app.deps.storage.trackers.get(100))?.plan.startDate).toBe("2031-05-19");
  });

  it("expires after 30 minutes by the clock, whatever the system's time", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const clock = new ManualClock(hk("2026-12-03T12:00"));
    const { user } = await botAt(clock);
    const chat = user(100);
    await chat.send("/share");
    // Two hours pass for the system, none for the bot: the flow goes on.
    vi.setSystemTime(Date.now() + 120 * MINUTE);
    expect(textsOf(await chat.press("2")).at(-1)).toBe("How long will you be in Hong Kong?");
    // 29 minutes by the bot's clock: still within the limit.
    clock.advance(29 * MINUTE);
    expect(textsOf(await chat.press("A short trip")).at(-1)).toBe(
      "Will you be together most of the time?",
    );
    // 31 more: the flow has expired, and the message is a question again.
    clock.advance(31 * MINUTE);
    const texts = textsOf(await chat.send("is there free wifi in hong kong"));
    expect(texts[0]).toContain("ended after 30 minutes without a reply");
    expect(texts[1]).toContain("Wi-Fi");
  });

  it("replays the time it read, after a restart too: the day a plan starts is the day it was asked", async () => {
    const file = join(scratch, "replay.sqlite");
    // Ten to midnight in Hong Kong: the day turns while the user answers.
    const clock = new ManualClock(hk("2026-12-03T23:50"));
    const before = await botAt(clock, file);
    await upToStartDate(before.user(100));
    await before.app.close();
    bots = bots.filter((bot) => bot !== before);

    clock.advance(15 * MINUTE);
    const after = await botAt(clock, file);
    const chat = after.user(100);
    // A new screen for the same chat: "?" answers nothing, so the question comes again.
    const asked = textsOf(await chat.send("?")).at(-1);
    expect(asked).toContain("When did the plan start?");
    await chat.press("Today");
    await chat.send("20%");
    await chat.press("None");
    await chat.press("Save");
    const tracker = await after.app.deps.storage.trackers.get(100);
    expect(tracker?.plan.startDate).toBe("2026-12-03");
  });
});
