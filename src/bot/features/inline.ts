import { Composer, InlineKeyboard } from "grammy";
import type { InlineQueryResultArticle } from "grammy/types";
import type { Entry } from "../../kb/schema.js";
import type { BotContext } from "../context.js";
import { truncate } from "../html.js";
import { answerView } from "../views.js";

const MAX_RESULTS = 10;
/** Seconds Telegram may reuse results; per user, since each gets their own language. */
const CACHE_SECONDS = 300;

/** `@bot question` in any chat: answers to pick from, each with a way into the bot. */
export const inlineFeature = new Composer<BotContext>();

inlineFeature.on("inline_query", async (ctx) => {
  const { kb, matcher } = ctx.deps.knowledge();
  const query = ctx.inlineQuery.query.trim();
  let entries: Entry[];
  if (query === "") {
    const mostAsked = await ctx.deps.storage.mostAsked(MAX_RESULTS);
    entries = [...mostAsked.flatMap((id) => kb.entryById.get(id) ?? []), ...kb.entries]
      .filter((entry, index, all) => all.indexOf(entry) === index)
      .slice(0, MAX_RESULTS);
  } else {
    const result = matcher.match(query);
    ctx.decision = result.decision;
    entries =
      result.decision === "answer"
        ? [result.entry]
        : result.decision === "suggest"
          ? result.suggestions
          : [];
  }
  const t = ctx.t.bind(ctx);
  const results: InlineQueryResultArticle[] = entries.map((entry) => {
    const view = answerView(kb, entry, ctx.language, t);
    return {
      type: "article",
      id: entry.id,
      title: entry.title[ctx.language],
      description: truncate(entry.answer[ctx.language].replace(/\s+/g, " "), 100),
      input_message_content: {
        message_text: view.text,
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
      },
      reply_markup: new InlineKeyboard().url(
        t("inline-read-more"),
        `https://t.me/${ctx.me.username}?start=faq_${entry.id}`,
      ),
    };
  });
  await ctx.answerInlineQuery(results, {
    cache_time: CACHE_SECONDS,
    is_personal: true,
    ...(results.length === 0
      ? { button: { text: t("inline-no-match-description"), start_parameter: "inline" } }
      : {}),
  });
});

/**
 * Buttons on a message sent in inline mode come with no chat to answer in (ours carry links, so
 * such a tap is forged or from an older release): it opens the chat with the bot instead.
 */
export const inlineMessageButtonsFeature = new Composer<BotContext>();

inlineMessageButtonsFeature
  .on("callback_query")
  .filter((ctx) => ctx.chat === undefined)
  .use((ctx) =>
    ctx.answerCallbackQuery({
      text: ctx.t("inline-button-open-bot"),
      url: `https://t.me/${ctx.me.username}?start=inline`,
    }),
  );
