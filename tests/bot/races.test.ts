import { describe, expect, it } from "vitest";
import type { BotContext } from "../../src/bot/context.js";
import { lockKeys } from "../../src/create-bot.js";
import { delivered } from "./faults.js";
import { errorsIn, harnessAt, TODAY_NOON } from "./harness.js";

// A user's private chat and a group they are in are two chats, but one session: updates of
// both, handled at once, must take turns, or the later session write undoes the earlier one.
const harness = harnessAt(TODAY_NOON);
const ROUNDS = 30;

describe("one user's private and group updates, at the same time", () => {
  it("keeps every /language choice made while the user asks in a group", async () => {
    const languages = ["en", "zh-Hant", "zh-Hans"] as const;
    for (let round = 0; round < ROUNDS; round++) {
      const id = 400 + round;
      const user = harness().user(id, "en");
      const member = harness().groupMember(id, "en");
      await user.send("/language");
      const choice = languages[round % languages.length] ?? "en";
      const menu = user.lastShown?.messageId ?? 0;
      await Promise.all([
        user.pressData(menu, `lang:${choice}`),
        member.send("/faq is there free wifi in hong kong"),
      ]);
      const session = await harness().app.deps.storage.sessions.read(String(id));
      expect(session?.language, `round ${round}`).toBe(choice);
    }
    expect(errorsIn(harness().logs)).toEqual([]);
  });

  it("keeps the 👎 prompt while the user asks in a group, so the reply to it counts", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const id = 500 + round;
      const user = harness().user(id, "en");
      const member = harness().groupMember(id, "en");
      await user.send("can i share data through a hotspot");
      const down = user.findButton("👎");
      if (!down) throw new Error("no 👎 under the answer");
      const [rated] = await Promise.all([
        user.pressData(down.message.messageId, down.data),
        member.send("/faq is there free wifi in hong kong"),
      ]);
      const prompt = rated.find((call) => call.method === "sendMessage" && delivered(call));
      const promptId = (prompt?.result as { message_id: number }).message_id;
      const reply = await user.replyTo(promptId, "whether it slows down");
      expect(
        reply.map((call) => call.payload.text),
        `round ${round}`,
      ).toContain("Thank you, noted.");
    }
  });
});

describe("the locks an update takes", () => {
  const keysOf = (update: Partial<BotContext>) => lockKeys(update as BotContext);

  it("are the user's and the chat's, once each, and none for an update with neither", () => {
    expect(keysOf({ from: { id: 7 } as never, chat: { id: -100 } as never })).toEqual([
      "7",
      "-100",
    ]);
    expect(keysOf({ from: { id: 7 } as never, chat: { id: 7 } as never })).toEqual(["7"]);
    expect(keysOf({ from: { id: 7 } as never })).toEqual(["7"]);
    expect(keysOf({ chat: { id: -100 } as never })).toEqual(["-100"]);
    expect(keysOf({})).toEqual([]);
  });

  it("are a message's sender chat's, for an anonymous admin or a channel, not the shared account's", () => {
    const anonymous = { id: 1087968824, is_bot: true, first_name: "Group" };
    const message = { sender_chat: { id: -100 }, from: anonymous, chat: { id: -100 } };
    expect(keysOf({ message, from: anonymous, chat: message.chat } as never)).toEqual(["-100"]);
  });
});
