import { InlineKeyboard, InputFile } from "grammy";
import type { TrackerRecord } from "../storage/storage.js";
import { formatData } from "../tracker/amounts.js";
import { usageChartSvg } from "../tracker/chart.js";
import { svgToPng } from "../tracker/chart-png.js";
import { nextReminder } from "../tracker/reminders.js";
import {
  alertsDue,
  checkReading,
  type Plan,
  type ReadingProblem,
  type Threshold,
  usageBar,
  usageStatus,
} from "../tracker/usage.js";
import { encodeAction } from "./callback-data.js";
import type { BotContext } from "./context.js";
import { escapeHtml } from "./html.js";
import type { View } from "./views.js";

/** The knowledge-base entries an alert points to: what to do when data runs low. */
const ALERT_ENTRIES = ["plan-adjust", "monitoring-check-regularly"];

export function describeThreshold(threshold: Threshold): string {
  return "percent" in threshold ? `${threshold.percent}%` : formatData(threshold.megabytes);
}

/** The record with its next reminder worked out, as of `now`. */
export function scheduled(record: TrackerRecord, now: Date): TrackerRecord {
  const next = nextReminder(record, now);
  const { nextReminderAt: _previous, ...rest } = record;
  return next ? { ...rest, nextReminderAt: next.at.toISOString() } : rest;
}

/** Creates (or replaces) the user's tracker with a fresh plan and no readings. */
export async function startTracker(
  ctx: BotContext,
  plan: Plan,
  checkInHour: number | undefined,
  now: Date,
): Promise<void> {
  if (!ctx.from || !ctx.chat) return;
  const record: TrackerRecord = {
    userId: ctx.from.id,
    chatId: ctx.chat.id,
    plan,
    readings: [],
    alertsSent: [],
    paused: false,
    ...(checkInHour !== undefined ? { checkInHour } : {}),
  };
  await ctx.deps.storage.trackers.save(scheduled(record, now));
}

/** The /usage view: used, left, days left, budget, projection, and a bar. */
export function usageView(ctx: BotContext, record: TrackerRecord, now: Date): View {
  const status = usageStatus(record.plan, readingsOf(record), now);
  const lines = [
    `<b>${escapeHtml(ctx.t("usage-title"))}</b>`,
    `<code>${usageBar(record.plan, status)}</code>`,
    escapeHtml(
      ctx.t("usage-summary", {
        used: formatData(status.usedMb),
        total: formatData(record.plan.totalMb),
        left: formatData(status.leftMb),
        days: status.daysLeft,
        last: status.lastDay,
      }),
    ),
  ];
  if (status.ended) lines.push(escapeHtml(ctx.t("usage-ended")));
  else lines.push(escapeHtml(ctx.t("usage-budget", { budget: formatData(status.dailyBudgetMb) })));
  if (status.runsOutOn)
    lines.push(`⚠️ ${escapeHtml(ctx.t("usage-runs-out", { date: status.runsOutOn }))}`);
  if (record.readings.length === 0) lines.push(escapeHtml(ctx.t("usage-no-readings")));
  const keyboard = new InlineKeyboard()
    .text(ctx.t(record.paused ? "tracker-resume" : "tracker-pause"), "tracker:pause")
    .text(ctx.t("tracker-delete"), "tracker:delete")
    .row()
    .text(ctx.t("tracker-edit"), "go:monitor");
  return { text: lines.join("\n"), keyboard };
}

/** /usage: the chart of use against the plan, with the figures as its caption. */
export async function sendUsage(ctx: BotContext, record: TrackerRecord, now: Date): Promise<void> {
  const view = usageView(ctx, record, now);
  const png = svgToPng(usageChartSvg(record.plan, readingsOf(record), now));
  await ctx.replyWithPhoto(new InputFile(png, "usage.png"), {
    caption: view.text,
    parse_mode: "HTML",
    reply_markup: view.keyboard,
  });
}

export type ReadingOutcome =
  | { ok: true; view: View; alerts: View[] }
  | { ok: false; problem: ReadingProblem };

/** Takes a new total: refuses nonsense, otherwise stores it and returns the alerts now due. */
export async function recordReading(
  ctx: BotContext,
  record: TrackerRecord,
  usedMb: number,
  now: Date,
  { force = false } = {},
): Promise<ReadingOutcome> {
  const problem = checkReading(record.plan, readingsOf(record), usedMb);
  if (problem && !(force && problem === "lower-than-last")) return { ok: false, problem };
  const updated: TrackerRecord = {
    ...record,
    readings: [...record.readings, { at: now.toISOString(), usedMb }],
  };
  const status = usageStatus(updated.plan, readingsOf(updated), now);
  const due = alertsDue(status, new Set(updated.alertsSent));
  updated.alertsSent = [...updated.alertsSent, ...due];
  await ctx.deps.storage.trackers.save(updated);
  const { kb } = ctx.deps.knowledge();
  const alerts = due.map((kind): View => {
    const keyboard = new InlineKeyboard();
    for (const id of ALERT_ENTRIES) {
      const entry = kb.entryById.get(id);
      if (entry)
        keyboard.text(entry.title[ctx.language], encodeAction({ kind: "ask", entryId: id })).row();
    }
    const text =
      kind === "threshold"
        ? ctx.t("alert-threshold", {
            left: formatData(status.leftMb),
            budget: formatData(status.dailyBudgetMb),
          })
        : ctx.t("alert-pace", { date: status.runsOutOn ?? status.lastDay });
    return { text: `⚠️ ${escapeHtml(text)}`, keyboard };
  });
  return { ok: true, view: usageView(ctx, updated, now), alerts };
}

export function readingsOf(record: TrackerRecord) {
  return record.readings.map((reading) => ({ at: new Date(reading.at), usedMb: reading.usedMb }));
}
