import { beforeEach, describe, expect, it } from "vitest";
import { buttonsOf, type Harness, onlyMessage, startHarness } from "./harness.js";

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});

describe("in a group", () => {
  it("stays silent on chatter", async () => {
    expect(await harness.groupMember().send("anyone know a good dim sum place?")).toEqual([]);
  });

  it("answers /faq and /faq@botname, as a reply to the question", async () => {
    const member = harness.groupMember();
    const answer = onlyMessage(await member.send("/faq can i share data through a hotspot"));
    expect(answer.payload.text).toContain("personal hotspot");
    expect(answer.payload.reply_parameters).toMatchObject({ message_id: expect.any(Number) });
    const named = onlyMessage(await member.send("/faq@hk_sim_faq_bot 香港有免费wifi吗"));
    expect(named.payload.text).toContain("Wi-Fi");
    expect(onlyMessage(await member.send("/faq")).payload.text).toContain("/faq");
  });

  it("answers a mention and a reply to its own message", async () => {
    const member = harness.groupMember();
    const mention = onlyMessage(
      await member.send("@hk_sim_faq_bot is there free wifi in hong kong"),
    );
    expect(mention.payload.text).toContain("Wi-Fi");
    const botMessageId = (mention.result as { message_id: number }).message_id;
    const reply = onlyMessage(
      await member.send("and can I use a hotspot instead", {
        reply_to_message: {
          message_id: botMessageId,
          from: { id: harness.telegram.botInfo.id, is_bot: true, first_name: "bot" },
        } as never,
      }),
    );
    expect(reply.payload.text).toContain("hotspot");
  });
});

describe("inline mode", () => {
  it("offers the most asked topics for an empty query, cached per user", async () => {
    const [call] = await harness.user(100, "en").inline("");
    expect(call?.method).toBe("answerInlineQuery");
    const results = call?.payload.results as { id: string; title: string }[];
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(10);
    expect(call?.payload).toMatchObject({ is_personal: true, cache_time: expect.any(Number) });
  });

  it("answers a query with articles that carry the answer and a deep link into the bot", async () => {
    const [call] = await harness.user(100, "en").inline("hotspot share data");
    const [first] = call?.payload.results as {
      title: string;
      input_message_content: { message_text: string; parse_mode: string };
      reply_markup: { inline_keyboard: { url: string }[][] };
    }[];
    expect(first?.input_message_content.message_text).toContain("personal hotspot");
    expect(first?.input_message_content.parse_mode).toBe("HTML");
    expect(first?.reply_markup.inline_keyboard[0]?.[0]?.url).toBe(
      "https://t.me/hk_sim_faq_bot?start=faq_sharing-hotspot",
    );
  });

  it("answers in the asker's language", async () => {
    const [call] = await harness.user(100, "en").inline("港卡 熱點");
    const [first] = call?.payload.results as { title: string }[];
    expect(first?.title).toBe("可以開熱點給家人用嗎？");
  });

  it("offers a button into the bot when nothing matches", async () => {
    const [call] = await harness.user(100, "en").inline("zzqx vvbn");
    expect(call?.payload.results).toEqual([]);
    expect(call?.payload.button).toMatchObject({ start_parameter: expect.any(String) });
  });
});

describe("buttons in a group", () => {
  it("answer whoever presses a did-you-mean choice", async () => {
    const member = harness.groupMember();
    const choice = buttonsOf(onlyMessage(await member.send("/faq 港卡 家庭"))).find((b) =>
      b.data?.startsWith("ask:"),
    );
    expect(choice).toBeDefined();
    expect(onlyMessage(await member.press(choice?.text ?? "")).payload.text).toContain("<b>");
  });
});
