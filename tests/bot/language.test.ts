import { Api, Context } from "grammy";
import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { languageOfCode, negotiateLanguage } from "../../src/bot/language.js";
import { OFFLINE_BOT } from "../../src/offline/fake-telegram.js";
import type { SessionData } from "../../src/storage/storage.js";

const FROM = { id: 7, is_bot: false, first_name: "Ann" };
const CHAT = { id: 7, type: "private" as const, first_name: "Ann" };

function contextOf(update: Omit<Update, "update_id">): Context {
  return new Context({ update_id: 1, ...update }, new Api("0:test"), OFFLINE_BOT);
}

const message = (text: string, languageCode?: string) =>
  contextOf({
    message: {
      message_id: 1,
      date: 0,
      chat: CHAT,
      from: { ...FROM, ...(languageCode ? { language_code: languageCode } : {}) },
      text,
    },
  });

describe("languageOfCode", () => {
  it.each([
    ["zh-hk", "zh-Hant"],
    ["zh-TW", "zh-Hant"],
    ["zh-Hant-HK", "zh-Hant"],
    ["zh-hans", "zh-Hans"],
    ["zh", "zh-Hans"],
    ["en-GB", "en"],
    ["fr", undefined],
    [undefined, undefined],
  ])("maps %s to %s", (code, language) => {
    expect(languageOfCode(code)).toBe(language);
  });
});

describe("negotiateLanguage", () => {
  it("answers in the language chosen with /language, whatever the message is written in", () => {
    expect(negotiateLanguage(message("how do I share data"), { language: "zh-Hant" })).toBe(
      "zh-Hant",
    );
  });

  it("else in the script of the message, and remembers it", () => {
    const session: SessionData = {};
    expect(negotiateLanguage(message("流量怎么共享", "en"), session)).toBe("zh-Hans");
    expect(session.lastLanguage).toBe("zh-Hans");
  });

  it("reads neither a command nor an amount of data as English", () => {
    const session: SessionData = { lastLanguage: "zh-Hant" };
    expect(negotiateLanguage(message("/usage"), session)).toBe("zh-Hant");
    expect(negotiateLanguage(message("/start share"), session)).toBe("zh-Hant");
    expect(negotiateLanguage(message("2.5GB"), session)).toBe("zh-Hant");
    expect(negotiateLanguage(message("用咗 2.5GB"), {})).toBe("zh-Hant");
  });

  it("else the app's language, else English", () => {
    expect(negotiateLanguage(message("👍", "zh-hk"), {})).toBe("zh-Hant");
    expect(negotiateLanguage(message("👍", "de"), {})).toBe("en");
    expect(negotiateLanguage(message("👍"), undefined)).toBe("en");
  });

  it("reads a button press by the first line of the message it sits under", () => {
    const tap = contextOf({
      callback_query: {
        id: "1",
        from: FROM,
        chat_instance: "1",
        data: "menu",
        message: { message_id: 2, date: 0, chat: CHAT, text: "可以共享數據嗎？\nSource: …" },
      },
    });
    expect(negotiateLanguage(tap, {})).toBe("zh-Hant");
  });
});
