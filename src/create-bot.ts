import { sequentialize } from "@grammyjs/runner";
import {
  Bot,
  type BotConfig,
  BotError,
  type Context,
  GrammyError,
  HttpError,
  session,
} from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { BotContext, BotDeps } from "./bot/context.js";
import { adminFeature } from "./bot/features/admin.js";
import { answerFeature } from "./bot/features/answer.js";
import { fallbacksFeature, unknownCommandFeature } from "./bot/features/fallbacks.js";
import { feedbackFeature } from "./bot/features/feedback.js";
import { flowsFeature } from "./bot/features/flows.js";
import { groupsFeature } from "./bot/features/groups.js";
import { inlineFeature, inlineMessageButtonsFeature } from "./bot/features/inline.js";
import { languageFeature } from "./bot/features/language.js";
import { startFeature } from "./bot/features/start.js";
import { topicsFeature } from "./bot/features/topics.js";
import { trackerFeature } from "./bot/features/tracker.js";
import { negotiateLanguage } from "./bot/language.js";
import { limitQuestions } from "./bot/rate-limit.js";
import { canUseWebhookReply } from "./bot/reply.js";
import {
  CALL_TIMEOUT_SECONDS,
  describeFailure,
  isTelegramFailure,
  type RetryHooks,
  type RetryPolicy,
  retryingFetch,
} from "./bot/telegram-fetch.js";

export interface CreateBotOptions {
  /** Absent for the terminal chat, which needs none: a placeholder is used. */
  token?: string;
  apiRoot?: string;
  /** Skips getMe at start (tests, the terminal chat). */
  botInfo?: UserFromGetMe;
  /** Replaces the HTTP layer: every API call, including those conversations make, goes through it. */
  fetch?: typeof fetch;
  /** How calls to Telegram are retried; tests wait on a virtual clock instead of the real one. */
  retry?: { policy?: RetryPolicy; sleep?: RetryHooks["sleep"] };
}

/** The commands shown in the menu of private chats; groups get /faq. */
const PRIVATE_COMMANDS = [
  "start",
  "help",
  "topics",
  "share",
  "monitor",
  "usage",
  "language",
] as const;

/** Builds the whole bot, every feature and plugin, and nothing else: entry points only wire it. */
export function createBot(deps: BotDeps, options: CreateBotOptions = {}): Bot<BotContext> {
  // Every call, a flow's included, through one client that retries within bounds: a stuck call
  // holds its chat's next update.
  const fetch = retryingFetch(options.fetch ?? globalThis.fetch, options.retry?.policy, {
    ...(options.retry?.sleep ? { sleep: options.retry.sleep } : {}),
    onRetry: (method, reason) => deps.metrics.telegramRetries.inc({ method, reason }),
  });
  const client: NonNullable<BotConfig<BotContext>["client"]> = {
    canUseWebhookReply,
    fetch,
    timeoutSeconds: CALL_TIMEOUT_SECONDS,
    ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}),
  };
  const bot = new Bot<BotContext>(options.token ?? "0:offline", {
    client,
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });

  // An update runs while no other update of its user or its chat does: sessions and trackers
  // belong to users, flows to chats, and a user's group message and private tap may race.
  // In this process by sequentialize, across instances by the database's locks.
  bot.use(sequentialize(lockKeys));
  bot.use((ctx, next) => deps.storage.withLocks(lockKeys(ctx), next));
  bot.use(updateLog);
  // Errors stop at this boundary, logged: handleUpdate, polling and webhooks all keep going.
  const withinBoundary = bot.errorBoundary(reportError);
  withinBoundary.use((ctx, next) => {
    ctx.deps = deps;
    return next();
  });
  // Sessions belong to users, not chats: inline queries have no chat.
  withinBoundary.use(
    session({ initial: () => ({}), storage: deps.storage.sessions, getSessionKey: senderKey }),
  );
  // A reply Telegram refused (after the client's retries) ends the update here, inside the
  // session: what the user did before it (a language chosen, a rating) is stored all the same.
  withinBoundary.use(async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      if (!isTelegramFailure(error)) throw error;
      reportError(new BotError(error, ctx));
    }
  });
  withinBoundary.use((ctx, next) => {
    ctx.language = negotiateLanguage(ctx, ctx.from ? ctx.session : undefined);
    return next();
  });
  const { i18n } = deps;
  withinBoundary.use(i18n);
  withinBoundary.use(answerEveryCallback);
  withinBoundary.use(inlineMessageButtonsFeature);
  // Flows come first: while one is active, its conversation takes the chat's updates, so an
  // answer to a flow is never dropped by the rate limit below.
  withinBoundary.use(flowsFeature(deps));
  withinBoundary.on("message", limitQuestions);
  withinBoundary.use(
    startFeature,
    topicsFeature,
    languageFeature,
    adminFeature,
    feedbackFeature,
    inlineFeature,
    groupsFeature,
    trackerFeature,
    unknownCommandFeature,
    answerFeature,
    fallbacksFeature,
  );

  bot.catch(reportError);
  return bot;

  function reportError({ error, ctx }: BotError<BotContext>): void {
    const context = { update_id: ctx.update.update_id };
    deps.metrics.errors.inc({
      kind:
        error instanceof GrammyError
          ? "telegram"
          : error instanceof HttpError
            ? "network"
            : "other",
    });
    if (error instanceof GrammyError && error.error_code === 403) {
      // Blocked by the user or removed from the group: theirs to decide, not an error.
      deps.logger.info({ ...context, description: error.description }, "chat unavailable");
    } else if (error instanceof GrammyError) {
      deps.logger.error({ ...context, ...describeFailure(error) }, "Telegram refused a call");
    } else if (error instanceof HttpError) {
      deps.logger.error({ ...context, ...describeFailure(error) }, "could not reach Telegram");
    } else {
      deps.logger.error({ ...context, err: error }, "update failed");
    }
  }

  async function updateLog(ctx: BotContext, next: () => Promise<void>): Promise<void> {
    const started = performance.now();
    const type = Object.keys(ctx.update).find((key) => key !== "update_id") ?? "unknown";
    try {
      await next();
    } finally {
      deps.metrics.updates.inc({ type });
      deps.metrics.handlerSeconds.observe({ type }, (performance.now() - started) / 1000);
      if (ctx.decision) deps.metrics.decisions.inc({ decision: ctx.decision });
      // No message text at info level: what users write is theirs.
      deps.logger.info(
        {
          update_id: ctx.update.update_id,
          type,
          chat_type: ctx.chat?.type,
          decision: ctx.decision,
          ms: Math.round((performance.now() - started) * 10) / 10,
        },
        "update",
      );
    }
  }
}

/**
 * The locks an update takes: its user's and its chat's (one, in a private chat, whose id is the
 * user's). Ids, not names: a group's id is negative, so it never meets a user's.
 */
export function lockKeys(ctx: Context): string[] {
  const keys = new Set([senderKey(ctx), ctx.chat?.id.toString()].filter((id) => id !== undefined));
  return [...keys];
}

/**
 * Whose session an update reads and writes: its user's, or for a message sent as a chat (an
 * anonymous admin, a channel) that chat's, since all of those come from one shared account
 * (GroupAnonymousBot, Channel_Bot) that must not make them share a language or a rate limit.
 */
export function senderKey(ctx: Context): string | undefined {
  const id = (ctx.message ?? ctx.editedMessage)?.sender_chat?.id ?? ctx.from?.id;
  return id?.toString();
}

/**
 * Every callback query answered once, whatever its handler did: a handler's answer (with its
 * text) goes out when it asks, a tap no handler answered is answered at the end, and a refused
 * answer ("query is too old") is no failure: what the tap did is kept all the same.
 */
async function answerEveryCallback(ctx: BotContext, next: () => Promise<void>): Promise<void> {
  const query = ctx.callbackQuery;
  if (!query) return next();
  let answered = false;
  ctx.answerCallbackQuery = async (other) => {
    if (answered) return true;
    answered = true;
    const options = typeof other === "string" ? { text: other } : other;
    await ctx.api.answerCallbackQuery(query.id, options).catch((error: unknown) => {
      ctx.deps.logger.debug({ err: error }, "could not answer a callback query");
    });
    return true;
  };
  try {
    await next();
  } finally {
    await ctx.answerCallbackQuery();
  }
}

/**
 * Telegram keys command menus by two-letter language code, so both Chinese scripts share "zh";
 * Simplified is the wider read. English is the default for everyone else.
 */
const COMMAND_MENUS = [
  { locale: "en", languageCode: undefined },
  { locale: "zh-Hans", languageCode: "zh" },
] as const;

/** Registers the command menus; the bot works without them, so a failure only logs a warning. */
export async function registerCommands(bot: Bot<BotContext>, deps: BotDeps): Promise<void> {
  const { i18n } = deps;
  const calls = COMMAND_MENUS.flatMap(({ locale, languageCode }) => {
    const describe = (command: string) => ({
      command,
      description: i18n.t(locale, `command-${command}`),
    });
    const language = languageCode ? { language_code: languageCode } : {};
    return [
      bot.api.setMyCommands(PRIVATE_COMMANDS.map(describe), {
        scope: { type: "all_private_chats" },
        ...language,
      }),
      bot.api.setMyCommands([describe("faq")], { scope: { type: "all_group_chats" }, ...language }),
    ];
  });
  const results = await Promise.allSettled(calls);
  const failed = results.filter((result) => result.status === "rejected").length;
  if (failed > 0) deps.logger.warn({ failed }, "could not register the command menu; carrying on");
}
