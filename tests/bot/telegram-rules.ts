import { MAX_CALLBACK_BYTES } from "../../src/bot/callback-data.js";
import { MAX_MESSAGE_CHARS } from "../../src/bot/html.js";
import type { ApiCall, ApiFailure, ApiOverride } from "../../src/offline/fake-telegram.js";

/** Telegram accepts HTML with these tags only, properly nested; entities must be escaped. */
export function isValidTelegramHtml(html: string): boolean {
  const open: string[] = [];
  for (const [, closing, name] of html.matchAll(/<(\/?)([a-z-]+)[^>]*>/g)) {
    if (!["b", "i", "u", "s", "a", "code", "pre", "tg-spoiler", "blockquote"].includes(name ?? ""))
      return false;
    if (closing) {
      if (open.pop() !== name) return false;
    } else {
      open.push(name ?? "");
    }
  }
  const bareAmpersand = /&(?!(amp|lt|gt|quot);)/.test(html);
  return open.length === 0 && !bareAmpersand && !/<(?![a-z/])/.test(html);
}

const MAX_CAPTION_CHARS = 1024;
const MAX_CALLBACK_ANSWER_CHARS = 200;

/** What Telegram would refuse in a call the bot made, each reason said plainly; none when it is fine. */
export function ruleBreaks({ method, payload }: ApiCall): string[] {
  const html = payload.parse_mode === "HTML";
  const breaks = buttonBreaks(payload.reply_markup);
  const checkText = (text: unknown, max: number, what: string, asHtml = html) => {
    const value = String(text ?? "");
    if (value.trim() === "") breaks.push(`${method}: empty ${what}`);
    if (value.length > max) breaks.push(`${method}: ${what} over ${max} chars`);
    if (asHtml && !isValidTelegramHtml(value)) breaks.push(`${method}: ${what} is invalid HTML`);
  };
  switch (method) {
    case "sendMessage":
    case "editMessageText":
      checkText(payload.text, MAX_MESSAGE_CHARS, "text");
      break;
    case "sendPhoto":
      if (payload.caption !== undefined) checkText(payload.caption, MAX_CAPTION_CHARS, "caption");
      break;
    case "answerCallbackQuery":
      if (String(payload.text ?? "").length > MAX_CALLBACK_ANSWER_CHARS)
        breaks.push(`${method}: text over ${MAX_CALLBACK_ANSWER_CHARS} chars`);
      break;
    case "answerInlineQuery":
      for (const result of (payload.results ?? []) as InlineResult[]) {
        const content = result.input_message_content;
        if (content)
          checkText(
            content.message_text,
            MAX_MESSAGE_CHARS,
            "result text",
            content.parse_mode === "HTML",
          );
        breaks.push(...buttonBreaks(result.reply_markup));
      }
      break;
  }
  return breaks;
}

interface InlineResult {
  input_message_content?: { message_text?: string; parse_mode?: string };
  reply_markup?: unknown;
}

/** Telegram refuses a keyboard whose buttons carry no data or more than 64 bytes of it. */
function buttonBreaks(markup: unknown): string[] {
  const rows = (markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined)
    ?.inline_keyboard;
  return (rows ?? [])
    .flat()
    .flatMap(({ callback_data: data }) =>
      data !== undefined && (data === "" || Buffer.byteLength(data) > MAX_CALLBACK_BYTES)
        ? [`button data of ${Buffer.byteLength(data)} bytes`]
        : [],
    );
}

/**
 * What Telegram refuses that the fake, on its own, lets through: an edit of a message that is
 * not there (never sent, or sent to another chat), of a photo's text, or to exactly what it
 * already shows; a second answer to one callback query; any message to a chat that blocked or
 * removed the bot. For `FakeTelegram.override`; `setMember` follows the my_chat_member updates.
 */
export function strictTelegram(): {
  override: ApiOverride;
  setMember(chatId: number, member: boolean): void;
  isMember(chatId: number): boolean;
} {
  /** What each message the bot sent shows, by chat and id: its text or caption, and buttons. */
  const shown = new Map<string, { photo: boolean; text: string; markup: string }>();
  const answered = new Set<unknown>();
  const gone = new Set<number>();
  /** The call before this one: the fake has answered it by now, so its result is known. */
  let previous: ApiCall | undefined;
  const keyOf = (payload: Record<string, unknown>, messageId: unknown) =>
    `${payload.chat_id}:${messageId}`;
  // Buttons alone, as Telegram compares them: no keyboard and an empty one are the same.
  const markupOf = (payload: Record<string, unknown>) => {
    const rows = (payload.reply_markup as { inline_keyboard?: unknown[] } | undefined)
      ?.inline_keyboard;
    return rows?.length ? JSON.stringify(rows) : "";
  };
  const absorb = ({ method, payload, result }: ApiCall) => {
    if (result === undefined) return;
    const messageId = (result as { message_id?: number }).message_id;
    if (method === "sendMessage" || method === "sendPhoto") {
      shown.set(keyOf(payload, messageId), {
        photo: method === "sendPhoto",
        text: String(payload.text ?? payload.caption ?? ""),
        markup: markupOf(payload),
      });
    } else if (method.startsWith("editMessage") && payload.inline_message_id === undefined) {
      const key = keyOf(payload, payload.message_id);
      const before = shown.get(key);
      if (!before) return;
      const edited = method === "editMessageText" || method === "editMessageCaption";
      shown.set(key, {
        ...before,
        ...(edited ? { text: String(payload.text ?? payload.caption ?? "") } : {}),
        markup: markupOf(payload),
      });
    } else if (method === "answerCallbackQuery") {
      answered.add(payload.callback_query_id);
    }
  };
  const refuse = (description: string, error_code = 400): ApiFailure => ({
    error_code,
    description,
  });

  const override: ApiOverride = (call) => {
    if (previous) absorb(previous);
    previous = call;
    const { method, payload } = call;
    if (method === "answerCallbackQuery" && answered.has(payload.callback_query_id)) {
      return refuse(
        "Bad Request: query is too old and response timeout expired or query ID is invalid",
      );
    }
    const chatId = Number(payload.chat_id);
    if (gone.has(chatId)) {
      const why = chatId > 0 ? "bot was blocked by the user" : "bot was kicked from the group chat";
      return refuse(`Forbidden: ${why}`, 403);
    }
    if (!method.startsWith("editMessage") || payload.inline_message_id !== undefined) {
      return undefined;
    }
    const before = shown.get(keyOf(payload, payload.message_id));
    if (!before) return refuse("Bad Request: message to edit not found");
    if (method === "editMessageText" && before.photo) {
      return refuse("Bad Request: there is no text in the message to edit");
    }
    const text = String(payload.text ?? payload.caption ?? before.text);
    const changesText = method !== "editMessageReplyMarkup" && text !== before.text;
    if (!changesText && markupOf(payload) === before.markup) {
      return refuse(
        "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
      );
    }
    return undefined;
  };
  return {
    override,
    setMember: (chatId, member) => {
      if (member) gone.delete(chatId);
      else gone.add(chatId);
    },
    isMember: (chatId) => !gone.has(chatId),
  };
}
