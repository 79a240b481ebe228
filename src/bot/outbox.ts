import { type Api, GrammyError } from "grammy";
import type { ClaimedMessage, OwedMessage } from "../storage/storage.js";
import type { BotDeps } from "./context.js";
import { describeFailure, isTelegramFailure, refusedForGood } from "./telegram-fetch.js";

/**
 * A claimed message is another instance's to send once this much passed unsettled: its sender
 * died between claiming and settling it. Longer than one send may take (CALL_TIMEOUT_SECONDS),
 * and messages are claimed one at a time, so a live sender is never overtaken.
 */
const SEND_LEASE_MS = 2 * 60_000;
/** A message still failing after this many attempts is given up, and the failure logged. */
const MAX_ATTEMPTS = 8;
/** The wait after a failed attempt, doubled with each one: 1, 2, 4 … minutes. */
const FIRST_RETRY_DELAY_MS = 60_000;

type SendOptions = Parameters<Api["sendMessage"]>[2];

/** Kinds that belong to a tracker: a user who blocked the bot gets none of them any more. */
const TRACKER_KINDS: ReadonlySet<OwedMessage["kind"]> = new Set([
  "alert",
  "check-in",
  "plan-ended",
]);

/** An owed message Telegram accepted, and the id it got there. */
export interface SentMessage {
  key: string;
  messageId: number;
}

/**
 * Sends owed messages: the ones named (`keys`, right after an update stored them, in that order)
 * or up to `limit` of those due. Each is claimed first, one at a time, so that no other instance
 * sends it too, and settled once Telegram accepted it; one that fails for a while (429, 5xx, no
 * network) is tried again later, one that cannot arrive (the user blocked the bot, the chat is
 * gone) is dropped. Returns what was sent.
 */
export async function sendOwed(
  api: Api,
  deps: BotDeps,
  {
    now = deps.clock.now(),
    keys,
    limit = 50,
  }: { now?: Date; keys?: readonly string[]; limit?: number },
): Promise<SentMessage[]> {
  const sent: SentMessage[] = [];
  const claim = async (key?: string) =>
    (
      await deps.storage.outbox.claim(now, {
        limit: 1,
        leaseMs: SEND_LEASE_MS,
        ...(key ? { keys: [key] } : {}),
      })
    )[0];
  const send = async (message: ClaimedMessage) => {
    const messageId = await deliver(api, deps, message, now);
    if (messageId !== undefined) sent.push({ key: message.key, messageId });
  };
  if (keys) {
    for (const key of keys) {
      const message = await claim(key);
      if (message) await send(message);
    }
  } else {
    for (let count = 0; count < limit; count++) {
      const message = await claim();
      if (!message) break;
      await send(message);
    }
  }
  return sent;
}

/** Owes messages and sends them at once; what fails stays owed for the scheduler. */
export async function owe(
  api: Api,
  deps: BotDeps,
  messages: readonly OwedMessage[],
): Promise<SentMessage[]> {
  await deps.storage.outbox.add(messages);
  return sendOwed(api, deps, { keys: messages.map(({ key }) => key) });
}

/** Sends one claimed message and settles it; its id on Telegram if it went. */
async function deliver(
  api: Api,
  deps: BotDeps,
  message: ClaimedMessage,
  now: Date,
): Promise<number | undefined> {
  const { outbox } = deps.storage;
  const about = { key: message.key, kind: message.kind, attempts: message.attempts };
  let sent: { message_id: number };
  try {
    sent = await api.sendMessage(message.chatId, message.text, message.options as SendOptions);
  } catch (error) {
    if (!isTelegramFailure(error)) throw error;
    if (error instanceof GrammyError && refusedForGood(error)) {
      // No attempt will do better: blocked, removed from the chat, or a message Telegram refuses.
      await outbox.markDropped(message.key, now);
      if (error.error_code === 403) {
        deps.logger.info({ ...about, description: error.description }, "owed message dropped");
        await stopReminders(deps, message);
      } else {
        deps.logger.error({ ...about, description: error.description }, "owed message refused");
      }
      return undefined;
    }
    if (message.attempts >= MAX_ATTEMPTS) {
      await outbox.markDropped(message.key, now);
      deps.logger.error({ ...about, ...describeFailure(error) }, "owed message given up");
      return undefined;
    }
    const retryAt = new Date(now.getTime() + FIRST_RETRY_DELAY_MS * 2 ** (message.attempts - 1));
    await outbox.scheduleRetry(message.key, retryAt);
    deps.logger.warn({ ...about, retryAt, ...describeFailure(error) }, "owed message will retry");
    return undefined;
  }
  // Telegram has it: a failure from here on must not send it again.
  await outbox.markSent(message.key, now);
  deps.metrics.owedSent.inc({ kind: message.kind });
  return sent.message_id;
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
