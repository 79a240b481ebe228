import type { Context } from "grammy";
import type { SessionData } from "../storage/storage.js";
import type { Language } from "../text/language.js";
import { languageOfText } from "../text/language.js";

/** Telegram's language_code (IETF tags from the user's app) to one of ours. */
export function languageOfCode(code: string | undefined): Language | undefined {
  if (!code) return undefined;
  const tag = code.toLowerCase();
  if (/^zh-(hant|hk|tw|mo)/.test(tag)) return "zh-Hant";
  if (tag.startsWith("zh")) return "zh-Hans";
  if (tag.startsWith("en")) return "en";
  return undefined;
}

/**
 * The language to answer in: the one chosen with /language, else the script of the message
 * itself (a Traditional question gets a Traditional answer, a button the language of its
 * message), else the script of the user's last message, else the user's app language.
 */
export function negotiateLanguage(ctx: Context, session: SessionData | undefined): Language {
  const written = languageOfText(textOf(ctx).replace(COMMAND, "").replace(AMOUNT, ""));
  // Remembered, so that a command or a sticker after a Chinese question is answered in Chinese.
  if (session && written && session.lastLanguage !== written) session.lastLanguage = written;
  return (
    session?.language ??
    written ??
    session?.lastLanguage ??
    languageOfCode(ctx.from?.language_code) ??
    "en"
  );
}

/**
 * A leading /command (and @botname), and a /start payload (`share`, `faq_…`) from a deep link:
 * Latin by nature, so they say nothing of the user's language.
 */
const COMMAND = /^\/start(@\w+)?(\s+\S+)?$|^\/\w+(@\w+)?/;
/** Amounts of data ("2.3GB", "500 mb") are written in Latin letters in every language. */
const AMOUNT = /[+＋]?[\d０-９.]+\s*(gb|mb|g|m)\b/giu;

function textOf(ctx: Context): string {
  // A button press reads the script of the message the button sits under.
  return (
    ctx.message?.text ??
    ctx.editedMessage?.text ??
    ctx.inlineQuery?.query ??
    // Its first line: an English answer cites its Chinese source further down.
    ctx.callbackQuery?.message?.text?.split("\n")[0] ??
    ""
  );
}
