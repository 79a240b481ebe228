import { type Bot, GrammyError, InlineKeyboard } from "grammy";
import type { Language } from "../kb/schema.js";
import type { TrackerRecord } from "../storage/storage.js";
import { formatData } from "../tracker/amounts.js";
import { planEnd } from "../tracker/reminders.js";
import { usageStatus } from "../tracker/usage.js";
import { encodeAction } from "./callback-data.js";
import type { BotContext, BotDeps } from "./context.js";
import { botI18n } from "./create-bot.js";
import { escapeHtml } from "./html.js";
import { readingsOf, scheduled } from "./tracker-actions.js";

/** Reminders handled per tick: a backlog drains over several ticks instead of in one burst. */
const BATCH = 50;
/**
 * A claimed reminder is due again this much later if it was not sent: after a failure other
 * than a block, or when the instance that claimed it died before sending.
 */
const RETRY_MS = 5 * 60_000;

export interface Scheduler {
  /** Sends what is due at `now`; the running scheduler calls it every interval. */
  tick(now?: Date): Promise<number>;
  start(intervalMs: number): void;
  stop(): void;
}

/**
 * Delivers the tracker's check-ins and end-of-plan notes from the database, so they survive a
 * restart. A reminder is marked done only after Telegram accepted it; a user who blocked the bot
 * has their reminders stopped, not retried.
 */
export function createScheduler(bot: Bot<BotContext>, deps: BotDeps): Scheduler {
  const i18n = botI18n();
  let timer: NodeJS.Timeout | undefined;
  let busy = false;

  const languageOf = async (userId: number): Promise<Language> => {
    const session = await deps.storage.sessions.read(String(userId));
    return session?.language ?? session?.lastLanguage ?? "en";
  };

  /**
   * Stores what became of a reminder on the tracker as it is now, under its chat's lock: the user
   * may have logged a reading or changed the plan while the reminder was on its way, and the
   * record claimed before it went out would overwrite that.
   */
  const settle = (record: TrackerRecord, change: (current: TrackerRecord) => TrackerRecord) =>
    deps.storage.withChatLock(String(record.chatId), async () => {
      const current = await deps.storage.trackers.get(record.userId);
      if (current) await deps.storage.trackers.save(change(current));
    });

  const deliver = async (record: TrackerRecord, now: Date): Promise<void> => {
    const language = await languageOf(record.userId);
    const t = (key: string, variables?: Record<string, string | number>) =>
      i18n.t(language, key, variables);
    const ended = now.getTime() >= planEnd(record.plan).getTime();
    try {
      if (ended) {
        const status = usageStatus(record.plan, readingsOf(record), now);
        await bot.api.sendMessage(
          record.chatId,
          escapeHtml(
            t("reminder-plan-ended", {
              used: formatData(status.usedMb),
              total: formatData(record.plan.totalMb),
            }),
          ),
          {
            parse_mode: "HTML",
            reply_markup: new InlineKeyboard().text(
              t("button-monitor"),
              encodeAction({ kind: "go", flow: "monitor" }),
            ),
          },
        );
      } else {
        await bot.api.sendMessage(record.chatId, t("reminder-check-in"));
      }
    } catch (error) {
      if (error instanceof GrammyError && error.error_code === 403) {
        deps.logger.info({ user: record.userId }, "reminders stopped: the user blocked the bot");
        await settle(record, ({ nextReminderAt: _stopped, ...rest }) => ({
          ...rest,
          paused: true,
        }));
        return;
      }
      deps.logger.warn({ user: record.userId, err: error }, "reminder not delivered; will retry");
      const retryAt = new Date(now.getTime() + RETRY_MS).toISOString();
      await settle(record, (current) => ({ ...current, nextReminderAt: retryAt }));
      return;
    }
    deps.metrics.remindersSent.inc({ kind: ended ? "plan-ended" : "check-in" });
    // The end-of-plan note was about the plan claimed: a plan set up since has not ended.
    const samePlan = (current: TrackerRecord) =>
      JSON.stringify(current.plan) === JSON.stringify(record.plan);
    await settle(record, (current) =>
      scheduled(
        { ...current, endedNoteSent: current.endedNoteSent || (ended && samePlan(current)) },
        now,
      ),
    );
  };

  const tick = async (now = new Date()): Promise<number> => {
    const due = await deps.storage.trackers.claimDue(now, BATCH, RETRY_MS);
    for (const record of due) await deliver(record, now);
    return due.length;
  };

  return {
    tick,
    start(intervalMs) {
      timer = setInterval(async () => {
        // One tick at a time: a slow one is not overtaken by the next.
        if (busy) return;
        busy = true;
        try {
          await tick();
        } catch (error) {
          deps.logger.error({ err: error }, "scheduler tick failed");
        } finally {
          busy = false;
        }
      }, intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
    },
  };
}
