import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ApiCall } from "../../src/offline/fake-telegram.js";
import { buttonsOf, errorsIn, type Harness, sentTexts, startHarness, textsOf } from "./harness.js";

const scratch = mkdtempSync(join(tmpdir(), "hk-sim-flows-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(() => {
  vi.useRealTimers();
  expect(errorsIn(harness.logs)).toEqual([]);
});

/** The last text the bot sent or edited in these calls. */
const last = (calls: ApiCall[]) => textsOf(calls).at(-1) ?? "";

describe("/share", () => {
  it("walks five questions by buttons to a recommendation with its reasons, caveats and entries", async () => {
    const user = harness.user(100, "en");
    expect(last(await user.send("/share"))).toBe("How many people need mobile data?");
    expect(last(await user.press("3"))).toBe("How long will you be in Hong Kong?");
    await user.press("A short trip (a few days)");
    await user.press("Mostly together");
    await user.press("Social media and photos");
    const result = await user.press("No");
    const recommendation = result.find((c) => c.method === "sendMessage");
    expect(recommendation?.payload.text).toContain("one card, shared through its hotspot");
    expect(recommendation?.payload.text).toContain("Carriers may slow down hotspot use");
    expect(buttonsOf(recommendation ?? { method: "", payload: {} }).map((b) => b.data)).toEqual([
      "ask:sharing-hotspot",
      "ask:monitoring-check-regularly",
    ]);
  });

  it("takes typed answers in any language, and re-asks what it cannot read", async () => {
    const user = harness.user(100, "zh-hk");
    await user.send("/share");
    expect(last(await user.send("好多人"))).toContain("1 至 20");
    expect(last(await user.send("四個"))).toContain("香港");
    await user.send("經常去");
    await user.send("係");
    await user.send("heavy");
    expect(last(await user.send("唔係"))).toContain("虛擬電訊商");
  });

  it("goes back to the previous question with its answer ticked", async () => {
    const user = harness.user(100, "en");
    await user.send("/share");
    await user.press("2");
    const back = await user.press("Back");
    expect(last(back)).toBe("How many people need mobile data?");
    const shown = back.find((c) => c.method === "sendMessage");
    expect(buttonsOf(shown ?? { method: "", payload: {} }).map((b) => b.text)).toContain("✓ 2");
  });

  it("leaves on /cancel or the Cancel button, and the bot answers questions again", async () => {
    const user = harness.user(100, "en");
    await user.send("/share");
    expect(last(await user.send("/cancel"))).toContain("Cancelled");
    expect(last(await user.send("is there free wifi in hong kong"))).toContain("Wi-Fi");
    await user.send("/share");
    expect(last(await user.press("Cancel"))).toContain("Cancelled");
  });

  it("answers a FAQ question asked midway, then asks again where it was", async () => {
    const user = harness.user(100, "en");
    await user.send("/share");
    const calls = await user.send("can i share data through a hotspot");
    const texts = textsOf(calls);
    expect(texts[0]).toContain("personal hotspot");
    expect(texts[1]).toBe("How many people need mobile data?");
    expect(last(await user.press("2"))).toBe("How long will you be in Hong Kong?");
  });

  it("switches language inside the flow with /language, and ignores a forged language", async () => {
    const user = harness.user(100, "en");
    await user.send("/share");
    const asked = user.lastShown?.messageId ?? 0;
    const forged = await user.pressData(asked, "lang:fr");
    expect(forged.find((c) => c.method === "answerCallbackQuery")?.payload.text).toContain(
      "expired",
    );
    await user.send("/language");
    expect(last(await user.press("繁體中文"))).toBe("一共有多少人需要上網？");
    expect((await harness.app.deps.storage.sessions.read("100"))?.language).toBe("zh-Hant");
  });

  it("keeps /help inside the flow", async () => {
    const user = harness.user(100, "en");
    await user.send("/share");
    expect(last(await user.send("/help"))).toContain("step-by-step");
    expect(last(await user.press("1"))).toBe("How long will you be in Hong Kong?");
  });

  it("expires after 30 idle minutes: a note, then the message is handled as usual", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const user = harness.user(100, "en");
    await user.send("/share");
    vi.setSystemTime(Date.now() + 31 * 60_000);
    const texts = textsOf(await user.send("is there free wifi in hong kong"));
    expect(texts[0]).toContain("ended after 30 minutes without a reply");
    expect(texts[1]).toContain("Wi-Fi");
  });

  it("is entered from plain words, a deep link and the welcome button", async () => {
    expect(
      last(await harness.user(101, "en").send("help me choose a sharing workaround")),
    ).toContain("How many people");
    expect(last(await harness.user(102).send("/start share"))).toContain("How many people");
    const welcomed = harness.user(103, "en");
    await welcomed.send("/start");
    expect(last(await welcomed.press("Choose a sharing workaround"))).toContain("How many people");
  });

  it("continues after a restart with the answers given before", async () => {
    const file = join(scratch, "flow-restart.sqlite");
    const before = await startHarness({ databaseFile: file });
    const user = before.user(100, "en");
    await user.send("/share");
    await user.press("4");
    await user.press("Regular visits, or I live there");
    await before.app.close();

    const after = await startHarness({ databaseFile: file });
    const resumed = after.user(100, "en");
    expect(last(await resumed.send("no"))).toBe("How much data does each of you use?");
    await resumed.send("light");
    const result = last(await resumed.send("no"));
    expect(result).toContain("MVNO with a family data pool");
    await after.app.close();
  });
});

describe("/monitor and the tracker", () => {
  async function setUpTracker(user: ReturnType<Harness["user"]>) {
    await user.send("/monitor");
    await user.press("SmarTone");
    await user.press("Yes, track it");
    await user.send("10GB");
    await user.send("7 days");
    await user.press("Today");
    await user.send("20%");
    await user.press("21:00");
    return last(await user.press("Save"));
  }

  it("explains checking usage, then sets up a tracker from typed and tapped answers", async () => {
    const user = harness.user(100, "en");
    await user.send("/monitor");
    const how = sentTexts(await user.press("SmarTone"));
    expect(how[0]).toContain("official self-service app");
    expect(how[0]).toContain("iPhone");
    expect(how[1]).toContain("Shall I keep track");
    await user.press("Yes, track it");
    await user.send("10GB");
    await user.send("7 days");
    await user.press("Today");
    expect(last(await user.send("20%"))).toContain("once a day");
    expect(last(await user.send("9pm"))).toContain("10 GB for 7 days");
    expect(last(await user.press("Save"))).toContain("Saved");
    const record = await harness.app.deps.storage.trackers.get(100);
    expect(record?.plan).toMatchObject({ totalMb: 10240, days: 7, threshold: { percent: 20 } });
    expect(record?.checkInHour).toBe(21);
    expect(record?.nextReminderAt).toMatch(/T13:00:00.000Z$/);
  });

  it("logs usage, warns once when little is left, and refuses nonsense", async () => {
    const user = harness.user(100, "en");
    await setUpTracker(user);
    expect(sentTexts(await user.send("/used 2GB"))[0]).toContain("Used 2 GB of 10 GB");
    const low = textsOf(await user.send("used 8.5 GB"));
    expect(low.some((text) => text.includes("Only 1.50 GB left"))).toBe(true);
    const again = textsOf(await user.send("/used +100MB"));
    expect(again.some((text) => text.includes("Only"))).toBe(false);
    expect(last(await user.send("/used -3GB"))).toContain("negative");
    expect(last(await user.send("/used 500GB"))).toContain("far more");
    expect(last(await user.send("/used 1GB"))).toContain("reset");
  });

  it("shows /usage as a chart with the figures as its caption", async () => {
    const user = harness.user(100, "en");
    await setUpTracker(user);
    await user.send("/used 3GB");
    const [photo] = (await user.send("/usage")).filter((c) => c.method === "sendPhoto");
    expect(photo?.payload.caption).toContain("Used 3 GB of 10 GB");
    const picture = Object.values(photo?.payload ?? {}).find(
      (value) => value instanceof Uint8Array,
    );
    expect(picture).toBeInstanceOf(Uint8Array);
  });

  it("deletes the tracker and its history on request", async () => {
    const user = harness.user(100, "en");
    await setUpTracker(user);
    await user.send("/usage");
    await user.press("Delete tracker");
    expect(last(await user.press("Yes, delete"))).toContain("Deleted");
    expect(await harness.app.deps.storage.trackers.get(100)).toBeUndefined();
  });

  it("speaks Traditional Chinese when asked in it", async () => {
    const user = harness.user(100);
    expect(last(await user.send("點樣設定流量提醒"))).toContain("電訊商");
  });
});

describe("a flow stored by an older release", () => {
  it("ends cleanly with a note, and the message is handled as usual", async () => {
    await harness.app.deps.storage.conversations.write("flow:100", {
      version: [0, 1],
      state: { share: [{ args: "[]", interrupts: [], replay: { send: [], receive: [] } }] },
    });
    const texts = textsOf(await harness.user(100, "en").send("is there free wifi in hong kong"));
    expect(texts[0]).toContain("was updated");
    expect(texts[1]).toContain("Wi-Fi");
    expect(await harness.app.deps.storage.conversations.read("flow:100")).toBeUndefined();
  });
});
