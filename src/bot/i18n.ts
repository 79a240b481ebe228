import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";
import type { BotContext } from "./context.js";

/**
 * The bot's translations, built once by the app and handed to the bot, the command menu and the
 * scheduler: loading the Fluent files and negotiating locales is the same work each time.
 */
export function createI18n(): I18n<BotContext> {
  return new I18n<BotContext>({
    defaultLocale: "en",
    directory: fileURLToPath(new URL("./locales", import.meta.url)),
    // Fluent would wrap every variable in invisible Unicode isolation marks: noise in a chat.
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => ctx.language,
  });
}
