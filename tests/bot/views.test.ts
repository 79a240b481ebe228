import type { InlineKeyboard } from "grammy";
import { beforeAll, describe, expect, it } from "vitest";
import { type Action, decodeAction } from "../../src/bot/callback-data.js";
import { escapeHtml } from "../../src/bot/html.js";
import {
  amountOfPayload,
  answerView,
  categoryView,
  groupHelpView,
  languageView,
  menuAnswerView,
  noneView,
  privateChatLink,
  privateOnlyView,
  suggestView,
  topicsView,
  usedPayload,
  welcomeView,
} from "../../src/bot/views.js";
import type { Entry, KnowledgeBase } from "../../src/kb/schema.js";
import { LANGUAGES } from "../../src/text/language.js";
import { shippedKnowledgeBase, translate } from "../helpers.js";

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await shippedKnowledgeBase();
});
const entry = (id: string): Entry => {
  const found = kb.entryById.get(id);
  if (!found) throw new Error(`no entry ${id} in the shipped knowledge base`);
  return found;
};

/** A keyboard's buttons, row by row, each as its label and what it does. */
function rowsOf(keyboard: InlineKeyboard) {
  return keyboard.inline_keyboard
    .map((row) =>
      row.map((button) => ({
        text: button.text,
        ...("callback_data" in button ? { action: decodeOrFail(button.callback_data) } : {}),
        ...("url" in button ? { url: button.url } : {}),
      })),
    )
    .filter((row) => row.length > 0);
}
const buttonsOf = (keyboard: InlineKeyboard) => rowsOf(keyboard).flat();

/** Every button a view makes decodes back: data that did not would be a dead button. */
function decodeOrFail(data: string | undefined): Action {
  const action = decodeAction(data ?? "");
  if (!action) throw new Error(`button data "${data}" does not decode`);
  return action;
}

describe("answerView", () => {
  for (const language of LANGUAGES) {
    it(`shows the title, the answer and the source line in ${language}`, () => {
      const hotspot = entry("sharing-hotspot");
      const { text } = answerView(kb, hotspot, language, translate(language));
      const article = kb.sources.get(hotspot.source.article);
      const section = article?.sections.get(hotspot.source.section)?.[language];
      const [title, blank, ...rest] = text.split("\n");
      expect(title).toBe(`<b>${escapeHtml(hotspot.title[language])}</b>`);
      expect(blank).toBe("");
      expect(rest.join("\n")).toContain(escapeHtml(hotspot.answer[language]));
      expect(text.endsWith(`${escapeHtml(article?.title[language] ?? "")} · ${section}</i>`)).toBe(
        true,
      );
      expect(text).toContain(
        `<i>${{ en: "Source: ", "zh-Hans": "来源：", "zh-Hant": "來源：" }[language]}`,
      );
    });
  }

  it("offers the related questions by their titles, the entry's flow, then 👍 and 👎", () => {
    const hotspot = entry("sharing-hotspot");
    const buttons = buttonsOf(answerView(kb, hotspot, "en", translate("en")).keyboard);
    expect(buttons).toEqual([
      ...hotspot.related.map((id) => ({
        text: entry(id).title.en,
        action: { kind: "ask", entryId: id },
      })),
      { text: "🧭 Choose a sharing workaround", action: { kind: "go", flow: "share" } },
      { text: "👍", action: { kind: "rate", entryId: "sharing-hotspot", helpful: true } },
      { text: "👎", action: { kind: "rate", entryId: "sharing-hotspot", helpful: false } },
    ]);
  });

  it("offers /monitor under monitoring answers and no flow under the others", () => {
    const flows = (id: string) =>
      buttonsOf(answerView(kb, entry(id), "zh-Hant", translate("zh-Hant")).keyboard).filter(
        (button) => button.action?.kind === "go",
      );
    expect(flows("monitoring-sms")).toEqual([
      { text: "📊 設定數據用量監察", action: { kind: "go", flow: "monitor" } },
    ]);
    expect(flows("plan-adjust")).toEqual([]);
  });

  it("links the flow to the private chat in a group, and leaves it out inside a flow", () => {
    const hotspot = entry("sharing-hotspot");
    const inGroup = buttonsOf(
      answerView(kb, hotspot, "en", translate("en"), { linkFlowsTo: "hk_bot" }).keyboard,
    );
    expect(inGroup).toContainEqual({
      text: "🧭 Choose a sharing workaround",
      url: "https://t.me/hk_bot?start=share",
    });
    expect(inGroup.some((button) => button.action?.kind === "go")).toBe(false);
    const inFlow = buttonsOf(
      answerView(kb, hotspot, "en", translate("en"), { inFlow: true }).keyboard,
    );
    expect(inFlow.some((button) => button.action?.kind === "go" || button.url)).toBe(false);
    expect(inFlow.at(-1)?.text).toBe("👎");
  });
});

describe("the topic menu", () => {
  it("lists the categories in order, each opening its questions", () => {
    const view = topicsView(kb, "zh-Hans", translate("zh-Hans"));
    expect(view.text).toBe("<b>话题</b>：请选择。");
    expect(rowsOf(view.keyboard)).toEqual(
      kb.categories.map((category) => [
        { text: category.title["zh-Hans"], action: { kind: "menu", categoryId: category.id } },
      ]),
    );
    expect(buttonsOf(view.keyboard).map((button) => button.text)).toEqual([
      "香港流量卡",
      "家庭共享",
      "流量监控",
      "套餐与购买",
    ]);
  });

  it("shows a category's questions, each shown in place, and a way back to the menu", () => {
    const sharing = kb.categories.find((category) => category.id === "sharing");
    if (!sharing) throw new Error("no sharing category");
    const view = categoryView(kb, sharing, "en", translate("en"));
    expect(view.text).toBe("<b>Family sharing</b>: pick a question.");
    const buttons = buttonsOf(view.keyboard);
    expect(buttons.slice(0, -1)).toEqual(
      kb.entries
        .filter((candidate) => candidate.category === "sharing")
        .map((candidate) => ({
          text: candidate.title.en,
          action: { kind: "show", entryId: candidate.id },
        })),
    );
    expect(buttons.at(-1)).toEqual({ text: "⬅️ Back", action: { kind: "menu" } });
  });

  it("answers inside the menu with 👍 / 👎 and a way back to the entry's category", () => {
    const hotspot = entry("sharing-hotspot");
    const view = menuAnswerView(kb, hotspot, "zh-Hant", translate("zh-Hant"));
    expect(view.text).toBe(answerView(kb, hotspot, "zh-Hant", translate("zh-Hant")).text);
    expect(rowsOf(view.keyboard)).toEqual([
      [
        { text: "👍", action: { kind: "rate", entryId: "sharing-hotspot", helpful: true } },
        { text: "👎", action: { kind: "rate", entryId: "sharing-hotspot", helpful: false } },
      ],
      [{ text: "⬅️ 返回", action: { kind: "menu", categoryId: "sharing" } }],
    ]);
  });
});

describe("suggestView and noneView", () => {
  it("offers the suggestions by title, then all topics", () => {
    const suggestions = [entry("sharing-hotspot"), entry("plan-adjust")];
    const view = suggestView(suggestions, "zh-Hant", translate("zh-Hant"));
    expect(view.text).toBe("我不太肯定你的意思，你是想問：");
    expect(buttonsOf(view.keyboard)).toEqual([
      { text: "可以開熱點給家人用嗎？", action: { kind: "ask", entryId: "sharing-hotspot" } },
      { text: suggestions[1]?.title["zh-Hant"], action: { kind: "ask", entryId: "plan-adjust" } },
      { text: "📚 全部話題", action: { kind: "menu" } },
    ]);
  });

  it("names a lone suggestion in the question, its answer one tap away", () => {
    for (const [language, text, yes] of [
      [
        "en",
        "Did you mean: <b>Can I share data through a hotspot?</b>",
        "✅ Yes, show me the answer",
      ],
      ["zh-Hant", "你是想問：<b>可以開熱點給家人用嗎？</b>", "✅ 是，查看答案"],
    ] as const) {
      const view = suggestView([entry("sharing-hotspot")], language, translate(language));
      expect(view.text).toBe(text);
      expect(buttonsOf(view.keyboard)).toEqual([
        { text: yes, action: { kind: "ask", entryId: "sharing-hotspot" } },
        { text: translate(language)("button-all-topics"), action: { kind: "menu" } },
      ]);
    }
  });

  it("says the general 'I don't know', or a declined topic's own reply, above the topics", () => {
    const general = noneView(kb, undefined, "en", translate("en"));
    expect(general.text).toMatch(/^I don't know that yet\./);
    const prices = kb.outOfScope.find((topic) => topic.id === "prices");
    const declined = noneView(kb, prices, "en", translate("en"));
    expect(declined.text).toBe(escapeHtml(prices?.reply.en ?? "missing"));
    expect(declined.text).toMatch(/^I can't quote prices/);
    for (const view of [general, declined])
      expect(buttonsOf(view.keyboard).map((button) => button.action)).toEqual(
        kb.categories.map((category) => ({ kind: "menu", categoryId: category.id })),
      );
  });
});

describe("welcomeView", () => {
  for (const [language, greeting, share] of [
    ["en", "Hello!", "🧭 Choose a sharing workaround"],
    ["zh-Hans", "你好", "🧭 选共享方案"],
    ["zh-Hant", "你好", "🧭 選擇共享方案"],
  ] as const) {
    it(`greets in ${language}, with the topics, both flows and the sample questions`, () => {
      const samples = [entry("card-what-is"), entry("sharing-hotspot")];
      const view = welcomeView(samples, language, translate(language));
      expect(view.text).toContain(greeting);
      expect(view.text.endsWith(translate(language)("welcome-samples"))).toBe(true);
      const buttons = buttonsOf(view.keyboard);
      expect(buttons.map((button) => button.action)).toEqual([
        { kind: "menu" },
        { kind: "go", flow: "share" },
        { kind: "go", flow: "monitor" },
        { kind: "ask", entryId: "card-what-is" },
        { kind: "ask", entryId: "sharing-hotspot" },
      ]);
      expect(buttons[1]?.text).toBe(share);
      expect(buttons[4]?.text).toBe(entry("sharing-hotspot").title[language]);
    });
  }
});

describe("languageView", () => {
  it("names each language in itself, whatever the language asking", () => {
    for (const language of LANGUAGES) {
      const view = languageView(translate(language));
      expect(view.text).toBe(
        { en: "Choose a language:", "zh-Hans": "请选择语言：", "zh-Hant": "請選擇語言：" }[
          language
        ],
      );
      expect(buttonsOf(view.keyboard)).toEqual([
        { text: "简体中文", action: { kind: "lang", language: "zh-Hans" } },
        { text: "繁體中文（香港）", action: { kind: "lang", language: "zh-Hant" } },
        { text: "English", action: { kind: "lang", language: "en" } },
      ]);
    }
  });
});

describe("in a group: the way to the private chat", () => {
  it("links to the bot, with a start payload when there is one", () => {
    expect(privateChatLink("hk_bot")).toBe("https://t.me/hk_bot");
    expect(privateChatLink("hk_bot", "monitor")).toBe("https://t.me/hk_bot?start=monitor");
  });

  it("says where a flow or the tracker happens, in the reader's language, and links there", () => {
    const share = privateOnlyView("share", "hk_bot", translate("zh-Hans"));
    expect(share.text).toBe("选共享方案需要回答几个问题，我们去私聊里完成吧。");
    expect(buttonsOf(share.keyboard)).toEqual([
      { text: "💬 打开私聊", url: "https://t.me/hk_bot?start=share" },
    ]);
    const used = privateOnlyView("used", "hk_bot", translate("en"), "used_2p3gb");
    expect(used.text).toMatch(/^Your data tracker is just for you: tap below/);
    expect(buttonsOf(used.keyboard)).toEqual([
      { text: "💬 Open a private chat", url: "https://t.me/hk_bot?start=used_2p3gb" },
    ]);
  });

  it("explains how to ask in a group, naming the bot, with the way to the private chat", () => {
    const view = groupHelpView("hk_bot", translate("en"));
    expect(view.text).toContain("@hk_bot");
    expect(view.text).toContain("/faq");
    expect(buttonsOf(view.keyboard)).toEqual([
      { text: "💬 Open a private chat", url: "https://t.me/hk_bot" },
    ]);
    expect(groupHelpView("hk_bot", translate("zh-Hant")).text).toContain("/faq");
  });
});

describe("the /used start payload", () => {
  it("carries a figure in the letters Telegram allows, and reads back as typed", () => {
    for (const [typed, payload, back] of [
      ["2.3GB", "used_2p3gb", "2.3gb"],
      ["+300MB", "used_more_300mb", "+300mb"],
      ["500", "used_500", "500"],
      [" 1.5 g ", "used_1p5g", "1.5g"],
    ] as const) {
      expect(usedPayload(typed)).toBe(payload);
      expect(payload).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
      expect(amountOfPayload(payload)).toBe(back);
    }
  });

  it("refuses what is no figure, either way", () => {
    for (const typed of ["", "lots", "2.3TB", "-1GB", "2GB more"])
      expect(usedPayload(typed)).toBeUndefined();
    for (const payload of ["used_", "used_2.3gb", "usage", "used_2p3tb", "faq_sharing"])
      expect(amountOfPayload(payload)).toBeUndefined();
  });
});
