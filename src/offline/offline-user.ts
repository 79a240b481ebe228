import type {
  CallbackQuery,
  Chat,
  ChatMember,
  InlineKeyboardButton,
  Message,
  Update,
  User,
} from "grammy/types";
import type { ApiCall, FakeTelegram } from "./fake-telegram.js";

/** A message the bot has on screen: what it last sent or edited it to. */
export interface ShownMessage {
  messageId: number;
  text: string;
  buttons: InlineKeyboardButton[][];
}

/** Telegram's stand-in `from` for a group's anonymous admins, whose messages the group signs. */
export const ANONYMOUS_ADMIN: User = {
  id: 1087968824,
  is_bot: true,
  first_name: "Group",
  username: "GroupAnonymousBot",
};

/** Telegram's stand-in `from` for messages a channel sends into a group. */
export const CHANNEL_BOT: User = {
  id: 136817688,
  is_bot: true,
  first_name: "Channel",
  username: "Channel_Bot",
};

/**
 * Messages sent on behalf of a chat: a channel's, or the group's own for an anonymous admin.
 * Telegram sets `sender_chat`, and `from` to a stand-in bot, or leaves `from` out.
 */
export interface Signature {
  senderChat: Chat;
  withoutFrom?: boolean;
}

/** What a chat member can be, as the fuzzed updates change it: in, out, or banned. */
export type MemberStatus = "member" | "left" | "kicked";

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
  /** The ids of the messages this user sent, oldest first: what `edit` takes. */
  readonly sent: number[] = [];
  #botStatus: MemberStatus = "member";

  constructor(
    private readonly bot: { handleUpdate(update: Update): Promise<void> },
    private readonly telegram: FakeTelegram,
    user: Partial<User> & { id: number },
    chat?: Chat,
    private readonly signature?: Signature,
  ) {
    this.user = { is_bot: false, first_name: "Test", ...user };
    this.chat = chat ?? { id: this.user.id, type: "private", first_name: this.user.first_name };
  }

  /** Sends text; returns the API calls the bot made while handling it. */
  send(text: string, extra: Partial<Message> = {}): Promise<ApiCall[]> {
    const entities = text.startsWith("/")
      ? [{ type: "bot_command" as const, offset: 0, length: text.split(/\s/)[0]?.length ?? 1 }]
      : undefined;
    return this.sendOther({ text, ...(entities ? { entities } : {}), ...extra });
  }

  /** Sends any other kind of message: a sticker, a photo, a location. */
  sendOther(content: Partial<Message>): Promise<ApiCall[]> {
    const message = { ...this.#message(), ...content };
    this.sent.push(message.message_id);
    // A channel's messages reach the bot as posts.
    return this.#handle(this.chat.type === "channel" ? { channel_post: message } : { message });
  }

  /** Replies to one of the bot's messages, as a group member does to ask it something. */
  replyTo(messageId: number, text: string): Promise<ApiCall[]> {
    return this.send(text, { reply_to_message: this.#botMessage(messageId) as never });
  }

  /** Edits a message sent before: Telegram sends the new text as an edited_message. */
  edit(messageId: number, text: string): Promise<ApiCall[]> {
    const edited = { ...this.#message(messageId), text, edit_date: now() };
    return this.#handle(
      this.chat.type === "channel" ? { edited_channel_post: edited } : { edited_message: edited },
    );
  }

  /** Presses the button whose label contains `label` (or raw data), on the newest message showing it. */
  press(label: string): Promise<ApiCall[]> {
    const found = this.findButton(label);
    if (!found) throw new Error(`no button "${label}" on screen`);
    return this.pressData(found.message.messageId, found.data);
  }

  /**
   * Presses a button with the given data on a message: also how forged data is sent. Under a
   * message too old for Telegram to include (`inaccessible`), the query names only its chat and
   * id, with date 0.
   */
  pressData(messageId: number, data: string, { inaccessible = false } = {}): Promise<ApiCall[]> {
    const message = inaccessible
      ? { chat: this.chat, message_id: messageId, date: 0 }
      : this.#botMessage(messageId);
    return this.#callback({ data, message });
  }

  /** Presses a game's button on a message: a callback query with no data. */
  pressGame(messageId: number, gameShortName: string): Promise<ApiCall[]> {
    return this.#callback({
      game_short_name: gameShortName,
      message: this.#botMessage(messageId),
    });
  }

  /**
   * Presses a button under a message sent in inline mode: Telegram names the message by an
   * inline id and gives no message or chat. Without data, it is a game's button.
   */
  pressInline(inlineMessageId: string, data?: string): Promise<ApiCall[]> {
    return this.#callback({
      inline_message_id: inlineMessageId,
      ...(data === undefined ? { game_short_name: "game" } : { data }),
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

  /**
   * Changes what the bot is in this chat: a user blocks it ("kicked") or unblocks it ("member");
   * in a group, this user removes it or adds it back.
   */
  setBotStatus(status: MemberStatus): Promise<ApiCall[]> {
    const old = this.#botStatus;
    this.#botStatus = status;
    const bot: User = {
      id: this.telegram.botInfo.id,
      is_bot: true,
      first_name: this.telegram.botInfo.first_name,
      username: this.telegram.botInfo.username,
    };
    return this.#handle({ my_chat_member: this.#memberUpdate(bot, old, status) });
  }

  /** A member of this group joins, leaves or is banned: what bots that are admins hear of. */
  setMemberStatus(member: User, from: MemberStatus, to: MemberStatus): Promise<ApiCall[]> {
    return this.#handle({ chat_member: this.#memberUpdate(member, from, to) });
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

  #callback(content: Partial<CallbackQuery>): Promise<ApiCall[]> {
    return this.#handle({
      callback_query: {
        id: String(this.telegram.nextUpdateId()),
        from: this.user,
        chat_instance: String(this.chat.id),
        ...content,
      },
    });
  }

  #memberUpdate(member: User, from: MemberStatus, to: MemberStatus) {
    const status = (status: MemberStatus): ChatMember =>
      status === "kicked" ? { status, user: member, until_date: 0 } : { status, user: member };
    return {
      chat: this.chat,
      from: this.user,
      date: now(),
      old_chat_member: status(from),
      new_chat_member: status(to),
    };
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
    // What Telegram refused never reached the screen.
    if (result === undefined || Number(payload.chat_id) !== this.chat.id) return;
    const keyboard = (
      payload.reply_markup as { inline_keyboard?: InlineKeyboardButton[][] } | undefined
    )?.inline_keyboard;
    // A keyboard edited alone leaves the text; sent without one, it takes the buttons off.
    if (method === "editMessageReplyMarkup") {
      const shown = this.shown.get(Number(payload.message_id));
      if (shown) shown.buttons = keyboard ?? [];
      return;
    }
    if (!["sendMessage", "editMessageText", "sendPhoto"].includes(method)) return;
    const messageId = (result as { message_id?: number } | undefined)?.message_id;
    if (messageId === undefined) return;
    // An edit moves the message to the bottom of the list, as the newest thing on screen.
    this.shown.delete(messageId);
    this.shown.set(messageId, {
      messageId,
      text: String(payload.text ?? payload.caption ?? ""),
      buttons: keyboard ?? [],
    });
  }

  /** A message the user sends (or sent, to edit), signed as Telegram would sign it. */
  #message(messageId?: number) {
    const { senderChat, withoutFrom } = this.signature ?? {};
    return {
      message_id: messageId ?? this.telegram.nextMessageId(),
      date: now(),
      chat: this.chat,
      ...(withoutFrom ? {} : { from: this.user }),
      ...(senderChat ? { sender_chat: senderChat } : {}),
    };
  }

  /** One of the bot's messages in this chat, as an update quotes it. */
  #botMessage(messageId: number) {
    return {
      message_id: messageId,
      date: now(),
      chat: this.chat,
      from: {
        id: this.telegram.botInfo.id,
        is_bot: true,
        first_name: this.telegram.botInfo.first_name,
      },
      text: this.shown.get(messageId)?.text ?? "",
    };
  }
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}
