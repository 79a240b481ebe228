import { InlineKeyboard } from "grammy";
import type { Category, Entry, KnowledgeBase, OutOfScopeTopic } from "../kb/schema.js";
import type { Language } from "../text/language.js";
import { encodeAction, type Flow } from "./callback-data.js";
import { escapeHtml } from "./html.js";

/** A message the bot sends or edits: HTML text and its buttons. */
export interface View {
  text: string;
  keyboard: InlineKeyboard;
}

export type Translate = (key: string, variables?: Record<string, string | number>) => string;

const LANGUAGE_NAMES: Record<Language, string> = {
  "zh-Hans": "简体中文",
  "zh-Hant": "繁體中文（香港）",
  en: "English",
};

export interface AnswerViewOptions {
  /**
   * The bot's username, where flows cannot run (groups): the flow button then opens the private
   * chat with the flow's start payload instead of starting the flow in place.
   */
  linkFlowsTo?: string;
  /** Inside a flow, whose questions go on: no button to start a flow. */
  inFlow?: boolean;
}

/** Where an answer comes from, as its reader names it: the article's title and section. */
function sourceLine(kb: KnowledgeBase, entry: Entry, language: Language, t: Translate): string {
  // The loader refuses an entry whose source sources.yaml does not name.
  const article = kb.sources.get(entry.source.article);
  const section = article?.sections.get(entry.source.section);
  return t("answer-source", {
    article: article?.title[language] ?? "",
    section: section?.[language] ?? "",
  });
}

/** An entry's answer with its source, the questions a user asks next, and 👍 / 👎. */
export function answerView(
  kb: KnowledgeBase,
  entry: Entry,
  language: Language,
  t: Translate,
  { linkFlowsTo, inFlow = false }: AnswerViewOptions = {},
): View {
  const text = [
    `<b>${escapeHtml(entry.title[language])}</b>`,
    "",
    escapeHtml(entry.answer[language]),
    "",
    `<i>${escapeHtml(sourceLine(kb, entry, language, t))}</i>`,
  ].join("\n");
  const keyboard = new InlineKeyboard();
  for (const id of entry.related) {
    const related = kb.entryById.get(id);
    if (related)
      keyboard.text(related.title[language], encodeAction({ kind: "ask", entryId: id })).row();
  }
  const flow = inFlow ? undefined : flowFor(entry);
  if (flow) {
    const label = t(`button-${flow}`);
    if (linkFlowsTo) keyboard.url(label, privateChatLink(linkFlowsTo, flow)).row();
    else keyboard.text(label, encodeAction({ kind: "go", flow })).row();
  }
  keyboard
    .text("👍", encodeAction({ kind: "rate", entryId: entry.id, helpful: true }))
    .text("👎", encodeAction({ kind: "rate", entryId: entry.id, helpful: false }));
  return { text, keyboard };
}

/** The guided flow a reader of this entry may want next. */
function flowFor(entry: Entry): Flow | undefined {
  if (entry.category === "sharing") return "share";
  if (entry.category === "monitoring") return "monitor";
  return undefined;
}

/** What only a private chat holds, and a group is pointed to: the flows and the user's tracker. */
export type PrivateOnly = Flow | "usage" | "used";

/** Opens the private chat with the bot; with a payload, Telegram sends `/start <payload>` there. */
export function privateChatLink(bot: string, payload?: string): string {
  return payload ? `https://t.me/${bot}?start=${payload}` : `https://t.me/${bot}`;
}

/**
 * In a group, for a flow or the tracker: one line on where it happens, and the way there; the
 * payload carries what was asked for (`used_2p3gb` for "/used 2.3GB").
 */
export function privateOnlyView(
  what: PrivateOnly,
  bot: string,
  t: Translate,
  payload: string = what,
): View {
  return {
    text: escapeHtml(t(`group-private-${what}`)),
    keyboard: new InlineKeyboard().url(t("button-private-chat"), privateChatLink(bot, payload)),
  };
}

/**
 * "/used 2.3GB", "/used +300MB", "/used 500" as a start payload (`used_2p3gb`, `used_more_300mb`,
 * `used_500`), in the letters, digits and _ that Telegram allows there.
 */
export function usedPayload(amount: string): string | undefined {
  const figure = amount
    .trim()
    .toLowerCase()
    .match(/^(\+)?\s*(\d+(?:\.\d+)?)\s*(gb|g|mb|m)?$/);
  if (!figure) return undefined;
  return `used_${figure[1] ? "more_" : ""}${figure[2]?.replace(".", "p")}${figure[3] ?? ""}`;
}

/** The report a `used_…` payload carries: "2.3gb", "+300mb", "500". */
export function amountOfPayload(payload: string): string | undefined {
  const figure = payload.match(/^used_(more_)?(\d+(?:p\d+)?)(gb|g|mb|m)?$/);
  if (!figure) return undefined;
  return `${figure[1] ? "+" : ""}${figure[2]?.replace("p", ".")}${figure[3] ?? ""}`;
}

/** /help and /start in a group: the ways to ask there, and the way into the private chat. */
export function groupHelpView(bot: string, t: Translate): View {
  return {
    text: t("group-help", { bot }),
    keyboard: new InlineKeyboard().url(t("button-private-chat"), privateChatLink(bot)),
  };
}

/**
 * "Did you mean": the suggestions by title, or the one suggestion named in the question with its
 * answer a tap away. Not answered outright: on the dev sets a lone suggestion is right only 17–65 %
 * of the time, so answering it with a "not what you meant?" button would often be a wrong answer.
 */
export function suggestView(suggestions: Entry[], language: Language, t: Translate): View {
  const keyboard = new InlineKeyboard();
  const [only] = suggestions;
  if (suggestions.length === 1 && only) {
    keyboard.text(t("button-show-answer"), encodeAction({ kind: "ask", entryId: only.id })).row();
    keyboard.text(t("button-all-topics"), encodeAction({ kind: "menu" }));
    return { text: t("suggest-one", { title: escapeHtml(only.title[language]) }), keyboard };
  }
  for (const entry of suggestions) {
    keyboard.text(entry.title[language], encodeAction({ kind: "ask", entryId: entry.id })).row();
  }
  keyboard.text(t("button-all-topics"), encodeAction({ kind: "menu" }));
  return { text: escapeHtml(t("suggest-title")), keyboard };
}

/** The honest "I don't know": a declined topic's own reply, or the general one; then the topics. */
export function noneView(
  kb: KnowledgeBase,
  outOfScope: OutOfScopeTopic | undefined,
  language: Language,
  t: Translate,
): View {
  const text = outOfScope ? escapeHtml(outOfScope.reply[language]) : escapeHtml(t("none-answer"));
  return { text, keyboard: categoryButtons(kb.categories, language) };
}

export function topicsView(kb: KnowledgeBase, language: Language, t: Translate): View {
  return { text: t("topics-title"), keyboard: categoryButtons(kb.categories, language) };
}

export function categoryView(
  kb: KnowledgeBase,
  category: Category,
  language: Language,
  t: Translate,
): View {
  const keyboard = new InlineKeyboard();
  for (const entry of kb.entries.filter((e) => e.category === category.id)) {
    keyboard.text(entry.title[language], encodeAction({ kind: "show", entryId: entry.id })).row();
  }
  keyboard.text(t("button-back"), encodeAction({ kind: "menu" }));
  return {
    text: t("topics-category", { category: escapeHtml(category.title[language]) }),
    keyboard,
  };
}

/** An answer inside the topic menu: 👍 / 👎, and back to its category instead of related questions. */
export function menuAnswerView(
  kb: KnowledgeBase,
  entry: Entry,
  language: Language,
  t: Translate,
): View {
  const { text } = answerView(kb, entry, language, t);
  const keyboard = new InlineKeyboard()
    .text("👍", encodeAction({ kind: "rate", entryId: entry.id, helpful: true }))
    .text("👎", encodeAction({ kind: "rate", entryId: entry.id, helpful: false }))
    .row()
    .text(t("button-back"), encodeAction({ kind: "menu", categoryId: entry.category }));
  return { text, keyboard };
}

export function welcomeView(samples: Entry[], language: Language, t: Translate): View {
  const keyboard = new InlineKeyboard()
    .text(t("button-topics"), encodeAction({ kind: "menu" }))
    .row()
    .text(t("button-share"), encodeAction({ kind: "go", flow: "share" }))
    .row()
    .text(t("button-monitor"), encodeAction({ kind: "go", flow: "monitor" }))
    .row();
  for (const entry of samples) {
    keyboard.text(entry.title[language], encodeAction({ kind: "ask", entryId: entry.id })).row();
  }
  return { text: `${t("welcome")}\n\n${t("welcome-samples")}`, keyboard };
}

export function languageView(t: Translate): View {
  const keyboard = new InlineKeyboard();
  for (const [language, name] of Object.entries(LANGUAGE_NAMES) as [Language, string][]) {
    keyboard.text(name, encodeAction({ kind: "lang", language })).row();
  }
  return { text: escapeHtml(t("language-choose")), keyboard };
}

function categoryButtons(categories: Category[], language: Language): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const category of categories) {
    keyboard
      .text(category.title[language], encodeAction({ kind: "menu", categoryId: category.id }))
      .row();
  }
  return keyboard;
}
