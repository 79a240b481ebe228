import type { UserFromGetMe } from "grammy/types";
import { sleep } from "../clock.js";

/** One Bot API call the bot made, as Telegram would have received it. */
export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
  /** What the fake Telegram answered, when it succeeded. */
  result?: unknown;
}

/** A Bot API error to answer a call with, as Telegram would: 429, 403, 400 … */
export interface ApiFailure {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number };
}

/**
 * Decides a call's result: a Bot API error, a result, a network failure (the call never reached
 * Telegram), or an answer after a delay; `undefined` falls through to the default behaviour.
 */
export type ApiOverride = (call: ApiCall) => ApiOutcome | undefined;
export type ApiOutcome =
  | ApiFailure
  | { result: unknown }
  | { unreachable: true }
  | { delayMs: number; then?: ApiOutcome };

export const OFFLINE_BOT: UserFromGetMe = {
  id: 1_000_000_001,
  is_bot: true,
  first_name: "港卡助手",
  username: "hk_sim_faq_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

/**
 * Telegram's Bot API, faked in process: grammY's `client.fetch` points here, so every call the bot
 * makes (through `bot.api`, `ctx`, or a conversation) is recorded and answered like Telegram
 * would, with no network. The terminal chat and the tests both talk to the bot through it.
 */
export class FakeTelegram {
  readonly calls: ApiCall[] = [];
  readonly botInfo = OFFLINE_BOT;
  override: ApiOverride | undefined;
  #nextMessageId = 1;
  #nextUpdateId = 1;

  /** For `client.fetch`. */
  readonly fetch: typeof fetch = async (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const method = url.slice(url.lastIndexOf("/") + 1);
    const payload = await readPayload(init?.body, new Headers(init?.headers).get("content-type"));
    const call: ApiCall = { method, payload };
    this.calls.push(call);
    let outcome = this.override?.(call);
    while (outcome && "delayMs" in outcome) {
      await sleep(outcome.delayMs, init?.signal ?? undefined);
      outcome = outcome.then;
    }
    if (outcome && "unreachable" in outcome) throw new TypeError("fetch failed");
    outcome ??= { result: this.#defaultResult(call) };
    if ("result" in outcome) call.result = outcome.result;
    const body =
      "result" in outcome ? { ok: true, result: outcome.result } : { ok: false, ...outcome };
    const status = "result" in outcome ? 200 : outcome.error_code;
    // What grammY reads of a response, and no more: a full Response costs more than the bot's
    // own work on a short update, and would swamp what the bot benchmark measures.
    const json = JSON.stringify(body);
    return {
      ok: status === 200,
      status,
      json: async () => JSON.parse(json),
      text: async () => json,
    } as Response;
  };

  nextUpdateId(): number {
    return this.#nextUpdateId++;
  }

  nextMessageId(): number {
    return this.#nextMessageId++;
  }

  #defaultResult({ method, payload }: ApiCall): unknown {
    switch (method) {
      case "getMe":
        return this.botInfo;
      case "sendMessage":
      case "sendPhoto":
      case "sendDocument":
        return this.#message(payload, this.nextMessageId());
      case "editMessageText":
      case "editMessageReplyMarkup":
        return payload.inline_message_id
          ? true
          : this.#message(payload, Number(payload.message_id));
      default:
        return true;
    }
  }

  #message(payload: Record<string, unknown>, messageId: number) {
    const chatId = Number(payload.chat_id);
    return {
      message_id: messageId,
      date: Math.floor(Date.now() / 1000),
      chat:
        chatId < 0
          ? { id: chatId, type: "supergroup", title: "group" }
          : { id: chatId, type: "private", first_name: "user" },
      from: {
        id: this.botInfo.id,
        is_bot: true,
        first_name: this.botInfo.first_name,
        username: this.botInfo.username,
      },
      ...(typeof payload.text === "string" ? { text: payload.text } : {}),
      ...(typeof payload.caption === "string" ? { caption: payload.caption } : {}),
      ...(payload.reply_markup ? { reply_markup: payload.reply_markup } : {}),
    };
  }
}

/**
 * grammY sends JSON, or multipart form data when a call carries a file: then the fields are read
 * as Telegram would read them, and a file as its bytes (the terminal chat saves pictures).
 */
async function readPayload(
  body: RequestInit["body"] | undefined,
  contentType: string | null,
): Promise<Record<string, unknown>> {
  if (body === undefined || body === null) return {};
  if (typeof body === "string") return JSON.parse(body) as Record<string, unknown>;
  const bytes = body instanceof Uint8Array ? Buffer.from(body) : await readStream(body);
  return readMultipart(bytes, contentType?.match(/boundary=(.+)$/)?.[1] ?? "");
}

async function readStream(body: unknown): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>)
    chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/**
 * The parts of a multipart body. grammY writes headers without spaces and file names unquoted,
 * which the platform's strict FormData parser refuses, so the parts are split here.
 */
function readMultipart(body: Buffer, boundary: string): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  const delimiter = Buffer.from(`--${boundary}`);
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    const next = body.indexOf(delimiter, at + delimiter.length);
    if (next === -1) break;
    const part = body.subarray(at + delimiter.length + 2, next - 2);
    const split = part.indexOf("\r\n\r\n");
    const headers = part.subarray(0, split).toString();
    const content = part.subarray(split + 4);
    const name = headers.match(/name="([^"]+)"/)?.[1];
    if (name !== undefined) {
      const text = content.toString();
      payload[name] = /filename=/.test(headers)
        ? new Uint8Array(content)
        : /^[[{]/.test(text)
          ? JSON.parse(text)
          : text;
    }
    at = next;
  }
  return payload;
}
