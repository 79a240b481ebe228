import { Composer } from "grammy";
import { decodeAction } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { sendView } from "../reply.js";
import { languageView } from "../views.js";

/** /language: a choice that outlasts the script of any one message. */
export const languageFeature = new Composer<BotContext>();

languageFeature.command("language", (ctx) => sendView(ctx, languageView(ctx.t.bind(ctx))));

languageFeature.on("callback_query:data", async (ctx, next) => {
  const action = decodeAction(ctx.callbackQuery.data);
  if (action?.kind !== "lang") return next();
  // Stored whatever becomes of the messages below: the session is written even if they fail.
  ctx.session.language = action.language;
  ctx.language = action.language;
  ctx.i18n.useLocale(action.language);
  await ctx.editMessageText(ctx.t("language-set")).catch(() => ctx.reply(ctx.t("language-set")));
});
