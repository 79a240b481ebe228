import { Composer } from "grammy";
import type { Message } from "grammy/types";
import type { SessionData } from "../../storage/storage.js";
import { LANGUAGES } from "../../text/language.js";
import { decodeAction } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { owe } from "../outbox.js";
import { expired } from "../reply.js";

/** 👍 / 👎 under answers, once per user and entry; after a 👎, an optional "what was missing?". */
export const feedbackFeature = new Composer<BotContext>();

feedbackFeature.on("callback_query:data", async (ctx, next) => {
  const action = decodeAction(ctx.callbackQuery.data);
  if (action?.kind !== "rate") return next();
  if (!ctx.deps.knowledge().kb.entryById.has(action.entryId)) return expired(ctx);
  const userId = ctx.callbackQuery.from.id;
  const counted = await ctx.deps.storage.recordFeedback(
    userId,
    action.entryId,
    action.helpful,
    ctx.deps.clock.now(),
  );
  await ctx.answerCallbackQuery({ text: ctx.t(counted ? "feedback-thanks" : "feedback-already") });
  if (!counted || action.helpful || !ctx.chat) return;
  // Owed, not merely sent: a prompt whose send fails goes out later, and a reply to it counts.
  ctx.session.feedbackPrompt = { entryId: action.entryId };
  const [sent] = await owe(ctx.api, ctx.deps, [
    {
      key: `feedback-prompt:${userId}:${action.entryId}`,
      chatId: ctx.chat.id,
      userId,
      kind: "feedback-prompt",
      text: ctx.t("feedback-ask-missing"),
      options: { reply_markup: { force_reply: true, selective: true } },
      dueAt: ctx.deps.clock.now(),
    },
  ]);
  // Sent now, it is known by its id; sent later by the scheduler, by its words.
  if (sent) ctx.session.feedbackPrompt = { entryId: action.entryId, messageId: sent.messageId };
});

/**
 * Whether a message is the user's prompt: the one sent, when its id is known, else one of the
 * bot's prompts, in whichever language it went out.
 */
function isPrompt(
  ctx: BotContext,
  prompt: NonNullable<SessionData["feedbackPrompt"]>,
  message: Message | undefined,
): boolean {
  if (message?.from?.id !== ctx.me.id) return false;
  if (prompt.messageId !== undefined) return message.message_id === prompt.messageId;
  const { text } = message;
  return LANGUAGES.some((language) => ctx.deps.i18n.t(language, "feedback-ask-missing") === text);
}

feedbackFeature.on("message:text", async (ctx, next) => {
  // No sender, no session: nobody's prompt to answer.
  if (!ctx.from) return next();
  const prompt = ctx.session.feedbackPrompt;
  if (!prompt || !isPrompt(ctx, prompt, ctx.message.reply_to_message)) return next();
  await ctx.deps.storage.recordFeedbackComment(ctx.from.id, prompt.entryId, ctx.message.text);
  delete ctx.session.feedbackPrompt;
  await ctx.reply(ctx.t("feedback-comment-thanks"));
});
