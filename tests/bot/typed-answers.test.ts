import { describe, expect, it } from "vitest";
import { RATE_LIMIT } from "../../src/bot/rate-limit.js";
import type { ApiCall } from "../../src/offline/fake-telegram.js";
import type { OfflineUser } from "../../src/offline/offline-user.js";
import { buttonsOf, harnessAt, lastSent, sentTexts, TODAY_NOON } from "./harness.js";

// Every flow step reads what people type through one reader, and asks back when it is not
// sure. Dates are read against a fixed today: Thursday 3 December 2026, noon in Hong Kong.
const at = harnessAt(TODAY_NOON);

const sent = (calls: ApiCall[]) => calls.filter((call) => call.method === "sendMessage");
const lastButtons = (calls: ApiCall[]) =>
  buttonsOf(sent(calls).at(-1) ?? { method: "", payload: {} }).map((button) => button.text);

/** Walks /monitor to the plan's first question, in the user's language. */
async function toPlanSize(user: OfflineUser, carrier: string, yes: string) {
  await user.send("/monitor");
  await user.press(carrier);
  await user.press(yes);
}

describe("/monitor reads amounts, days, dates and hours, or asks back", () => {
  it("asks which unit a bare 150 is, and takes the button pressed (en)", async () => {
    const user = at().user(100, "en");
    await toPlanSize(user, "SmarTone", "Yes, track it");
    const asked = await user.send("150");
    expect(lastSent(asked)).toBe("Which did you mean?");
    expect(lastButtons(asked)).toEqual(expect.arrayContaining(["150 MB", "150 GB"]));
    expect(lastSent(await user.press("150 MB"))).toBe("How many days is the plan valid for?");
    await user.send("a week");
    await user.press("Today");
    await user.send("20%");
    expect(lastSent(await user.press("21:00"))).toContain("150 MB for 7 days");
  });

  it("reads Chinese numerals and refuses an amount at the days step (zh-Hant)", async () => {
    const user = at().user(100, "zh-hk");
    await toPlanSize(user, "數碼通", "好");
    expect(lastSent(await user.send("二百兆"))).toContain("有效期");
    // "5GB" answers the step before; "三日前" names a day. Neither is a number of days.
    expect(lastSent(await user.send("5GB"))).toContain("例如 7");
    expect(lastSent(await user.send("三日前"))).toContain("例如 7");
    await user.send("一個星期");
    await user.send("2/12");
    await user.send("兩成");
    const summary = lastSent(await user.send("唔使"));
    expect(summary).toContain("200 MB");
    expect(summary).toContain("2026年12月2日");
    expect(summary).toContain("20%");
  });

  it("refuses a day that does not exist, a future day and an ended plan, with the reason (en)", async () => {
    const user = at().user(100, "en");
    await toPlanSize(user, "SmarTone", "Yes, track it");
    await user.send("10GB");
    await user.send("7 days");
    expect(lastSent(await user.send("31/2"))).toContain("doesn't exist");
    expect(lastSent(await user.send("5/12"))).toContain("after today");
    const ended = await user.send("26/11");
    expect(lastSent(ended)).toContain("7-day plan that started on 26 Nov 2026 has already ended");
    expect(lastButtons(ended)).toContain("Today");
    expect(lastSent(await user.press("Today"))).toContain(
      "How much data should be left when I warn you?",
    );
    // A threshold must be below the plan.
    expect(lastSent(await user.send("12GB"))).toContain("not below the plan's 10 GB");
    expect(lastSent(await user.send("1GB"))).toContain("once a day");
  });

  it("asks back about a D/M date that only works the other way round (zh-Hans)", async () => {
    const user = at().user(100, "zh-cn");
    await toPlanSize(user, "SmarTone", "帮我追踪");
    await user.send("10G");
    await user.send("7天");
    const asked = await user.send("12/1");
    expect(lastSent(asked)).toBe("你指的是哪一个？");
    expect(lastButtons(asked)).toEqual(expect.arrayContaining(["2026年1月12日", "2026年12月1日"]));
    expect(lastSent(await user.press("2026年12月1日"))).toContain("剩");
  });

  it("takes a usage report at the hour step for what it is, and asks morning or evening (zh-Hans, en)", async () => {
    const user = at().user(100, "zh-cn");
    await toPlanSize(user, "SmarTone", "帮我追踪");
    await user.send("10G");
    await user.send("7天");
    await user.press("今天");
    await user.send("20%");
    const report = sentTexts(await user.send("用了 2G"));
    expect(report[0]).toContain("用量报告");
    expect(report[1]).toContain("每天");
    const asked = await user.send("9");
    expect(lastButtons(asked)).toEqual(expect.arrayContaining(["09:00", "21:00"]));
    expect(lastSent(await user.press("21:00"))).toContain("21:00");

    const english = at().user(101, "en");
    await toPlanSize(english, "SmarTone", "Yes, track it");
    await english.send("10GB");
    await english.send("7 days");
    await english.press("Today");
    expect(sentTexts(await english.send("used 2.3 GB"))[0]).toContain("usage report");
    await english.send("20%");
    expect(lastSent(await english.send("I have 1GB left"))).toContain("once a day");
  });
});

describe("/share reads negations and durations, and never forces a question into an answer", () => {
  it("reads 住五天 as a trip and 用得唔多 as light use (zh-Hant)", async () => {
    const user = at().user(100, "zh-hk");
    await user.send("/share");
    await user.send("兩個");
    await user.send("住五天");
    await user.send("係");
    await user.send("用得唔多");
    // Two light users together on a trip: one card's hotspot; heavy use would have ruled it out.
    expect(lastSent(await user.send("唔係"))).toContain("熱點");
  });

  it("answers a question typed at a step, asks again, and reads 'not often' as a trip (en)", async () => {
    const user = at().user(100, "en");
    await user.send("/share");
    await user.send("four of us");
    const midway = sentTexts(await user.send("can i use a hotspot?"));
    expect(midway[0]).toContain("hotspot");
    expect(midway[1]).toContain("How long will you be in Hong Kong?");
    await user.send("not often");
    await user.send("no");
    await user.send("not much video");
    // Four people apart on a trip: a card each. "regular" would have meant a family pool.
    expect(lastSent(await user.send("no"))).toContain("one card for each person");
  });

  it("offers 'did you mean' midway that keeps the flow open, and says when it does not know (en, zh-Hans)", async () => {
    const user = at().user(100, "en");
    await user.send("/share");
    const suggested = await user.send("how to check");
    expect(sentTexts(suggested)[0]).toContain("Did you mean");
    const answered = sentTexts(await user.press("ask:monitoring-check-regularly"));
    expect(answered.at(-1)).toBe("How many people need mobile data?");
    expect(lastSent(await user.press("2"))).toBe("How long will you be in Hong Kong?");

    const chinese = at().user(101, "zh-cn");
    await chinese.send("/share");
    const unknown = sentTexts(await chinese.send("esim可以吗"));
    expect(unknown).toHaveLength(2);
    expect(unknown[1]).toContain("几个人");
  });
});

describe("one live keyboard per flow", () => {
  it("takes the buttons off an answered question, and a press on it changes nothing (en)", async () => {
    const user = at().user(100, "en");
    await user.send("/share");
    const people = user.lastShown?.messageId ?? 0;
    const oldButton = user.findButton("2")?.data ?? "";
    const pressed = await user.press("2");
    const marked = pressed.find((call) => call.method === "editMessageText");
    expect(marked?.payload).toMatchObject({
      message_id: people,
      text: expect.stringContaining("✓ 2"),
    });
    expect(marked?.payload.reply_markup).toBeUndefined();
    const stale = await user.pressData(people, oldButton);
    expect(stale.map((call) => call.method)).toEqual(["answerCallbackQuery"]);
    expect(stale[0]?.payload.text).toContain("expired");
    expect(lastSent(await user.press("Regular visits"))).toContain("together");
  });

  it("marks a question answered by typing with what was read, and takes its buttons (zh-Hans)", async () => {
    const user = at().user(100, "zh-cn");
    await user.send("/share");
    const people = user.lastShown?.messageId ?? 0;
    const typed = await user.send("三个人");
    const marked = typed.find((call) => call.method === "editMessageText");
    expect(marked?.payload).toMatchObject({
      message_id: people,
      text: expect.stringContaining("✓ 3 人"),
    });
    expect(marked?.payload.reply_markup).toBeUndefined();
    expect(buttonsOf(typed.at(-1) ?? { method: "", payload: {} }).length).toBeGreaterThan(0);
  });
});

describe("usage reports as people type them", () => {
  async function tracked(user: OfflineUser, language: "en" | "zh") {
    const english = language === "en";
    await toPlanSize(user, "SmarTone", english ? "Yes, track it" : "帮我追踪");
    await user.send("10GB");
    await user.send("7 days");
    await user.press(english ? "Yesterday" : "昨天");
    await user.send("20%");
    await user.send(english ? "no" : "不用");
    await user.press(english ? "Save" : "保存");
  }

  it("takes used, more and left, in the words people use (en)", async () => {
    const user = at().user(100, "en");
    await tracked(user, "en");
    expect(sentTexts(await user.send("i used 2 gigs"))[0]).toContain("Used 2 GB of 10 GB");
    expect(sentTexts(await user.send("used 1GB more"))[0]).toContain("Used 3 GB of 10 GB");
    expect(sentTexts(await user.send("I have 6GB left"))[0]).toContain("Used 4 GB of 10 GB");
    // A bare 500 can only be MB on a 10 GB plan; it is lower than before, so: was it reset?
    expect(lastSent(await user.send("/used 500"))).toContain("500 MB is less than the 4 GB");
    expect(lastSent(await user.press("No, it was a typo"))).toContain("kept your last reading");
    expect(lastSent(await user.send("/used -1GB"))).toContain("negative");
  });

  it("asks which reading a bare 15 is, and records the choice once (zh-Hans)", async () => {
    const user = at().user(100, "zh-cn");
    await tracked(user, "zh");
    expect(sentTexts(await user.send("还剩 8G"))[0]).toContain("2 GB");
    const asked = await user.send("/used 15");
    expect(lastButtons(asked)).toEqual(["到目前一共用了 15 MB", "到目前一共用了 15 GB"]);
    const message = user.lastShown?.messageId ?? 0;
    const data = user.findButton("15 GB")?.data ?? "";
    const chosen = await user.press("15 GB");
    expect(chosen.find((call) => call.method === "editMessageReplyMarkup")?.payload).toMatchObject({
      message_id: message,
    });
    expect(sentTexts(chosen)[0]).toContain("15 GB");
    // The same button again (a double tap, a second device) is stale: nothing more is recorded.
    const again = await user.pressData(message, data);
    expect(again.find((call) => call.method === "answerCallbackQuery")?.payload.text).toContain(
      "失效",
    );
    const record = await at().app.deps.storage.trackers.get(100);
    expect(record?.readings.map((reading) => reading.usedMb)).toEqual([
      8 * 1024 - 6 * 1024,
      15 * 1024,
    ]);
  });

  it("warns from the first report when the pace runs out before the plan ends (en)", async () => {
    const user = at().user(100, "en");
    await toPlanSize(user, "SmarTone", "Yes, track it");
    await user.send("5GB");
    await user.send("7 days");
    await user.press("Yesterday");
    await user.send("1%");
    await user.send("no");
    await user.press("Save");
    const texts = sentTexts(await user.send("used 4.8GB"));
    expect(texts.some((text) => text.includes("At your recent pace the data runs out"))).toBe(true);
  });
});

describe("tracker buttons show their state and every one answers", () => {
  async function withTracker(user: OfflineUser) {
    await at().app.deps.storage.trackers.save({
      userId: user.user.id,
      chatId: user.chat.id,
      plan: { totalMb: 10240, startDate: "2026-12-02", days: 7, threshold: { percent: 20 } },
      readings: [{ at: TODAY_NOON.toISOString(), usedMb: 3072 }],
      alertsSent: [],
      paused: false,
      checkInHour: 21,
    });
  }

  it("turns ⏸ Pause into ▶️ Resume and back (en)", async () => {
    const user = at().user(100, "en");
    await withTracker(user);
    await user.send("/usage");
    const paused = await user.press("Pause reminders");
    expect(lastSent(paused)).toBe("Reminders paused.");
    const keyboard = paused.find((call) => call.method === "editMessageReplyMarkup");
    expect(JSON.stringify(keyboard?.payload.reply_markup)).toContain("Resume reminders");
    expect((await at().app.deps.storage.trackers.get(100))?.paused).toBe(true);
    // The photo's buttons are now the edited ones: the next tap resumes, as it says.
    user.shown.set(user.lastShown?.messageId ?? 0, {
      ...(user.lastShown ?? { messageId: 0, text: "" }),
      buttons: (keyboard?.payload.reply_markup as { inline_keyboard: [] }).inline_keyboard,
    });
    expect(lastSent(await user.press("Resume reminders"))).toBe("Reminders resumed.");
    expect((await at().app.deps.storage.trackers.get(100))?.paused).toBe(false);
  });

  it("answers Delete → Cancel and 'No, a typo' (zh-Hant)", async () => {
    const user = at().user(100, "zh-hk");
    // Chosen with /language: the caption's first words are written alike in both scripts.
    await at().app.deps.storage.sessions.write("100", { language: "zh-Hant" });
    await withTracker(user);
    await user.send("/usage");
    await user.press("🗑");
    expect(lastSent(await user.press("取消"))).toContain("維持不變");
    expect(await at().app.deps.storage.trackers.get(100)).toBeDefined();
    await user.send("用咗 1G");
    expect(lastSent(await user.press("打錯"))).toContain("保留上一次的讀數");
  });
});

describe("the rate limit never drops a flow answer or a usage report", () => {
  it("keeps reading a flow's answers past the limit (en)", async () => {
    const user = at().user(100, "en");
    await user.send("/share");
    for (let index = 0; index < RATE_LIMIT.messages + 3; index++) {
      expect(lastSent(await user.send("hmm"))).toContain("how many people");
    }
    expect(lastSent(await user.send("3"))).toBe("How long will you be in Hong Kong?");
  });

  it("records a usage report sent after a flood of questions (zh-Hant)", async () => {
    const user = at().user(100, "zh-hk");
    await at().app.deps.storage.trackers.save({
      userId: 100,
      chatId: 100,
      plan: { totalMb: 10240, startDate: "2026-12-02", days: 7, threshold: { percent: 20 } },
      readings: [],
      alertsSent: [],
      paused: false,
    });
    for (let index = 0; index < RATE_LIMIT.messages + 2; index++) await user.send("點樣分享數據");
    expect(sentTexts(await user.send("用咗 2G"))[0]).toContain("2 GB");
  });
});
