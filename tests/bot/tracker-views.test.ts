import type { InlineKeyboard } from "grammy";
import { beforeAll, describe, expect, it } from "vitest";
import { type Action, decodeAction } from "../../src/bot/callback-data.js";
import {
  alertView,
  describeReport,
  lowerTotalView,
  reportChoicesView,
  trackerDeleteView,
  trackerKeyboard,
  trackerOfferView,
  usageView,
} from "../../src/bot/tracker-views.js";
import type { KnowledgeBase } from "../../src/kb/schema.js";
import type { TrackerRecord } from "../../src/storage/storage.js";
import { readingsOf, usageStatus } from "../../src/tracker/usage.js";
import { shippedKnowledgeBase, translate } from "../helpers.js";

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await shippedKnowledgeBase();
});

const hk = (dateTime: string) => new Date(`${dateTime}+08:00`);
/** 10 GB for 7 days from 20 November 2026, warned at 20 % left. */
const tracker = (readings: [string, number][], extra: Partial<TrackerRecord> = {}) =>
  ({
    userId: 100,
    chatId: 100,
    plan: { totalMb: 10240, startDate: "2026-11-20", days: 7, threshold: { percent: 20 } },
    readings: readings.map(([at, usedMb]) => ({ at: hk(at).toISOString(), usedMb })),
    alertsSent: [],
    paused: false,
    ...extra,
  }) satisfies TrackerRecord;

function buttonsOf(keyboard: InlineKeyboard) {
  return keyboard.inline_keyboard.flat().map((button) => ({
    text: button.text,
    action: "callback_data" in button ? decodeOrFail(button.callback_data) : undefined,
  }));
}
function decodeOrFail(data: string | undefined): Action {
  const action = decodeAction(data ?? "");
  if (!action) throw new Error(`button data "${data}" does not decode`);
  return action;
}

describe("usageView", () => {
  const midPlan = hk("2026-11-23T09:00");
  const used = tracker([
    ["2026-11-20T20:00", 1500],
    ["2026-11-21T20:00", 4200],
    ["2026-11-22T20:00", 6900],
  ]);

  it("shows used, left, days left to the last day, the budget, the run-out day and a bar, in English", () => {
    const lines = usageView(used, midPlan, "en", translate("en")).text.split("\n");
    expect(lines[0]).toBe("<b>Your data</b>");
    expect(lines[1]).toBe("<code>▓▓▓▓▓▓▓░░░ 67%</code>");
    expect(lines[2]).toMatch(/^Used 6.74 GB of 10 GB \(3.26 GB left\); 4 days left/);
    expect(lines[2]).toContain("26 Nov 2026");
    expect(lines[3]).toBe("To make it last: about 835 MB a day.");
    expect(lines[4]).toBe("⚠️ At your recent pace the data runs out around 24 Nov 2026.");
    expect(lines).toHaveLength(5);
  });

  it("writes the same figures in both Chinese scripts, with their dates", () => {
    const simplified = usageView(used, midPlan, "zh-Hans", translate("zh-Hans")).text;
    expect(simplified).toContain("<b>你的流量</b>");
    expect(simplified).toContain(
      "已用 6.74 GB / 10 GB，剩 3.26 GB；还有 4 天（到 2026年11月26日）。",
    );
    expect(simplified).toContain("流量大约在 2026年11月24日 用完");
    const traditional = usageView(used, midPlan, "zh-Hant", translate("zh-Hant")).text;
    expect(traditional).toContain("<b>你的數據用量</b>");
    expect(traditional).toContain(
      "已用 6.74 GB / 10 GB，剩餘 3.26 GB；計劃尚有 4 日（至 2026年11月26日）。",
    );
  });

  it("on day one, says no usage was reported and how to report it; once ended, that it ended", () => {
    const fresh = usageView(tracker([]), hk("2026-11-20T10:00"), "en", translate("en")).text;
    expect(fresh).toContain("Used 0 MB of 10 GB (10 GB left)");
    expect(fresh).toContain("No usage reported yet: send /used");
    expect(fresh).not.toContain("runs out");
    const ended = usageView(used, hk("2026-11-28T10:00"), "en", translate("en")).text;
    expect(ended).toContain("This plan has ended.");
    expect(ended).not.toContain("To make it last");
  });

  it("carries the tracker's buttons", () => {
    const view = usageView(used, midPlan, "en", translate("en"));
    expect(buttonsOf(view.keyboard)).toEqual(buttonsOf(trackerKeyboard(used, translate("en"))));
  });
});

describe("the tracker's buttons", () => {
  it("show the state: Pause while reminders run, Resume while paused; delete; edit the plan", () => {
    const t = translate("en");
    expect(buttonsOf(trackerKeyboard(tracker([]), t))).toEqual([
      { text: "⏸ Pause reminders", action: { kind: "tracker", command: "pause" } },
      { text: "🗑 Delete tracker", action: { kind: "tracker", command: "delete" } },
      { text: "✏️ Edit the plan", action: { kind: "go", flow: "plan" } },
    ]);
    expect(buttonsOf(trackerKeyboard(tracker([], { paused: true }), t))[0]).toEqual({
      text: "▶️ Resume reminders",
      action: { kind: "tracker", command: "resume" },
    });
    expect(buttonsOf(trackerKeyboard(tracker([]), translate("zh-Hant")))[2]?.text).toBe(
      "✏️ 修改計劃",
    );
  });

  it("ask before deleting: yes, or keep it", () => {
    const view = trackerDeleteView(translate("zh-Hans"));
    expect(view.text).toBe("删除你的追踪和全部记录吗？");
    expect(buttonsOf(view.keyboard)).toEqual([
      { text: "确定删除", action: { kind: "tracker", command: "delete-yes" } },
      { text: "✖️ 取消", action: { kind: "tracker", command: "keep" } },
    ]);
  });

  it("offer a tracker to a user without one, with the button that sets it up", () => {
    const view = trackerOfferView(translate("zh-Hant"));
    expect(view.text).toBe("你尚未設定追蹤。設定後，我會在數據用完前提醒你。");
    expect(buttonsOf(view.keyboard)).toEqual([
      { text: "📊 設定數據用量監察", action: { kind: "go", flow: "monitor" } },
    ]);
  });
});

describe("asking back about a usage report", () => {
  const record = tracker([["2026-11-21T20:00", 2048]]);

  it("names a report as it was typed: so far, more since last time, left", () => {
    const t = translate("en");
    expect(describeReport({ meaning: "used", megabytes: 500 }, t)).toBe("500 MB used so far");
    expect(describeReport({ meaning: "more", megabytes: 1536 }, t)).toBe(
      "1.50 GB more since last time",
    );
    expect(describeReport({ meaning: "left", megabytes: 2048 }, translate("zh-Hant"))).toBe(
      "尚餘 2 GB",
    );
  });

  it("offers one button per reading, each carrying its total and the readings it was made at", () => {
    const view = reportChoicesView(
      record,
      [
        { report: { meaning: "used", megabytes: 500 }, usedMb: 500 },
        { report: { meaning: "more", megabytes: 500 }, usedMb: 2548 },
      ],
      translate("en"),
    );
    expect(view.text).toBe("Which did you mean?");
    expect(buttonsOf(view.keyboard)).toEqual([
      {
        text: "500 MB used so far",
        action: { kind: "usage", usedMb: 500, reset: false, readings: 1 },
      },
      {
        text: "500 MB more since last time",
        action: { kind: "usage", usedMb: 2548, reset: false, readings: 1 },
      },
    ]);
  });

  it("asks 'did you mean' about a single reading, with Something else", () => {
    const view = reportChoicesView(
      record,
      [{ report: { meaning: "left", megabytes: 1024 }, usedMb: 9216 }],
      translate("zh-Hans"),
    );
    expect(view.text).toBe("你是说还剩 1 GB吗？");
    expect(buttonsOf(view.keyboard)).toEqual([
      { text: "还剩 1 GB", action: { kind: "usage", usedMb: 9216, reset: false, readings: 1 } },
      { text: "✏️ 都不是", action: { kind: "tracker", command: "typo" } },
    ]);
  });

  it("asks whether a lower total means the card was reset, or was a typo", () => {
    const view = lowerTotalView(record, 1024, translate("en"));
    expect(view.text).toBe(
      "1 GB is less than the 2 GB you reported before. Was the card reset or topped up?",
    );
    expect(buttonsOf(view.keyboard)).toEqual([
      {
        text: "Yes, start counting again",
        action: { kind: "usage", usedMb: 1024, reset: true, readings: 1 },
      },
      { text: "No, it was a typo", action: { kind: "tracker", command: "typo" } },
    ]);
  });
});

describe("alertView", () => {
  const low = tracker([
    ["2026-11-20T20:00", 4000],
    ["2026-11-22T20:00", 8704],
  ]);
  const now = hk("2026-11-23T09:00");
  const status = usageStatus(low.plan, readingsOf(low), now);

  it("warns of what is left and what a day may use, pointing to what to do", () => {
    const view = alertView("threshold", status, kb, "en", translate("en"));
    expect(view.text).toBe(
      "⚠️ Only 1.50 GB left. To make it last until the plan ends, use no more than about 384 MB a day.",
    );
    expect(buttonsOf(view.keyboard)).toEqual([
      {
        text: kb.entryById.get("plan-adjust")?.title.en,
        action: { kind: "ask", entryId: "plan-adjust" },
      },
      {
        text: kb.entryById.get("monitoring-check-regularly")?.title.en,
        action: { kind: "ask", entryId: "monitoring-check-regularly" },
      },
    ]);
  });

  it("warns of the day the pace runs out, in the reader's date style", () => {
    expect(status.runsOutOn).toBe("2026-11-24");
    const view = alertView("pace", status, kb, "zh-Hant", translate("zh-Hant"));
    expect(view.text).toBe("⚠️ 按最近的用量，數據約於 2026年11月24日 用完，早於計劃到期。");
    expect(alertView("pace", status, kb, "en", translate("en")).text).toBe(
      "⚠️ At your recent pace the data runs out around 24 Nov 2026, before the plan ends.",
    );
    expect(buttonsOf(view.keyboard).map((button) => button.text)).toEqual([
      kb.entryById.get("plan-adjust")?.title["zh-Hant"],
      kb.entryById.get("monitoring-check-regularly")?.title["zh-Hant"],
    ]);
  });
});
