import { type Bot, InlineKeyboard } from "grammy";
import type { OwedMessage, TrackerRecord } from "../storage/storage.js";
import type { Language } from "../text/language.js";
import { formatData } from "../tracker/amounts.js";
import { planEnd, withNextReminder } from "../tracker/reminders.js";
import { readingsOf, usageStatus } from "../tracker/usage.js";
import { encodeAction } from "./callback-data.js";
import type { BotContext, BotDeps } from "./context.js";
import { escapeHtml } from "./html.js";
import { sendOwed } from "./outbox.js";

/** Reminders and owed messages handled per tick: a backlog drains over several ticks. */
const BATCH = 50;
/** A claimed reminder is due again this much later if its instance died before owing it. */
const REMINDER_CLAIM_MS = 5 * 60_000;
/** Settled owed messages are remembered this long, so that none is owed twice meanwhile. */
const KEEP_SETTLED_MS = 30 * 24 * 3_600_000;

export interface Scheduler {
  /** Owes what is due at `now` and sends what is owed; the running scheduler calls it every interval. */
  tick(now?: Date): Promise<number>;
  start(intervalMs: number): void;
  stop(): void;
}

/**
 * Turns the tracker's due check-ins and end-of-plan notes into owed messages, and sends every
 * owed message (these, and alerts or prompts whose first send failed). Both live in the
 * database, so a restart or a second instance loses and repeats none.
 */
export function createScheduler(bot: Bot<BotContext>, deps: BotDeps): Scheduler {
  const { i18n } = deps;
  let timer: NodeJS.Timeout | undefined;
  let busy = false;

  const languageOf = async (userId: number): Promise<Language> => {
    const session = await deps.storage.sessions.read(String(userId));
    return session?.language ?? session?.lastLanguage ?? "en";
  };

  /** The message a claimed reminder owes, in the user's language. */
  const reminderOf = async (record: TrackerRecord, now: Date): Promise<OwedMessage> => {
    const language = await languageOf(record.userId);
    const t = (key: string, variables?: Record<string, string | number>) =>
      i18n.t(language, key, variables);
    const ended = now.getTime() >= planEnd(record.plan).getTime();
    const owed = {
      // The reminder's own time names it: claimed twice, it is owed once.
      key: `${ended ? "plan-ended" : "check-in"}:${record.userId}:${record.nextReminderAt}`,
      chatId: record.chatId,
      userId: record.userId,
      dueAt: now,
    };
    if (!ended) return { ...owed, kind: "check-in", text: t("reminder-check-in") };
    const status = usageStatus(record.plan, readingsOf(record), now);
    return {
      ...owed,
      kind: "plan-ended",
      text: escapeHtml(
        t("reminder-plan-ended", {
          used: formatData(status.usedMb),
          total: formatData(record.plan.totalMb),
        }),
      ),
      options: {
        parse_mode: "HTML",
        reply_markup: new InlineKeyboard().text(
          t("button-monitor"),
          encodeAction({ kind: "go", flow: "monitor" }),
        ),
      },
    };
  };

  /**
   * Owes a claimed reminder and schedules the next, on the tracker as it is now, under its
   * user's lock: the user may have logged a reading or changed the plan since it was claimed.
   */
  const oweReminder = async (record: TrackerRecord, now: Date): Promise<void> => {
    const reminder = await reminderOf(record, now);
    await deps.storage.withLocks([String(record.userId), String(record.chatId)], async () => {
      const current = await deps.storage.trackers.get(record.userId);
      if (!current) return;
      // The end-of-plan note is about the plan claimed: a plan set up since has not ended.
      const samePlan = JSON.stringify(current.plan) === JSON.stringify(record.plan);
      const ended = reminder.kind === "plan-ended" && samePlan;
      const next = withNextReminder(
        { ...current, endedNoteSent: current.endedNoteSent || ended },
        now,
      );
      await deps.storage.trackers.save(next, samePlan ? [reminder] : []);
    });
  };

  const tick = async (now = deps.clock.now()): Promise<number> => {
    const due = await deps.storage.trackers.claimDue(now, BATCH, REMINDER_CLAIM_MS);
    for (const record of due) await oweReminder(record, now);
    const sent = await sendOwed(bot.api, deps, { now, limit: BATCH });
    await deps.storage.outbox.purge(new Date(now.getTime() - KEEP_SETTLED_MS));
    return sent.length;
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
