import type { Chat, InlineKeyboardButton, Message, Update, User } from "grammy/types";
import type { ApiCall, FakeTelegram } from "./fake-telegram.js";

/** A message the bot has on screen: what it last sent or edited it to. */
export interface ShownMessage {
  messageId: number;
  text: string;
  buttons: InlineKeyboardButton[][];
}

/**
 * A person talking to the bot through a FakeTelegram: sends messages, presses buttons, types
 * inline queries, and reads what the bot did in return. Each action is one update, handled to
 * the end before it resolves.
 */
export class OfflineUser {
  readonly user: User;
  readonly chat: Chat;
  /** The bot's messages in this chat, by message id, as last edited. */
  readonly shown = new Map<number, ShownMessage>();

  constructor(
    private readonly bot: { handleUpdate(update: Update): Promise<void> },
    private readonly telegram: FakeTelegram,
    user: Partial<User> & { id: number },
    chat?: Chat,
  ) {
    this.user = { is_bot: false, first_name: "Test", ...user };
    this.chat = chat ?? { id: this.user.id, type: "private", first_name: this.user.first_name };
  }

  /** Sends text; returns the API calls the bot made while handling it. */
  send(text: string, extra: Partial<Message> = {}): Promise<ApiCall[]> {
    const entities = text.startsWith("/")
      ? [{ type: "bot_command" as const, offset: 0, length: text.split(/\s/)[0]?.length ?? 1 }]
      : undefined;
    return this.#handle({
      message: { ...this.#message(), text, ...(entities ? { entities } : {}), ...extra },
    });
  }

  /** Sends any other kind of message: a sticker, a photo, a location. */
  sendOther(content: Partial<Message>): Promise<ApiCall[]> {
    return this.#handle({ message: { ...this.#message(), ...content } });
  }

  /** Edits a message sent before: Telegram sends the new text as an edited_message. */
  edit(messageId: number, text: string): Promise<ApiCall[]> {
    return this.#handle({
      edited_message: { ...this.#message(messageId), text, edit_date: now() },
    });
  }

  /** Presses the button whose label contains `label` (or raw data), on the newest message showing it. */
  press(label: string): Promise<ApiCall[]> {
    const found = this.findButton(label);
    if (!found) throw new Error(`no button "${label}" on screen`);
    return this.pressData(found.message.messageId, found.data);
  }

  /** Presses a button with the given data on a message: also how forged data is sent. */
  pressData(messageId: number, data: string): Promise<ApiCall[]> {
    const shown = this.shown.get(messageId);
    return this.#handle({
      callback_query: {
        id: String(this.telegram.nextUpdateId()),
        from: this.user,
        chat_instance: String(this.chat.id),
        data,
        message: {
          message_id: messageId,
          date: now(),
          chat: this.chat,
          from: {
            id: this.telegram.botInfo.id,
            is_bot: true,
            first_name: this.telegram.botInfo.first_name,
          },
          text: shown?.text ?? "",
        },
      },
    });
  }

  inline(query: string): Promise<ApiCall[]> {
    return this.#handle({
      inline_query: {
        id: String(this.telegram.nextUpdateId()),
        from: this.user,
        query,
        offset: "",
      },
    });
  }

  /** The newest bot message with a callback button whose label (or data) contains `label`. */
  findButton(label: string): { message: ShownMessage; data: string } | undefined {
    for (const message of [...this.shown.values()].reverse()) {
      for (const button of message.buttons.flat()) {
        if (
          "callback_data" in button &&
          (button.text.includes(label) || button.callback_data === label)
        ) {
          return { message, data: button.callback_data };
        }
      }
    }
    return undefined;
  }

  /** The newest message the bot showed. */
  get lastShown(): ShownMessage | undefined {
    return [...this.shown.values()].at(-1);
  }

  /** Updates are built loosely, as tests need odd ones, and handed over as Telegram's type. */
  async #handle(partial: Record<string, unknown>): Promise<ApiCall[]> {
    const before = this.telegram.calls.length;
    const update = { update_id: this.telegram.nextUpdateId(), ...partial } as unknown as Update;
    await this.bot.handleUpdate(update);
    const calls = this.telegram.calls.slice(before);
    for (const call of calls) this.#remember(call);
    return calls;
  }

  #remember({ method, payload, result }: ApiCall): void {
    if (!["sendMessage", "editMessageText", "sendPhoto"].includes(method)) return;
    if (Number(payload.chat_id) !== this.chat.id) return;
    const messageId = (result as { message_id?: number } | undefined)?.message_id;
    if (messageId === undefined) return;
    const keyboard = (
      payload.reply_markup as { inline_keyboard?: InlineKeyboardButton[][] } | undefined
    )?.inline_keyboard;
    // An edit moves the message to the bottom of the list, as the newest thing on screen.
    this.shown.delete(messageId);
    this.shown.set(messageId, {
      messageId,
      text: String(payload.text ?? payload.caption ?? ""),
      buttons: keyboard ?? [],
    });
  }

  #message(messageId?: number) {
    return {
      message_id: messageId ?? this.telegram.nextMessageId(),
      date: now(),
      chat: this.chat,
      from: this.user,
    };
  }
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}
