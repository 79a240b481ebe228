// npm start: the bot on Telegram, with long polling, or webhooks when WEBHOOK_URL is set.
// Configuration: .env.example.
import { existsSync } from "node:fs";
import { run } from "@grammyjs/runner";
import { createApp } from "../app.js";
import { createScheduler } from "../bot/scheduler.js";
import { describeFailure, isTelegramFailure } from "../bot/telegram-fetch.js";
import { loadConfig } from "../config.js";
import { registerCommands } from "../create-bot.js";
import { createLogger } from "../logger.js";
import { createWebhookServer } from "../server/webhook-server.js";
import { startOrExit } from "./load-or-exit.js";

/** The update types the bot handles; Telegram sends no others. */
const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "inline_query"] as const;

// .env is optional: the environment itself may carry the configuration.
if (existsSync(".env")) process.loadEnvFile(".env");

const config = await startOrExit(() => loadConfig(process.env, { requireToken: true }));
const logger = createLogger(config.logLevel);
// The bot never starts on a knowledge base it cannot read: fix it, `npm run kb:check` helps.
const app = await startOrExit(() => createApp({ config, logger }));
const { bot } = app;

// Say where the bot is going before it goes: an unreachable Telegram otherwise looks like a hang.
const telegram = config.apiRoot ?? "https://api.telegram.org";
logger.info({ telegram }, "connecting to Telegram");
try {
  // One getMe through the retrying client (grammY's own init would retry it forever, silently);
  // a supervisor (systemd's Restart=on-failure) starts the bot again.
  bot.botInfo = await bot.api.getMe();
} catch (error) {
  const reason = isTelegramFailure(error) ? describeFailure(error) : { error: String(error) };
  logger.fatal({ telegram, ...reason }, "cannot start: Telegram did not answer");
  await app.close();
  process.exit(1);
}
logger.info({ bot: bot.botInfo.username }, "connected to Telegram");
// In the background: the menu is a nicety, and a server that lacks the method must not delay answers.
void registerCommands(bot, app.deps);
app.watchKnowledge();
const scheduler = createScheduler(bot, app.deps);
scheduler.start(config.schedulerIntervalMs);

let stopReceiving: () => Promise<void>;
const { webhook } = config;
if (webhook) {
  const server = createWebhookServer({
    bot,
    deps: app.deps,
    path: new URL(webhook.url).pathname,
    secret: webhook.secret,
  });
  await new Promise<void>((resolve) => server.server.listen(webhook.port, resolve));
  if (webhook.register) {
    await bot.api.setWebhook(webhook.url, {
      secret_token: webhook.secret,
      allowed_updates: [...ALLOWED_UPDATES],
    });
  }
  stopReceiving = () => server.close();
  logger.info({ bot: bot.botInfo.username, port: webhook.port }, "serving webhooks");
} else {
  const runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
  stopReceiving = () => runner.stop();
  logger.info({ bot: bot.botInfo.username }, "polling");
}

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "stopping");
  scheduler.stop();
  // Stop taking updates, finish the ones in flight, then close the database.
  await stopReceiving();
  await app.close();
  process.exit(0);
};
process.once("SIGINT", () => void stop("SIGINT"));
process.once("SIGTERM", () => void stop("SIGTERM"));
