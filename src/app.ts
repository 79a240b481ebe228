import { createHash } from "node:crypto";
import { type FSWatcher, watch } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import type { Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { BotContext, BotDeps, ReloadResult } from "./bot/context.js";
import { MAX_MESSAGE_CHARS, truncate } from "./bot/html.js";
import { createI18n } from "./bot/i18n.js";
import { owe } from "./bot/outbox.js";
import { type Clock, systemClock } from "./clock.js";
import type { Config } from "./config.js";
import { type CreateBotOptions, createBot } from "./create-bot.js";
import { formatProblem } from "./kb/load.js";
import {
  loadKnowledgeBase,
  loadServedKnowledge,
  type ServedKnowledge,
  serveKnowledge,
} from "./knowledge.js";
import type { Logger } from "./logger.js";
import { createMetrics } from "./metrics.js";
import { openStorage } from "./storage/open.js";

export interface App {
  bot: Bot<BotContext>;
  deps: BotDeps;
  /**
   * Watches the knowledge folder and reloads on every change, until close; `onReloaded` hears
   * each outcome, after the admins were told of a refused edit.
   */
  watchKnowledge(onReloaded?: (result: ReloadResult) => void): void;
  close(): Promise<void>;
}

/** Edits come in bursts (an editor writes, renames, touches): reload once they settle. */
const RELOAD_SETTLE_MS = 300;

export interface AppOptions {
  config: Config;
  logger: Logger;
  /** A SQLite file, ":memory:" to keep nothing (the terminal chat); default: DATABASE_URL, else DATA_DIR/bot.sqlite. */
  databaseFile?: string;
  fetch?: typeof fetch;
  botInfo?: UserFromGetMe;
  retry?: CreateBotOptions["retry"];
  /** The time the bot goes by; tests set it. Default: the system clock. */
  clock?: Clock;
  /**
   * The knowledge base of `config.knowledgeDir`, loaded already (tests share one load among
   * their bots); reloads still read the folder.
   */
  knowledge?: ServedKnowledge;
}

/** Loads the knowledge base and opens the storage, then builds the bot on them. */
export async function createApp(options: AppOptions): Promise<App> {
  const { config, logger } = options;
  const dir = config.knowledgeDir;
  let knowledge = options.knowledge ?? (await loadServedKnowledge(dir));
  const storage = await openStorage({
    ...(config.databaseUrl && !options.databaseFile ? { databaseUrl: config.databaseUrl } : {}),
    sqliteFile: options.databaseFile ?? join(config.dataDir, "bot.sqlite"),
    logger,
  });

  /**
   * Loads the folder again and swaps knowledge base and matcher together. An invalid edit
   * keeps the old one serving; its problems are logged and sent to the admins.
   */
  const reloadKnowledge = async (): Promise<ReloadResult> => {
    const result = await loadKnowledgeBase(dir);
    if (!result.ok) {
      // Named from the folder (entries/sharing.yaml:3:1): what the admins edit, and the same
      // text on every instance, wherever its folder is.
      const problems = result.problems.map((problem) =>
        formatProblem({ ...problem, file: relative(dir, problem.file) }),
      );
      logger.error({ problems }, "knowledge base edit refused; the previous one keeps serving");
      return { ok: false, problems };
    }
    knowledge = serveKnowledge(result.kb);
    logger.info({ entries: result.kb.entries.length }, "knowledge base reloaded");
    return { ok: true, entries: result.kb.entries.length };
  };

  const deps: BotDeps = {
    knowledge: () => knowledge,
    reloadKnowledge,
    storage,
    logger,
    metrics: createMetrics(),
    i18n: createI18n(),
    clock: options.clock ?? systemClock,
    adminIds: config.adminIds,
  };
  const bot = createBot(deps, {
    ...(config.botToken ? { token: config.botToken } : {}),
    ...(config.apiRoot ? { apiRoot: config.apiRoot } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
  });
  let watcher: FSWatcher | undefined;
  let pendingReload: NodeJS.Timeout | undefined;
  /**
   * A refused edit, told to each admin once: every instance with the same files refuses it, and
   * the owed message's key (the files, hashed) lets only the first one through.
   */
  const tellAdmins = async (result: ReloadResult) => {
    if (result.ok) return;
    const text = truncate(
      `Knowledge base edit refused; the previous version keeps serving.\n${result.problems.join("\n")}`,
      MAX_MESSAGE_CHARS,
    );
    const edit = await hashFiles(dir);
    const owed = [...config.adminIds].map((admin) => ({
      key: `refused-edit:${admin}:${edit}`,
      chatId: admin,
      kind: "refused-edit" as const,
      text,
      dueAt: deps.clock.now(),
    }));
    await owe(bot.api, deps, owed);
  };
  const reloadAndTell = (): Promise<ReloadResult | undefined> =>
    reloadKnowledge()
      .then(async (result) => {
        await tellAdmins(result);
        return result;
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, "knowledge base reload failed");
        return undefined;
      });
  // /reload on any instance reaches this one too.
  storage.onReload(() => void reloadAndTell());
  return {
    bot,
    deps,
    watchKnowledge(onReloaded) {
      watcher = watch(dir, { recursive: true }, () => {
        clearTimeout(pendingReload);
        pendingReload = setTimeout(
          () => void reloadAndTell().then((result) => result && onReloaded?.(result)),
          RELOAD_SETTLE_MS,
        );
      });
    },
    close: async () => {
      watcher?.close();
      clearTimeout(pendingReload);
      await storage.close();
    },
  };
}

/** The files of a folder, names and contents, hashed: the same on every machine that has them. */
async function hashFiles(dir: string): Promise<string> {
  const hash = createHash("sha256");
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
  for (const file of files) hash.update(`${file}\0`).update(await readFile(join(dir, file)));
  return hash.digest("hex").slice(0, 16);
}
