import { join } from "node:path";
import type { Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { BotContext, BotDeps, Knowledge } from "./bot/context.js";
import { createBot } from "./bot/create-bot.js";
import type { Config } from "./config.js";
import { knowledgeDir } from "./entry/knowledge-dir.js";
import { formatProblem, loadKnowledgeBase } from "./kb/load.js";
import type { Logger } from "./logger.js";
import { createMatcher } from "./matching/matcher.js";
import { createMetrics } from "./metrics.js";
import { openSqliteStorage } from "./storage/sqlite.js";

export interface App {
  bot: Bot<BotContext>;
  deps: BotDeps;
  close(): Promise<void>;
}

export interface AppOptions {
  config: Config;
  logger: Logger;
  /** ":memory:" keeps nothing on disk (the terminal chat); default: DATA_DIR/bot.sqlite. */
  databaseFile?: string;
  fetch?: typeof fetch;
  botInfo?: UserFromGetMe;
}

export class KnowledgeBaseError extends Error {}

/** Loads the knowledge base and opens the storage, then builds the bot on them. */
export async function createApp(options: AppOptions): Promise<App> {
  const { config, logger } = options;
  const knowledge = await loadKnowledge(config.knowledgeDir ?? knowledgeDir());
  const storage = openSqliteStorage(options.databaseFile ?? join(config.dataDir, "bot.sqlite"));
  const deps: BotDeps = {
    knowledge: () => knowledge,
    storage,
    logger,
    metrics: createMetrics(),
    adminIds: config.adminIds,
  };
  const bot = createBot(deps, {
    ...(config.botToken ? { token: config.botToken } : {}),
    ...(config.apiRoot ? { apiRoot: config.apiRoot } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  return { bot, deps, close: () => storage.close() };
}

export async function loadKnowledge(dir: string): Promise<Knowledge> {
  const result = await loadKnowledgeBase(dir);
  if (!result.ok) {
    throw new KnowledgeBaseError(
      `${result.problems.length} problem(s) in the knowledge base:\n${result.problems.map(formatProblem).join("\n")}`,
    );
  }
  return { kb: result.kb, matcher: createMatcher(result.kb) };
}
