import { beforeEach, describe, expect, it } from "vitest";
import { buttonsOf, type Harness, onlyMessage, startHarness, textsOf } from "./harness.js";

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});

/** What the operator would see: the questions kept for `npm run kb:unanswered`, and the count. */
async function recorded(): Promise<{ texts: string[]; total: number }> {
  const { storage } = harness.app.deps;
  const texts = (await storage.unanswered()).map((row) => row.text);
  return { texts, total: (await storage.stats(new Date())).questionsTotal };
}

describe("small talk in a private chat", () => {
  it("answers thanks, greetings and goodbyes in kind, in English, and records none of them", async () => {
    const user = harness.user(100, "en");
    expect(textsOf(await user.send("thanks!"))).toEqual([
      "You're welcome!\nAnything else about Hong Kong data cards? Just ask, or browse with /topics.",
    ]);
    expect(textsOf(await user.send("ok thanks a lot 🙏"))[0]).toMatch(/^You're welcome!/);
    expect(textsOf(await user.send("Hello!"))[0]).toMatch(/^Hi! I answer questions about/);
    expect(textsOf(await user.send("bye"))[0]).toMatch(/^Bye!/);
    expect(await recorded()).toEqual({ texts: [], total: 0 });
  });

  it("answers in Traditional and Simplified Chinese as the message is written", async () => {
    const hongKong = harness.user(100, "zh-hk");
    expect(textsOf(await hongKong.send("唔該晒！"))[0]).toMatch(/^唔使客氣！\n/);
    expect(textsOf(await hongKong.send("哈囉"))[0]).toMatch(/^你好！我可以解答香港數據卡的問題/);
    expect(textsOf(await hongKong.send("再見"))[0]).toMatch(/^拜拜！/);
    const mainland = harness.user(101, "en");
    expect(textsOf(await mainland.send("谢谢你"))[0]).toMatch(/^不客气！\n/);
    expect(textsOf(await mainland.send("你好"))[0]).toMatch(/^你好！我可以回答香港流量卡的问题/);
    expect(textsOf(await mainland.send("拜拜"))[0]).toMatch(/^再见！/);
    expect(await recorded()).toEqual({ texts: [], total: 0 });
  });

  it("hints at typing a question for emoji and markup, in the chat's language", async () => {
    const english = harness.user(100, "en");
    for (const junk of ["😀😀😀", "🤔", "<b>x</b>", "?!"]) {
      expect(textsOf(await english.send(junk)), junk).toEqual([
        "I couldn't tell what you'd like to ask. Type your question in words, e.g. “can I share data with my family?”, or browse with /topics.",
      ]);
    }
    // No script in an emoji: the app language, or the script of the last message, decides.
    expect(textsOf(await harness.user(101, "zh-hk").send("🤔"))[0]).toMatch(
      /^我看不明白你想問甚麼/,
    );
    const mainland = harness.user(102, "en");
    await mainland.send("港卡可以开热点吗");
    expect(textsOf(await mainland.send("👍👍"))[0]).toMatch(/^我没看出你想问什么/);
    expect((await recorded()).texts).toEqual([]);
  });

  it("asks the matcher whatever carries a question besides the small talk", async () => {
    const user = harness.user(100, "en");
    for (const question of ["thanks, but can I share data?", "hello 港卡點樣分享"]) {
      const reply = onlyMessage(await user.send(question));
      expect(reply.payload.text, question).not.toMatch(/welcome|^Hi!|你好！/);
    }
    expect((await recorded()).total).toBe(2);
  });

  it("keeps a did-you-mean question for the operator with the entries it offered", async () => {
    const offer = onlyMessage(await harness.user().send("港卡 家庭"));
    const offered = buttonsOf(offer).flatMap((button) =>
      button.data?.startsWith("ask:") ? [button.data.slice(4)] : [],
    );
    expect(offered.length).toBeGreaterThan(0);
    expect(await harness.app.deps.storage.unanswered()).toMatchObject([
      { text: "港卡 家庭", count: 1, decision: "suggest", offered },
    ]);
    // Not among the questions /stats calls unanswered: those the bot did not know.
    expect((await harness.app.deps.storage.stats(new Date())).topUnanswered).toEqual([]);
  });
});
