import { describe, expect, it, vi } from "vitest";
import type { ApiCall } from "../../src/offline/fake-telegram.js";
import type { OfflineUser } from "../../src/offline/offline-user.js";
import type { TrackerRecord } from "../../src/storage/storage.js";
import { buttonsOf, harnessAt, lastSent, sentTexts, TODAY_NOON } from "./harness.js";

// Where a message or a tap goes: a usage report or a question, inside a flow or outside it, in
// the language the user types. Fixed today: Thursday 3 December 2026, noon in Hong Kong.
const at = harnessAt(TODAY_NOON);

const toast = (calls: ApiCall[]) =>
  calls.find((call) => call.method === "answerCallbackQuery")?.payload.text;

function tracker(user: OfflineUser, changes: Partial<TrackerRecord> = {}): TrackerRecord {
  return {
    userId: user.user.id,
    chatId: user.chat.id,
    plan: { totalMb: 10240, startDate: "2026-12-02", days: 7, threshold: { percent: 20 } },
    readings: [{ at: "2026-12-02T12:00:00.000Z", usedMb: 1024 }],
    alertsSent: [],
    paused: false,
    checkInHour: 21,
    ...changes,
  };
}
const usedMb = async (userId: number) =>
  (await at().app.deps.storage.trackers.get(userId))?.readings.at(-1)?.usedMb;

describe("a tracker's owner", () => {
  it("gets questions about usage answered, not read as reports (en, zh-Hans)", async () => {
    const english = at().user(100, "en");
    await at().app.deps.storage.trackers.save(tracker(english));
    const asked = sentTexts(await english.send("how do I check how much data I have left?"));
    expect(asked.join("\n")).not.toContain("/used 2.3GB");
    expect(await usedMb(100)).toBe(1024);

    const chinese = at().user(101, "zh-cn");
    await at().app.deps.storage.trackers.save(tracker(chinese));
    const transfer = sentTexts(await chinese.send("剩下的流量可以转给家人吗"));
    expect(transfer.join("\n")).not.toContain("/used");
    expect(await usedMb(101)).toBe(1024);
  });

  it("gets the tracker's figures for asking about them (zh-Hant, en)", async () => {
    const chinese = at().user(100, "zh-hk");
    await at().app.deps.storage.sessions.write("100", { language: "zh-Hant" });
    await at().app.deps.storage.trackers.save(tracker(chinese));
    const figures = await chinese.send("仲剩幾多？");
    expect(figures.find((call) => call.method === "sendPhoto")?.payload.caption).toContain(
      "1 GB / 10 GB",
    );

    const english = at().user(101, "en");
    await at().app.deps.storage.trackers.save(tracker(english));
    const shown = await english.send("how much data have I used?");
    expect(shown.find((call) => call.method === "sendPhoto")?.payload.caption).toContain(
      "Used 1 GB of 10 GB",
    );
  });

  it("has the report in a report-and-question recorded, and the figures answer the rest (en)", async () => {
    const user = at().user(100, "en");
    await at().app.deps.storage.trackers.save(tracker(user));
    const answered = sentTexts(await user.send("I've used 3GB, how many days left?"));
    expect(answered[0]).toContain("Used 3 GB of 10 GB");
    expect(answered[0]).toMatch(/\d days left/);
    expect(await usedMb(100)).toBe(3 * 1024);
  });

  it("does not record a stale choice: a card-reset question answered after a newer reading (en)", async () => {
    const user = at().user(100, "en");
    await at().app.deps.storage.trackers.save(
      tracker(user, { readings: [{ at: "2026-12-02T12:00:00.000Z", usedMb: 4096 }] }),
    );
    await user.send("/used 3GB");
    const older = user.lastShown?.messageId ?? 0;
    const reset = user.findButton("start counting again")?.data ?? "";
    await user.send("/used 5GB");
    const stale = await user.pressData(older, reset);
    expect(stale.find((call) => call.method === "answerCallbackQuery")?.payload.text).toContain(
      "expired",
    );
    expect(await usedMb(100)).toBe(5 * 1024);
  });

  it("has a figure alone, as sent after a check-in, taken as a reading (en, zh-Hant)", async () => {
    const english = at().user(100, "en");
    await at().app.deps.storage.trackers.save(tracker(english));
    expect(sentTexts(await english.send("2.3GB"))[0]).toContain("Used 2.30 GB of 10 GB");

    const chinese = at().user(101, "zh-hk");
    await at().app.deps.storage.trackers.save(tracker(chinese));
    await chinese.send("3.5");
    expect(await usedMb(101)).toBe(3.5 * 1024);
  });

  it("keeps the readings when the plan is edited, with the plan's answers ticked (en)", async () => {
    const user = at().user(100, "en");
    await at().app.deps.storage.trackers.save(tracker(user));
    await user.send("/usage");
    const asked = await user.press("Edit the plan");
    expect(lastSent(asked)).toContain("How much data does your plan include?");
    const size = asked.filter((call) => call.method === "sendMessage").at(-1);
    expect(buttonsOf(size ?? { method: "", payload: {} }).map((b) => b.text)).toContain("✓ 10 GB");
    await user.press("20 GB");
    await user.press("7 days");
    await user.press("Yesterday");
    await user.press("20%");
    await user.press("21:00");
    expect(lastSent(await user.press("Save"))).toContain("Saved");
    const record = await at().app.deps.storage.trackers.get(100);
    expect(record?.plan.totalMb).toBe(20 * 1024);
    expect(record?.readings).toEqual([{ at: "2026-12-02T12:00:00.000Z", usedMb: 1024 }]);
  });

  it("pauses with a Pause button and resumes with a Resume one, whichever message it is on (zh-Hans)", async () => {
    const user = at().user(100, "zh-cn");
    await at().app.deps.storage.sessions.write("100", { language: "zh-Hans" });
    await at().app.deps.storage.trackers.save(tracker(user));
    await user.send("/usage");
    const older = user.lastShown?.messageId ?? 0;
    const pauseData = user.findButton("暂停")?.data ?? "";
    await user.send("/usage");
    expect(lastSent(await user.press("暂停"))).toBe("已暂停提醒。");
    // The older message still shows Pause: pressed, it pauses (again), never resumes.
    expect(lastSent(await user.pressData(older, pauseData))).toBe("已暂停提醒。");
    expect((await at().app.deps.storage.trackers.get(100))?.paused).toBe(true);
  });
});

describe("buttons from outside a flow, pressed inside it", () => {
  it("record a usage report's choice, and the flow goes on (zh-Hans)", async () => {
    const user = at().user(100, "zh-cn");
    await at().app.deps.storage.trackers.save(tracker(user));
    await user.send("/share");
    const asked = sentTexts(await user.send("今天用了500MB"));
    expect(asked[0]).toContain("哪一个");
    expect(asked[1]).toBe("一共几个人需要上网？");
    const recorded = await user.press("比上次多用了 500 MB");
    expect(sentTexts(recorded)[0]).toContain("1.49 GB");
    expect(await usedMb(100)).toBe(1524);
    expect(lastSent(await user.press("2"))).toContain("香港");
  });

  it("rate an answer given midway (en)", async () => {
    const user = at().user(100, "en");
    await user.send("/share");
    await user.send("can i share data through a hotspot");
    expect(toast(await user.press("👍"))).toBe("Thanks for the feedback!");
    expect(lastSent(await user.press("3"))).toBe("How long will you be in Hong Kong?");
  });

  it("of an earlier flow are stale in a later one (en)", async () => {
    const user = at().user(100, "en");
    await user.send("/share");
    const first = user.lastShown?.messageId ?? 0;
    const firstButton = user.findButton("2")?.data ?? "";
    await user.send("/cancel");
    vi.setSystemTime(new Date(TODAY_NOON.getTime() + 60_000));
    await user.send("/share");
    expect(toast(await user.pressData(first, firstButton))).toContain("expired");
    expect(lastSent(await user.press("2"))).toBe("How long will you be in Hong Kong?");
  });
});

describe("a flow in the language the user types", () => {
  it("switches to Chinese for a user who types Chinese in an English flow (zh-Hant, zh-Hans)", async () => {
    const hongKong = at().user(100);
    expect(lastSent(await hongKong.send("/share"))).toBe("How many people need mobile data?");
    expect(lastSent(await hongKong.send("三個人"))).toBe("你們會在香港逗留多久？");

    const mainland = at().user(101);
    await mainland.send("/share");
    expect(lastSent(await mainland.send("三个人"))).toBe("你们在香港待多久？");
  });

  it("keeps the language chosen with /language, whatever is typed (en)", async () => {
    const user = at().user(100);
    await at().app.deps.storage.sessions.write("100", { language: "en" });
    await user.send("/share");
    expect(lastSent(await user.send("三個人"))).toBe("How long will you be in Hong Kong?");
  });
});

describe("in a group", () => {
  it("says /used 500 is not recorded there, and carries it along (zh-Hans)", async () => {
    const member = at().groupMember(201, "zh-cn");
    const reply = (await member.send("/used 500")).at(-1) ?? { method: "", payload: {} };
    expect(String(reply.payload.text)).toContain("这里不会记录");
    expect(buttonsOf(reply)[0]?.url).toMatch(/\?start=used_500$/);
  });

  it("carries /used 2GB into the private chat, where it is recorded (en)", async () => {
    const member = at().groupMember(200, "en");
    const link = buttonsOf((await member.send("/used 2GB")).at(-1) ?? { method: "", payload: {} });
    expect(link[0]?.url).toMatch(/\?start=used_2gb$/);
    const user = at().user(200, "en");
    await at().app.deps.storage.trackers.save(tracker(user));
    expect(sentTexts(await user.send("/start used_2gb"))[0]).toContain("Used 2 GB of 10 GB");
  });
});

describe("acknowledgements and numbers alone", () => {
  it("get a short reply, and are not kept as questions (en, zh-Hans)", async () => {
    expect(lastSent(await at().user(100, "en").send("ok"))).toContain("👌");
    expect(lastSent(await at().user(101, "zh-cn").send("好的"))).toContain("👌");
    await at().user(102, "en").send("0");
    expect(await at().app.deps.storage.unanswered()).toEqual([]);
  });
});
