import { beforeEach, describe, expect, it } from "vitest";
import {
  ADMIN_ID,
  buttonsOf,
  errorsIn,
  type Harness,
  onlyMessage,
  startHarness,
  textsOf,
} from "./harness.js";

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});

describe("a private chat", () => {
  it("welcomes in the user's app language, with the topic menu and sample questions", async () => {
    const user = harness.user(100, "zh-hk");
    const welcome = onlyMessage(await user.send("/start"));
    expect(welcome.payload.text).toContain("香港數據卡");
    expect(welcome.payload.text).toContain("話題");
    const buttons = buttonsOf(welcome);
    expect(buttons[0]?.data).toBe("menu");
    expect(buttons.filter((b) => b.data?.startsWith("ask:")).length).toBe(3);
  });

  it("answers a question with its source, related questions and 👍 / 👎", async () => {
    const answer = onlyMessage(await harness.user().send("香港流量卡可以家庭共享吗"));
    expect(answer.payload.parse_mode).toBe("HTML");
    expect(answer.payload.text).toMatch(/^<b>港卡能家庭共享吗？<\/b>/);
    expect(answer.payload.text).toContain("来源：香港流量卡是否支持家庭套餐共享 · ");
    const buttons = buttonsOf(answer);
    expect(buttons.filter((b) => b.data?.startsWith("ask:")).length).toBeGreaterThan(0);
    expect(buttons.map((b) => b.text)).toEqual(expect.arrayContaining(["👍", "👎"]));
  });

  it("answers in the script the question is written in", async () => {
    const user = harness.user(100, "en");
    // An English app, a Cantonese question: the answer comes in Hong Kong Chinese.
    const answer = String(
      onlyMessage(await user.send("香港流量卡可唔可以同屋企人共享數據")).payload.text,
    );
    expect(answer).toMatch(/^<b>港卡可以家庭共享嗎？<\/b>/);
    expect(answer).toContain("來源：香港數據卡是否支援家庭計劃共享 · ");
    expect(
      onlyMessage(await user.send("can hong kong sim cards do family sharing")).payload.text,
    ).toContain("Source:");
  });

  it("offers did-you-mean buttons when unsure, and pressing one answers", async () => {
    const user = harness.user();
    const offer = onlyMessage(await user.send("港卡 家庭"));
    expect(offer.payload.text).toContain("你是想问");
    const choice = buttonsOf(offer).find((b) => b.data?.startsWith("ask:"));
    expect(choice).toBeDefined();
    const answer = onlyMessage(await user.press(choice?.text ?? ""));
    expect(answer.payload.text).toContain(`<b>${choice?.text}</b>`);
  });

  it("says honestly when it does not know, shows the topics, and keeps the question", async () => {
    const none = onlyMessage(await harness.user().send("qwzx plmk"));
    expect(none.payload.text).toContain("I don't know that yet");
    expect(buttonsOf(none).every((b) => b.data?.startsWith("menu:"))).toBe(true);
    const stats = await harness.app.deps.storage.stats(new Date());
    expect(stats.topUnanswered.map((row) => row.text)).toEqual(["qwzx plmk"]);
  });

  it("declines a known out-of-scope question in that topic's own words", async () => {
    const reply = onlyMessage(await harness.user().send("香港流量卡一张多少钱"));
    expect(reply.payload.text).toContain("价格我答不了");
  });

  it("browses topics in one message edited in place, with back buttons", async () => {
    const user = harness.user(100, "en");
    const menu = onlyMessage(await user.send("/topics"));
    const menuId = (menu.result as { message_id: number }).message_id;
    const category = onlyMessage(await user.press("Family sharing"));
    expect(category.method).toBe("editMessageText");
    expect(category.payload.message_id).toBe(menuId);
    const answer = onlyMessage(await user.press("Can I share data through a hotspot?"));
    expect(answer.method).toBe("editMessageText");
    expect(answer.payload.text).toContain("personal hotspot");
    const back = onlyMessage(await user.press("Back"));
    expect(back.payload.text).toContain("Family sharing");
    expect(onlyMessage(await user.press("Back")).payload.text).toContain("Topics");
  });

  it("records 👍 / 👎 once per user and answer, and asks what was missing after 👎", async () => {
    const user = harness.user(100, "en");
    await user.send("can i share data through a hotspot");
    const down = await user.press("👎");
    expect(down.find((c) => c.method === "answerCallbackQuery")?.payload.text).toBe(
      "Thanks for the feedback!",
    );
    const prompt = down.find((c) => c.method === "sendMessage");
    expect(prompt?.payload.reply_markup).toMatchObject({ force_reply: true });
    const again = await user.press("👍");
    expect(again.find((c) => c.method === "answerCallbackQuery")?.payload.text).toBe(
      "You already rated this answer.",
    );
    const promptId = (prompt?.result as { message_id: number }).message_id;
    const thanks = onlyMessage(await user.replyTo(promptId, "whether it slows down"));
    expect(thanks.payload.text).toBe("Thank you, noted.");
    const { feedback } = await harness.app.deps.storage.stats(new Date());
    expect(feedback).toEqual([{ entryId: "sharing-hotspot", helpful: 0, unhelpful: 1 }]);
  });

  it("keeps a /language choice over the script of later messages", async () => {
    const user = harness.user(100, "en");
    await user.send("/language");
    await user.press("繁體中文");
    const answer = onlyMessage(await user.send("can i share data through a hotspot"));
    expect(answer.payload.text).toContain("來源");
  });

  it("opens an entry from a deep link, and the topic menu for an entry that is gone", async () => {
    const user = harness.user(100, "en");
    expect(onlyMessage(await user.send("/start faq_public-wifi")).payload.text).toContain(
      "free public Wi-Fi",
    );
    expect(onlyMessage(await user.send("/start faq_no-such-entry")).payload.text).toContain(
      "Topics",
    );
  });

  it("treats an edited message as a new question", async () => {
    const user = harness.user(100, "en");
    const reply = onlyMessage(await user.edit(1, "is there free wifi in hong kong malls"));
    expect(reply.payload.text).toContain("Wi-Fi");
  });

  it("answers forged, malformed and stale buttons with a short notice", async () => {
    const user = harness.user(100, "en");
    await user.send("/topics");
    for (const data of [
      "ask:no-such-entry",
      "menu:nowhere",
      "rate:gone:up",
      "}{",
      "lang:fr",
      "x".repeat(64),
    ]) {
      const calls = await user.pressData(1, data);
      expect(
        calls.map((c) => c.method),
        data,
      ).toEqual(["answerCallbackQuery"]);
      expect(calls[0]?.payload.text).toBe("This button has expired. Please ask again.");
    }
    expect(errorsIn(harness.logs)).toEqual([]);
  });

  it("hints that it reads text only, for stickers, photos and voice", async () => {
    const user = harness.user(100, "en");
    for (const content of [
      {
        sticker: {
          file_id: "s",
          file_unique_id: "s",
          type: "regular",
          width: 1,
          height: 1,
          is_animated: false,
          is_video: false,
        },
      },
      { photo: [{ file_id: "p", file_unique_id: "p", width: 1, height: 1 }] },
      { voice: { file_id: "v", file_unique_id: "v", duration: 1 } },
    ]) {
      expect(textsOf(await user.sendOther(content as never))).toEqual([
        "I can only read text. Please type your question.",
      ]);
    }
  });

  it("cuts a very long message instead of refusing it", async () => {
    const long = `香港流量卡可以开热点给家人用吗${"啊".repeat(4000)}`;
    const reply = onlyMessage(await harness.user().send(long));
    expect(String(reply.payload.text).length).toBeLessThanOrEqual(4096);
    expect(errorsIn(harness.logs)).toEqual([]);
  });

  it("shows /stats to admins only; to anyone else it is an unknown command", async () => {
    await harness.user(100, "en").send("qwzx plmk");
    const stats = onlyMessage(await harness.user(ADMIN_ID, "en").send("/stats"));
    expect(stats.payload.text).toContain("Statistics");
    expect(stats.payload.text).toContain("qwzx plmk × 1");
    const other = onlyMessage(await harness.user(101, "en").send("/stats"));
    expect(other.payload.text).not.toContain("Statistics");
    expect(other.payload.text).toBe(
      onlyMessage(await harness.user(102, "en").send("/nonsense")).payload.text,
    );
  });

  it("logs one line per update with the decision, and no message text", async () => {
    await harness.user(100, "en").send("my secret question about hotspots");
    const line = harness.logs.find((entry) => entry.msg === "update");
    expect(line).toMatchObject({ type: "message", decision: expect.any(String) });
    expect(JSON.stringify(harness.logs)).not.toContain("secret question");
  });
});
