import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { answerQuestion } from "../question-reply.js";
import { sendView } from "../reply.js";
import { groupHelpView, type PrivateOnly, privateOnlyView, usedPayload } from "../views.js";

/**
 * In groups the bot speaks only when spoken to: /faq <question>, a mention, or a reply to one of
 * its own messages. With privacy mode on (the default), Telegram sends it nothing else anyway.
 * Every command also works as /command@botname; one addressed to another bot is not ours.
 */
export const groupsFeature = new Composer<BotContext>();
const groups = groupsFeature.chatType(["group", "supergroup"]);

groups.command("faq", async (ctx) => {
  const question = ctx.match.trim();
  if (question) await answerQuestion(ctx, question);
  else
    await ctx.reply(ctx.t("faq-usage"), { reply_parameters: { message_id: ctx.msg.message_id } });
});

/** Flows and the tracker are one person's business: a group gets a way into the private chat. */
const PRIVATE_ONLY: [string[], PrivateOnly][] = [
  [["share"], "share"],
  [["monitor"], "monitor"],
  [["usage", "used", "tracker"], "usage"],
];
for (const [commands, what] of PRIVATE_ONLY) {
  groups.command(commands, (ctx) => {
    // "/used 2.3GB": the figure goes along, so that it is recorded once the chat opens; the
    // group hears that nothing was recorded yet.
    const payload = ctx.msg.text.startsWith("/used") ? usedPayload(ctx.match) : undefined;
    const shown = payload ? "used" : what;
    return sendView(ctx, privateOnlyView(shown, ctx.me.username, ctx.t.bind(ctx), payload));
  });
}

groups.command(["help", "start"], (ctx) => sendGroupHelp(ctx));

groups.on("message:text", async (ctx) => {
  const command = ctx.msg.entities?.find((e) => e.type === "bot_command" && e.offset === 0);
  if (command) {
    // A command is never a question. One of ours no group handler knows gets the group help;
    // a bare one may be meant for another bot in the group, so it gets nothing.
    const target = ctx.msg.text.slice(1, command.length).split("@")[1];
    if (target?.toLowerCase() === ctx.me.username.toLowerCase()) await sendGroupHelp(ctx);
    return;
  }
  const mention = `@${ctx.me.username}`.toLowerCase();
  const mentioned = ctx.msg.text.toLowerCase().includes(mention);
  const repliesToBot = ctx.msg.reply_to_message?.from?.id === ctx.me.id;
  if (!mentioned && !repliesToBot) return;
  const question = ctx.msg.text.replace(new RegExp(escapeRegExp(mention), "gi"), " ").trim();
  if (question) await answerQuestion(ctx, question);
});

function sendGroupHelp(ctx: BotContext): Promise<void> {
  return sendView(ctx, groupHelpView(ctx.me.username, ctx.t.bind(ctx)));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
