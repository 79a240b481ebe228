import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import type { BotContext, BotDeps } from "../bot/context.js";

/** Telegram's updates are small; anything near this is not one. */
const MAX_BODY_BYTES = 1024 * 1024;
/** Telegram waits about a minute before it counts a webhook call as failed and sends it again. */
const ANSWER_WITHIN_MS = 50_000;

export interface WebhookServerOptions {
  bot: Bot<BotContext>;
  deps: BotDeps;
  /** The path Telegram posts to, from WEBHOOK_URL. */
  path: string;
  /** Telegram sends it in X-Telegram-Bot-Api-Secret-Token; requests without it are refused. */
  secret: string;
  /** How long an update may take before it is acknowledged anyway; ANSWER_WITHIN_MS by default. */
  answerWithinMs?: number;
}

export interface WebhookServer {
  server: Server;
  /** Stops accepting, waits for the updates in flight, and resolves when they are done. */
  close(): Promise<void>;
}

/**
 * The webhook endpoint, /healthz and /metrics on node's own HTTP server. Bad requests get a 4xx
 * and touch nothing; an update is acknowledged once handled (or after ANSWER_WITHIN_MS, while
 * its handling goes on), so an acknowledged update's effects are stored, and refused with a 500
 * when they could not be, so that Telegram sends it again. The acknowledgement
 * carries the update's answer when the bot allows it (see canUseWebhookReply).
 */
export function createWebhookServer(options: WebhookServerOptions): WebhookServer {
  const { bot, deps, path, answerWithinMs = ANSWER_WITHIN_MS } = options;
  const secret = Buffer.from(options.secret);
  const inFlight = new Set<Promise<unknown>>();

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname === "/healthz" && request.method === "GET") return health(response);
    if (url.pathname === "/metrics" && request.method === "GET") {
      response.writeHead(200, { "content-type": deps.metrics.registry.contentType });
      return response.end(await deps.metrics.registry.metrics());
    }
    if (url.pathname !== path) return reply(response, 404, "not found");
    if (request.method !== "POST") return reply(response, 405, "method not allowed");
    if (!hasSecret(request)) return reply(response, 401, "unauthorized");
    const body = await readBody(request);
    if (body === undefined) return reply(response, 413, "too large");
    let update: Update;
    try {
      update = JSON.parse(body.toString("utf8")) as Update;
    } catch {
      return reply(response, 400, "malformed JSON");
    }
    if (typeof update !== "object" || update === null || typeof update.update_id !== "number") {
      return reply(response, 400, "not an update");
    }
    // The answer may ride back in this response (a "webhook reply"), saving a request to
    // Telegram; it is still sent only once the update is handled and its effects stored.
    let webhookReply: string | undefined;
    let answered = false;
    const envelope = {
      send: async (payload: string) => {
        if (!answered) webhookReply = payload;
        else await sendLate(payload);
      },
    };
    // Errors inside the bot stop at its error boundary; one that gets here (the database failed
    // to take the chat's lock or to store what the update wrote) means Telegram should send the
    // update again.
    let failed = false;
    const handling = bot.handleUpdate(update, envelope).catch((error: unknown) => {
      failed = true;
      deps.metrics.errors.inc({ kind: "other" });
      deps.logger.error({ err: error, update_id: update.update_id }, "webhook update failed");
    });
    inFlight.add(handling);
    void handling.finally(() => inFlight.delete(handling));
    await Promise.race([
      handling,
      new Promise((resolve) => setTimeout(resolve, answerWithinMs).unref()),
    ]);
    answered = true;
    if (failed) return reply(response, 500, "update failed");
    if (webhookReply === undefined) return reply(response, 200, "ok");
    response.writeHead(200, { "content-type": "application/json" });
    response.end(webhookReply);
  };

  /** A webhook reply made after the response went out (a slow update) is sent as a request. */
  const sendLate = async (payload: string) => {
    const { method, ...parameters } = JSON.parse(payload) as { method: string };
    await bot.api.raw[method as "sendMessage"](parameters as never);
  };

  const hasSecret = (request: IncomingMessage) => {
    const given = Buffer.from(String(request.headers["x-telegram-bot-api-secret-token"] ?? ""));
    return given.length === secret.length && timingSafeEqual(given, secret);
  };

  const health = async (response: ServerResponse) => {
    let database = true;
    try {
      await deps.storage.ping();
    } catch {
      database = false;
    }
    const entries = deps.knowledge().kb.entries.length;
    const healthy = database && entries > 0;
    response.writeHead(healthy ? 200 : 503, { "content-type": "application/json" });
    response.end(JSON.stringify({ status: healthy ? "ok" : "unhealthy", database, entries }));
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      deps.logger.error({ err: error }, "webhook request failed");
      if (!response.headersSent) reply(response, 500, "error");
    });
  });

  return {
    server,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all(inFlight);
    },
  };
}

function reply(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { "content-type": "text/plain" });
  response.end(text);
}

/** The request body, or undefined once it passes MAX_BODY_BYTES (the rest is not read). */
async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const declared = Number(request.headers["content-length"] ?? 0);
  if (declared > MAX_BODY_BYTES) {
    request.resume();
    return undefined;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      request.resume();
      return undefined;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
