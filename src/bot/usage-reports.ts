import { readAnswer } from "../reading/read-answer.js";
import type { UsageReport } from "../reading/usage-report.js";
import type { OwedMessage, TrackerRecord } from "../storage/storage.js";
import { formatData } from "../tracker/amounts.js";
import {
  alertsDue,
  checkReading,
  hongKongDate,
  type ReadingProblem,
  readingsOf,
  usageStatus,
} from "../tracker/usage.js";
import type { BotContext } from "./context.js";
import { sendOwed } from "./outbox.js";
import { sendView } from "./reply.js";
import { alertView, lowerTotalView, reportChoicesView, usageView } from "./tracker-views.js";
import type { View } from "./views.js";

/**
 * Reads a usage report for the user's tracker and acts on it: records it, asks which reading was
 * meant, or says why it cannot be taken. False when the user has no tracker, or when a message
 * typed plainly (`typed`) is no usage report after all, so that it is handled as a question.
 */
export async function reportUsage(
  ctx: BotContext,
  text: string,
  { typed = false } = {},
): Promise<boolean> {
  if (!ctx.from) return false;
  const record = await ctx.deps.storage.trackers.get(ctx.from.id);
  if (!record) return false;
  const now = ctx.deps.clock.now();
  const reading = readAnswer("usage", text, {
    today: hongKongDate(now),
    plan: { totalMb: record.plan.totalMb },
    answerWords: ctx.deps.knowledge().kb.answerWords,
  });
  switch (reading.kind) {
    case "sure":
      await recordTotal(ctx, record, totalAfter(record, reading.value), now);
      return true;
    case "ask": {
      const options = reading.options.map((report) => ({
        report,
        usedMb: totalAfter(record, report),
      }));
      const view = reportChoicesView(record, options, ctx.t.bind(ctx));
      await ctx.reply(view.text, { reply_markup: view.keyboard });
      return true;
    }
    case "refused":
      await ctx.reply(ctx.t(`used-${reading.reason}`, { total: formatData(record.plan.totalMb) }));
      return true;
    default:
      if (typed) return false;
      await ctx.reply(ctx.t("used-expected"));
      return true;
  }
}

/**
 * Records the card's total so far and shows where the plan stands; a lower total than before
 * asks whether the card was reset, and with `reset` starts the count again from it.
 */
export async function recordTotal(
  ctx: BotContext,
  record: TrackerRecord,
  usedMb: number,
  now: Date,
  { reset = false } = {},
): Promise<void> {
  // The card was reset or topped up: a new count starts from this reading.
  const base = reset ? { ...record, readings: [], alertsSent: [] } : record;
  const stored = await storeReading(ctx, base, usedMb, now);
  if (stored.ok) {
    try {
      await sendView(ctx, stored.view);
    } finally {
      // The alerts are owed whether or not the usage figures got through.
      await sendOwed(ctx.api, ctx.deps, { now, keys: stored.alerts });
    }
    return;
  }
  if (stored.problem === "lower-than-last") {
    const view = lowerTotalView(record, usedMb, ctx.t.bind(ctx));
    await ctx.reply(view.text, { reply_markup: view.keyboard });
    return;
  }
  await ctx.reply(ctx.t(`used-${stored.problem}`, { total: formatData(record.plan.totalMb) }));
}

/** What the card has used in all once this report is taken. */
function totalAfter(record: TrackerRecord, report: UsageReport): number {
  const lastMb = record.readings.at(-1)?.usedMb ?? 0;
  if (report.meaning === "more") return lastMb + report.megabytes;
  if (report.meaning === "left") return record.plan.totalMb - report.megabytes;
  return report.megabytes;
}

type StoredReading =
  | { ok: true; view: View; alerts: string[] }
  | { ok: false; problem: ReadingProblem };

/**
 * Takes a new total: refuses nonsense, otherwise stores it together with the alerts it calls
 * for, owed (so that an alert whose send fails still arrives); returns the usage view and the
 * alerts' keys.
 */
async function storeReading(
  ctx: BotContext,
  record: TrackerRecord,
  usedMb: number,
  now: Date,
): Promise<StoredReading> {
  const problem = checkReading(record.plan, readingsOf(record), usedMb);
  if (problem) return { ok: false, problem };
  const reading = { at: now.toISOString(), usedMb };
  const updated: TrackerRecord = { ...record, readings: [...record.readings, reading] };
  const status = usageStatus(updated.plan, readingsOf(updated), now);
  const due = alertsDue(status, new Set(updated.alertsSent));
  updated.alertsSent = [...updated.alertsSent, ...due];
  const { kb } = ctx.deps.knowledge();
  const t = ctx.t.bind(ctx);
  const alerts = due.map((kind): OwedMessage => {
    const view = alertView(kind, status, kb, ctx.language, t);
    return {
      // The reading that called for it names it: each alert is owed once.
      key: `alert:${record.userId}:${reading.at}:${kind}`,
      chatId: record.chatId,
      userId: record.userId,
      kind: "alert",
      text: view.text,
      options: { parse_mode: "HTML", reply_markup: view.keyboard },
      dueAt: now,
    };
  });
  await ctx.deps.storage.trackers.save(updated, alerts);
  return {
    ok: true,
    view: usageView(updated, now, ctx.language, t),
    alerts: alerts.map(({ key }) => key),
  };
}
