import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { answerQuestion } from "./answer.js";

/**
 * In groups the bot speaks only when spoken to: /faq <question>, a mention, or a reply to one of
 * its own messages. With privacy mode on (the default), Telegram sends it nothing else anyway.
 */
export const groupsFeature = new Composer<BotContext>();
const groups = groupsFeature.chatType(["group", "supergroup"]);

groups.command("faq", async (ctx) => {
  const question = ctx.match.trim();
  if (question) await answerQuestion(ctx, question);
  else
    await ctx.reply(ctx.t("faq-usage"), { reply_parameters: { message_id: ctx.msg.message_id } });
});

groups.on("message:text", async (ctx) => {
  const mention = `@${ctx.me.username}`.toLowerCase();
  const mentioned = ctx.msg.text.toLowerCase().includes(mention);
  const repliesToBot = ctx.msg.reply_to_message?.from?.id === ctx.me.id;
  if (!mentioned && !repliesToBot) return;
  const question = ctx.msg.text.replace(new RegExp(escapeRegExp(mention), "gi"), " ").trim();
  if (question) await answerQuestion(ctx, question);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
