import type { AddressInfo } from "node:net";
import { Bot } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BotContext } from "../../src/bot/context.js";
import { FakeTelegram } from "../../src/offline/fake-telegram.js";
import { createWebhookServer, type WebhookServer } from "../../src/server/webhook-server.js";
import { type Harness, startHarness } from "../bot/harness.js";

const SECRET = "s3cret-token-for-tests";
let harness: Harness;
let webhook: WebhookServer;
let base: string;

beforeEach(async () => {
  harness = await startHarness();
  webhook = createWebhookServer({
    bot: harness.app.bot,
    deps: harness.app.deps,
    path: "/telegram",
    secret: SECRET,
  });
  await new Promise<void>((resolve) => webhook.server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(webhook.server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  await webhook.close();
});

const update = (updateId: number, text: string) => ({
  update_id: updateId,
  message: {
    message_id: updateId,
    date: 1,
    chat: { id: 300, type: "private", first_name: "W" },
    from: { id: 300, is_bot: false, first_name: "W", language_code: "en" },
    text,
  },
});

const post = (
  body: string,
  headers: Record<string, string> = { "x-telegram-bot-api-secret-token": SECRET },
) =>
  fetch(`${base}/telegram`, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...headers },
  });

describe("the webhook server", () => {
  it("handles an update that carries the secret, and acknowledges it with the answer once handled", async () => {
    const response = await post(JSON.stringify(update(1, "is there free wifi in hong kong")));
    expect(response.status).toBe(200);
    // The answer rides back in the acknowledgement, a "webhook reply": no request of its own.
    const answer = (await response.json()) as Record<string, unknown>;
    expect(answer).toMatchObject({ method: "sendMessage", chat_id: 300, parse_mode: "HTML" });
    expect(String(answer.text)).toContain("Wi-Fi");
    expect(harness.telegram.calls.filter((call) => call.method === "sendMessage")).toEqual([]);
  });

  it("sends as requests the calls whose results the bot reads, such as the feedback prompt", async () => {
    const rating = {
      update_id: 10,
      callback_query: {
        id: "cb-1",
        chat_instance: "ci",
        from: { id: 300, is_bot: false, first_name: "W", language_code: "en" },
        message: {
          message_id: 5,
          date: 1,
          chat: { id: 300, type: "private", first_name: "W" },
          text: "an answer",
        },
        data: "rate:public-wifi:down",
      },
    };
    const response = await post(JSON.stringify(rating));
    expect(await response.text()).toBe("ok");
    const prompt = harness.telegram.calls.find((call) => call.method === "sendMessage");
    expect(prompt?.payload.reply_markup).toMatchObject({ force_reply: true });
  });

  it("answers 500 when what an update did could not be stored, so that Telegram sends it again", async () => {
    const storage = harness.app.deps.storage;
    const withLocks = storage.withLocks;
    storage.withLocks = async (keys, work) => {
      await withLocks(keys, work);
      throw new Error("the database went away");
    };
    const body = JSON.stringify(update(7, "is there free wifi in hong kong"));
    expect((await post(body)).status).toBe(500);
    storage.withLocks = withLocks;
    const retried = await post(body);
    expect(retried.status).toBe(200);
    expect(String(((await retried.json()) as { text?: string }).text)).toContain("Wi-Fi");
  });

  it("refuses a missing or wrong secret with 401, and handles nothing", async () => {
    expect((await post(JSON.stringify(update(2, "hi")), {})).status).toBe(401);
    expect(
      (await post(JSON.stringify(update(3, "hi")), { "x-telegram-bot-api-secret-token": "nope" }))
        .status,
    ).toBe(401);
    expect(harness.telegram.calls).toEqual([]);
  });

  it("answers malformed JSON, other methods, other paths and huge bodies with a 4xx, and keeps serving", async () => {
    expect((await post("{not json")).status).toBe(400);
    expect((await post(JSON.stringify({ hello: "world" }))).status).toBe(400);
    expect((await fetch(`${base}/telegram`)).status).toBe(405);
    expect((await fetch(`${base}/elsewhere`, { method: "POST" })).status).toBe(404);
    expect((await post("x".repeat(2 * 1024 * 1024))).status).toBe(413);
    expect(harness.telegram.calls).toEqual([]);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it("reports health and Prometheus metrics without the secret and without user data", async () => {
    await post(JSON.stringify(update(4, "my private question about hotspots")));
    const health = await (await fetch(`${base}/healthz`)).json();
    expect(health).toMatchObject({ status: "ok", database: true, entries: 24 });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/bot_updates_total\{type="message"\} 1/);
    expect(metrics).toMatch(/bot_decisions_total\{decision="\w+"\} 1/);
    expect(metrics).toContain("bot_update_duration_seconds_bucket");
    expect(metrics).not.toContain("private question");
  });

  it("reports unhealthy when the database does not answer", async () => {
    await harness.app.close();
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "unhealthy", database: false });
  });
});

describe("a webhook reply to an update slower than the acknowledgement", () => {
  it("is sent as a request of its own, not lost", async () => {
    const telegram = new FakeTelegram();
    const bot = new Bot<BotContext>("1:test", {
      botInfo: telegram.botInfo,
      client: { fetch: telegram.fetch, canUseWebhookReply: () => true },
    });
    // The handler goes on only once the acknowledgement has been sent.
    let acknowledged = () => {};
    const afterAcknowledgement = new Promise<void>((resolve) => {
      acknowledged = resolve;
    });
    bot.on("message", async (ctx) => {
      await afterAcknowledgement;
      await ctx.reply("late, but here");
    });
    const slow = createWebhookServer({
      bot,
      deps: harness.app.deps,
      path: "/telegram",
      secret: SECRET,
      answerWithinMs: 10,
    });
    await new Promise<void>((resolve) => slow.server.listen(0, "127.0.0.1", resolve));
    const port = (slow.server.address() as AddressInfo).port;
    const response = await fetch(`http://127.0.0.1:${port}/telegram`, {
      method: "POST",
      body: JSON.stringify(update(20, "hello")),
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
    });
    expect(await response.text()).toBe("ok");
    expect(telegram.calls.filter((call) => call.method === "sendMessage")).toEqual([]);
    acknowledged();
    await slow.close();
    const sent = telegram.calls.filter((call) => call.method === "sendMessage");
    expect(sent.map((call) => call.payload.text)).toEqual(["late, but here"]);
  });
});
