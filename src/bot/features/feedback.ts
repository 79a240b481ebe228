import { Composer } from "grammy";
import { decodeAction } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { expired } from "./topics.js";

/** 👍 / 👎 under answers, once per user and entry; after a 👎, an optional "what was missing?". */
export const feedbackFeature = new Composer<BotContext>();

feedbackFeature.on("callback_query:data", async (ctx, next) => {
  const action = decodeAction(ctx.callbackQuery.data);
  if (action?.kind !== "rate") return next();
  if (!ctx.deps.knowledge().kb.entryById.has(action.entryId)) return expired(ctx);
  const counted = await ctx.deps.storage.recordFeedback(
    ctx.from.id,
    action.entryId,
    action.helpful,
  );
  await ctx.answerCallbackQuery({ text: ctx.t(counted ? "feedback-thanks" : "feedback-already") });
  if (!counted || action.helpful || !ctx.chat) return;
  const prompt = await ctx.api.sendMessage(ctx.chat.id, ctx.t("feedback-ask-missing"), {
    reply_markup: { force_reply: true, selective: true },
  });
  ctx.session.feedbackPrompt = { messageId: prompt.message_id, entryId: action.entryId };
});

feedbackFeature.on("message:text", async (ctx, next) => {
  const prompt = ctx.session.feedbackPrompt;
  if (!prompt || ctx.message.reply_to_message?.message_id !== prompt.messageId) return next();
  await ctx.deps.storage.recordFeedbackComment(ctx.from.id, prompt.entryId, ctx.message.text);
  delete ctx.session.feedbackPrompt;
  await ctx.reply(ctx.t("feedback-comment-thanks"));
});
