import { beforeEach, describe, expect, it } from "vitest";
import { withNextReminder } from "../../src/tracker/reminders.js";
import { buttonsOf, errorsIn, type Harness, onlyMessage, startHarness } from "./harness.js";

const BOT = "hk_sim_faq_bot";
const link = (payload?: string) => `https://t.me/${BOT}${payload ? `?start=${payload}` : ""}`;

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});

describe("flow and tracker commands in a group", () => {
  const cases = [
    ["share", "share"],
    ["monitor", "monitor"],
    ["usage", "usage"],
    ["used 2GB", "used_2gb"],
    ["used", "usage"],
    ["tracker", "usage"],
  ] as const;

  it("point to the private chat with the right start payload, with or without @botname", async () => {
    const member = harness.groupMember(200, "en");
    for (const [command, payload] of cases) {
      const [name, ...rest] = command.split(" ");
      for (const text of [`/${command}`, [`/${name}@${BOT}`, ...rest].join(" ")]) {
        const reply = onlyMessage(await member.send(text));
        expect(reply.payload.text, text).toContain("private chat");
        expect(reply.payload.text, text).not.toContain("did you mean");
        expect(buttonsOf(reply), text).toEqual([{ text: expect.any(String), url: link(payload) }]);
        expect(reply.payload.reply_parameters).toMatchObject({ message_id: expect.any(Number) });
      }
    }
    expect(errorsIn(harness.logs)).toEqual([]);
  });

  it("answer in Traditional Chinese for a Hong Kong app", async () => {
    const member = harness.groupMember(200, "zh-hk");
    const share = onlyMessage(await member.send(`/share@${BOT}`));
    expect(share.payload.text).toBe("選擇共享方案需要回答幾個問題，請到私人對話繼續。");
    expect(buttonsOf(share)).toEqual([{ text: "💬 開啟私人對話", url: link("share") }]);
    const usage = onlyMessage(await member.send("/usage"));
    expect(usage.payload.text).toContain("數據用量追蹤");
    expect(buttonsOf(usage)[0]?.url).toBe(link("usage"));
  });

  it("answer in Simplified Chinese for a Mainland app, or the language chosen before", async () => {
    const member = harness.groupMember(200, "zh-cn");
    const monitor = onlyMessage(await member.send(`/monitor@${BOT}`));
    expect(monitor.payload.text).toContain("设置流量监控");
    expect(buttonsOf(monitor)).toEqual([{ text: "💬 打开私聊", url: link("monitor") }]);
    await harness.app.deps.storage.sessions.write("201", { language: "zh-Hant" });
    const chosen = onlyMessage(await harness.groupMember(201, "en").send(`/tracker@${BOT}`));
    expect(chosen.payload.text).toContain("私人對話");
  });
});

describe("/help and /start in a group", () => {
  it("explain /faq, mentions, replies and inline mode, with a button to the private chat", async () => {
    const member = harness.groupMember(200, "en");
    for (const text of ["/help", `/help@${BOT}`, "/start", `/start@${BOT}`]) {
      const help = onlyMessage(await member.send(text));
      expect(help.payload.parse_mode).toBe("HTML");
      expect(help.payload.text, text).toContain("/faq <i>question</i>");
      expect(help.payload.text, text).toContain(`Mention @${BOT}`);
      expect(help.payload.text, text).toContain("reply to one of my messages");
      expect(help.payload.text, text).toContain(`type @${BOT} <i>question</i>`);
      expect(buttonsOf(help), text).toEqual([{ text: expect.any(String), url: link() }]);
    }
  });

  it("explain it in Simplified and Traditional Chinese", async () => {
    const simplified = onlyMessage(await harness.groupMember(200, "zh-cn").send(`/help@${BOT}`));
    expect(simplified.payload.text).toContain("在群里怎么用我");
    expect(simplified.payload.text).toContain("/faq <i>问题</i>");
    expect(simplified.payload.text).toContain(`@${BOT} 并写上问题`);
    const traditional = onlyMessage(await harness.groupMember(201, "zh-hk").send("/start"));
    expect(traditional.payload.text).toContain("如何在群組中使用我");
    expect(traditional.payload.text).toContain(`提及 @${BOT} 並寫上問題`);
    expect(traditional.payload.text).not.toContain("併");
    expect(buttonsOf(traditional)).toEqual([{ text: "💬 開啟私人對話", url: link() }]);
  });

  it("is what another command addressed to this bot gets, never a search for it", async () => {
    const english = onlyMessage(await harness.groupMember(200, "en").send(`/topics@${BOT}`));
    expect(english.payload.text).toContain("Using me in this group");
    const chinese = onlyMessage(await harness.groupMember(201, "zh-cn").send(`/cancel@${BOT}`));
    expect(chinese.payload.text).toContain("在群里怎么用我");
  });
});

describe("commands in a group addressed to another bot", () => {
  it("get no reply, even as a reply to this bot or with a mention of it", async () => {
    const member = harness.groupMember(200, "en");
    const answer = onlyMessage(await member.send(`@${BOT} is there free wifi in hong kong`));
    const replyToBot = {
      reply_to_message: {
        message_id: (answer.result as { message_id: number }).message_id,
        from: { id: harness.telegram.botInfo.id, is_bot: true, first_name: "bot" },
      } as never,
    };
    for (const text of [
      "/share@otherbot",
      "/usage@otherbot",
      "/help@otherbot",
      "/start@otherbot",
      "/faq@otherbot can i share data",
      `/faq@otherbot ask @${BOT} instead`,
    ]) {
      expect(await member.send(text), text).toEqual([]);
      expect(await member.send(text, replyToBot), `${text} (reply)`).toEqual([]);
    }
    const chinese = harness.groupMember(201, "zh-hk");
    expect(await chinese.send("/monitor@otherbot")).toEqual([]);
    expect(await chinese.send("/tracker@otherbot 數據")).toEqual([]);
  });

  it("and bare commands this bot does not know get none either: they may be another bot's", async () => {
    const member = harness.groupMember(200, "en");
    expect(await member.send("/topics")).toEqual([]);
    expect(await member.send("/roll 20")).toEqual([]);
  });
});

describe("flow buttons under answers in a group", () => {
  it("open the private chat with the flow's start payload, in English and Chinese", async () => {
    const english = onlyMessage(
      await harness.groupMember(200, "en").send("/faq can i share data through a hotspot"),
    );
    expect(english.payload.text).toContain("personal hotspot");
    const share = buttonsOf(english).find((b) => b.url?.includes("?start="));
    expect(share).toEqual({ text: "🧭 Choose a sharing workaround", url: link("share") });
    expect(buttonsOf(english).some((b) => b.data?.startsWith("go:"))).toBe(false);

    const traditional = onlyMessage(
      await harness.groupMember(201, "zh-hk").send(`@${BOT} 可唔可以查到剩餘流量`),
    );
    const monitor = buttonsOf(traditional).find((b) => b.url?.includes("?start="));
    expect(monitor).toEqual({ text: "📊 設定數據用量監察", url: link("monitor") });
    expect(buttonsOf(traditional).some((b) => b.data?.startsWith("go:"))).toBe(false);
  });

  it("link there too on answers opened from a related-question button", async () => {
    const member = harness.groupMember(200, "zh-cn");
    const answer = onlyMessage(await member.send("/faq 港卡能家庭共享吗"));
    const related = buttonsOf(answer).find((b) => b.data?.startsWith("ask:sharing"));
    expect(related).toBeDefined();
    const next = onlyMessage(await member.press(related?.text ?? ""));
    expect(buttonsOf(next)).toContainEqual({ text: "🧭 选共享方案", url: link("share") });
  });

  it("pressed on an old message as a callback, reply with the same link", async () => {
    const english = harness.groupMember(200, "en");
    const answer = onlyMessage(await english.send("/faq can i share data through a hotspot"));
    const messageId = (answer.result as { message_id: number }).message_id;
    const calls = await english.pressData(messageId, "go:share");
    expect(calls.map((call) => call.method)).toContain("answerCallbackQuery");
    const reply = onlyMessage(calls);
    expect(reply.payload.text).toContain("private chat");
    expect(buttonsOf(reply)).toEqual([{ text: expect.any(String), url: link("share") }]);

    const traditional = harness.groupMember(201, "zh-hk");
    const chinese = onlyMessage(await traditional.send("/faq 可唔可以查到剩餘流量"));
    const chineseId = (chinese.result as { message_id: number }).message_id;
    const linked = onlyMessage(await traditional.pressData(chineseId, "go:monitor"));
    expect(linked.payload.text).toContain("請到私人對話繼續");
    expect(buttonsOf(linked)).toEqual([{ text: "💬 開啟私人對話", url: link("monitor") }]);
    expect(errorsIn(harness.logs)).toEqual([]);
  });
});

describe("/start usage in a private chat, from a group's link", () => {
  it("offers a tracker to a user without one", async () => {
    const english = onlyMessage(await harness.user(100, "en").send("/start usage"));
    expect(english.payload.text).toContain("You have no tracker yet");
    expect(buttonsOf(english)).toEqual([{ text: "📊 Set up data monitoring", data: "go:monitor" }]);
    await harness.app.deps.storage.sessions.write("101", { language: "zh-Hans" });
    const chinese = onlyMessage(await harness.user(101, "zh-cn").send("/start usage"));
    expect(chinese.payload.text).toContain("你还没有设置追踪");
    expect(buttonsOf(chinese)).toEqual([{ text: "📊 设置流量监控", data: "go:monitor" }]);
  });

  it("shows the tracker as /usage does", async () => {
    const now = new Date();
    await harness.app.deps.storage.sessions.write("101", { language: "zh-Hant" });
    for (const [userId, languageCode, expected] of [
      [100, "en", "Used 3 GB of 10 GB"],
      [101, "zh-hk", "已用 3 GB / 10 GB"],
    ] as const) {
      await harness.app.deps.storage.trackers.save(
        withNextReminder(
          {
            userId,
            chatId: userId,
            plan: {
              totalMb: 10240,
              startDate: now.toISOString().slice(0, 10),
              days: 7,
              threshold: { percent: 20 },
            },
            readings: [{ at: now.toISOString(), usedMb: 3072 }],
            alertsSent: [],
            paused: false,
          },
          now,
        ),
      );
      const calls = await harness.user(userId, languageCode).send("/start usage");
      const photo = calls.find((call) => call.method === "sendPhoto");
      expect(photo?.payload.caption).toContain(expected);
    }
    expect(errorsIn(harness.logs)).toEqual([]);
  });
});
