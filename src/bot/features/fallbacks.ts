import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { expired } from "../reply.js";

/** A command no feature knows (or may not reveal, like /stats): help, not a search for "/stats". */
export const unknownCommandFeature = new Composer<BotContext>();
unknownCommandFeature
  .chatType("private")
  .on("message::bot_command")
  .filter((ctx) => ctx.msg.entities?.[0]?.offset === 0)
  .use((ctx) => ctx.reply(ctx.t("help"), { parse_mode: "HTML" }));

/** What no feature took: stickers, photos and the like, and buttons from nowhere. */
export const fallbacksFeature = new Composer<BotContext>();
fallbacksFeature.chatType("private").on("message", (ctx) => ctx.reply(ctx.t("non-text")));
fallbacksFeature.on("callback_query", (ctx) => expired(ctx));
