import { type Api, GrammyError } from "grammy";
import type { ClaimedMessage, OwedMessage } from "../storage/storage.js";
import type { BotDeps } from "./context.js";
import { isTelegramFailure } from "./telegram-fetch.js";

/**
 * A claimed message is another instance's to send once this much passed unsettled: its sender
 * died between claiming and settling it.
 */
const LEASE_MS = 2 * 60_000;
/** A message still failing after this many attempts is given up, and the failure logged. */
const MAX_ATTEMPTS = 8;
/** The wait after a failed attempt, doubled with each one: 1, 2, 4 … minutes. */
const FIRST_BACKOFF_MS = 60_000;

type SendOptions = Parameters<Api["sendMessage"]>[2];

/** Kinds that belong to a tracker: a user who blocked the bot gets none of them any more. */
const TRACKER_KINDS: ReadonlySet<OwedMessage["kind"]> = new Set([
  "alert",
  "check-in",
  "plan-ended",
]);

/**
 * Sends owed messages: the ones named (`keys`, right after an update stored them) or every one
 * due. Each is claimed first, so that no other instance sends it too, and settled once Telegram
 * accepted it; one that fails for a while (429, 5xx, no network) is tried again later, one that
 * cannot arrive (the user blocked the bot, the chat is gone) is dropped. Returns how many were
 * sent.
 */
export async function sendOwed(
  api: Api,
  deps: BotDeps,
  { now = new Date(), keys, limit = 50 }: { now?: Date; keys?: readonly string[]; limit?: number },
): Promise<number> {
  if (keys?.length === 0) return 0;
  const claimed = await deps.storage.outbox.claim(now, {
    limit,
    leaseMs: LEASE_MS,
    ...(keys ? { keys } : {}),
  });
  // Named ones go in the order named: the order the update owed them in.
  if (keys) claimed.sort((a, b) => keys.indexOf(a.key) - keys.indexOf(b.key));
  let sent = 0;
  for (const message of claimed) {
    if (await deliver(api, deps, message, now)) sent++;
  }
  return sent;
}

async function deliver(
  api: Api,
  deps: BotDeps,
  message: ClaimedMessage,
  now: Date,
): Promise<boolean> {
  const { outbox } = deps.storage;
  const about = { key: message.key, kind: message.kind, attempts: message.attempts };
  try {
    await api.sendMessage(message.chatId, message.text, message.options as SendOptions);
  } catch (error) {
    if (!isTelegramFailure(error)) throw error;
    if (error instanceof GrammyError && error.error_code !== 429 && error.error_code < 500) {
      // No attempt will do better: blocked, removed from the chat, or a message Telegram refuses.
      await outbox.settle(message.key, "dropped", now);
      if (error.error_code === 403) {
        deps.logger.info({ ...about, description: error.description }, "owed message dropped");
        await stopReminders(deps, message);
      } else {
        deps.logger.error({ ...about, description: error.description }, "owed message refused");
      }
      return false;
    }
    if (message.attempts >= MAX_ATTEMPTS) {
      await outbox.settle(message.key, "dropped", now);
      deps.logger.error({ ...about, err: error }, "owed message given up after its attempts");
      return false;
    }
    const retryAt = new Date(now.getTime() + FIRST_BACKOFF_MS * 2 ** (message.attempts - 1));
    await outbox.postpone(message.key, retryAt);
    deps.logger.warn({ ...about, retryAt, description: error.message }, "owed message will retry");
    return false;
  }
  // Telegram has it: a failure from here on must not send it again.
  await outbox.settle(message.key, "sent", now);
  deps.metrics.owedSent.inc({ kind: message.kind });
  return true;
}

/** A user who blocked the bot hears nothing more from the tracker until they use it again. */
async function stopReminders(deps: BotDeps, message: ClaimedMessage): Promise<void> {
  const { userId } = message;
  if (userId === undefined || !TRACKER_KINDS.has(message.kind)) return;
  await deps.storage.withLocks([String(userId), String(message.chatId)], async () => {
    const tracker = await deps.storage.trackers.get(userId);
    if (tracker && !tracker.paused) {
      const { nextReminderAt: _stopped, ...rest } = tracker;
      await deps.storage.trackers.save({ ...rest, paused: true });
    }
  });
}
