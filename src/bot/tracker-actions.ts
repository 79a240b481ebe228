import { InlineKeyboard, InputFile } from "grammy";
import { readAnswer } from "../reading/read-answer.js";
import type { UsageReport } from "../reading/usage-report.js";
import type { OwedMessage, TrackerRecord } from "../storage/storage.js";
import type { Language } from "../text/language.js";
import { formatData } from "../tracker/amounts.js";
import { usageChartSvg } from "../tracker/chart.js";
import { svgToPng } from "../tracker/chart-png.js";
import { nextReminder } from "../tracker/reminders.js";
import {
  alertsDue,
  checkReading,
  hongKongDate,
  type Plan,
  type ReadingProblem,
  startOfHongKongDay,
  type Threshold,
  usageBar,
  usageStatus,
} from "../tracker/usage.js";
import { encodeAction } from "./callback-data.js";
import type { BotContext } from "./context.js";
import { escapeHtml } from "./html.js";
import { sendOwed } from "./outbox.js";
import { sendView } from "./reply.js";
import type { View } from "./views.js";

/** The knowledge-base entries an alert points to: what to do when data runs low. */
const ALERT_ENTRIES = ["plan-adjust", "monitoring-check-regularly"];

export function describeThreshold(threshold: Threshold): string {
  return "percent" in threshold ? `${threshold.percent}%` : formatData(threshold.megabytes);
}

/** An hour of the day as a Hong Kong clock shows it: 09:00, 21:00. */
export function formatHour(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00`;
}

const DAY_FORMATS: Record<Language, Intl.DateTimeFormat> = {
  "zh-Hans": new Intl.DateTimeFormat("zh-CN", { dateStyle: "long", timeZone: "UTC" }),
  "zh-Hant": new Intl.DateTimeFormat("zh-HK", { dateStyle: "long", timeZone: "UTC" }),
  en: new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }),
};

/** A calendar day as its readers write it: 2 Dec 2026, 2026年12月2日: never an order to misread. */
export function formatDay(date: string, language: Language): string {
  return DAY_FORMATS[language].format(new Date(`${date}T00:00:00Z`));
}

/** The record with its next reminder worked out, as of `now`. */
export function scheduled(record: TrackerRecord, now: Date): TrackerRecord {
  const next = nextReminder(record, now);
  const { nextReminderAt: _previous, ...rest } = record;
  return next ? { ...rest, nextReminderAt: next.at.toISOString() } : rest;
}

/**
 * Creates (or replaces) the user's tracker with a plan; `keepReadings` (an edited plan) keeps
 * the readings taken since the plan's start, where a new card starts with none.
 */
export async function startTracker(
  ctx: BotContext,
  plan: Plan,
  checkInHour: number | undefined,
  now: Date,
  { keepReadings = false } = {},
): Promise<void> {
  if (!ctx.from || !ctx.chat) return;
  const before = keepReadings ? await ctx.deps.storage.trackers.get(ctx.from.id) : undefined;
  const start = startOfHongKongDay(plan.startDate).getTime();
  const record: TrackerRecord = {
    userId: ctx.from.id,
    chatId: ctx.chat.id,
    plan,
    readings: (before?.readings ?? []).filter((reading) => Date.parse(reading.at) >= start),
    alertsSent: [],
    paused: before?.paused ?? false,
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
        last: formatDay(status.lastDay, ctx.language),
      }),
    ),
  ];
  if (status.ended) lines.push(escapeHtml(ctx.t("usage-ended")));
  else lines.push(escapeHtml(ctx.t("usage-budget", { budget: formatData(status.dailyBudgetMb) })));
  if (status.runsOutOn)
    lines.push(
      `⚠️ ${escapeHtml(ctx.t("usage-runs-out", { date: formatDay(status.runsOutOn, ctx.language) }))}`,
    );
  if (record.readings.length === 0) lines.push(escapeHtml(ctx.t("usage-no-readings")));
  return { text: lines.join("\n"), keyboard: trackerKeyboard(ctx, record) };
}

/** "Delete your tracker?": yes, or keep it. */
export function trackerDeleteKeyboard(ctx: BotContext): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t("tracker-delete-yes"), encodeAction({ kind: "tracker", command: "delete-yes" }))
    .text(ctx.t("flow-cancel"), encodeAction({ kind: "tracker", command: "keep" }));
}

/** The tracker's buttons, showing its state: ⏸ Pause while reminders run, ▶️ Resume while not. */
export function trackerKeyboard(ctx: BotContext, record: TrackerRecord): InlineKeyboard {
  return new InlineKeyboard()
    .text(
      ctx.t(record.paused ? "tracker-resume" : "tracker-pause"),
      encodeAction({ kind: "tracker", command: record.paused ? "resume" : "pause" }),
    )
    .text(ctx.t("tracker-delete"), encodeAction({ kind: "tracker", command: "delete" }))
    .row()
    .text(ctx.t("tracker-edit"), encodeAction({ kind: "go", flow: "plan" }));
}

/** /usage: the chart of use against the plan, with the figures as its caption. */
export async function sendUsage(ctx: BotContext, record: TrackerRecord, now: Date): Promise<void> {
  const view = usageView(ctx, record, now);
  const png = svgToPng(usageChartSvg(record.plan, readingsOf(record), now, ctx.language));
  await ctx.replyWithPhoto(new InputFile(png, "usage.png"), {
    caption: view.text,
    parse_mode: "HTML",
    reply_markup: view.keyboard,
  });
}

export type ReadingOutcome =
  | { ok: true; view: View; alerts: string[] }
  | { ok: false; problem: ReadingProblem };

/**
 * Takes a new total: refuses nonsense, otherwise stores it together with the alerts it calls
 * for, owed (so that an alert whose send fails still arrives), and returns their keys.
 */
export async function recordReading(
  ctx: BotContext,
  record: TrackerRecord,
  usedMb: number,
  now: Date,
): Promise<ReadingOutcome> {
  const problem = checkReading(record.plan, readingsOf(record), usedMb);
  if (problem) return { ok: false, problem };
  const reading = { at: now.toISOString(), usedMb };
  const updated: TrackerRecord = { ...record, readings: [...record.readings, reading] };
  const status = usageStatus(updated.plan, readingsOf(updated), now);
  const due = alertsDue(status, new Set(updated.alertsSent));
  updated.alertsSent = [...updated.alertsSent, ...due];
  const { kb } = ctx.deps.knowledge();
  const alerts = due.map((kind): OwedMessage => {
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
        : ctx.t("alert-pace", {
            date: formatDay(status.runsOutOn ?? status.lastDay, ctx.language),
          });
    return {
      // The reading that called for it names it: each alert is owed once.
      key: `alert:${record.userId}:${reading.at}:${kind}`,
      chatId: record.chatId,
      userId: record.userId,
      kind: "alert",
      text: `⚠️ ${escapeHtml(text)}`,
      options: { parse_mode: "HTML", reply_markup: keyboard },
      dueAt: now,
    };
  });
  await ctx.deps.storage.trackers.save(updated, alerts);
  return { ok: true, view: usageView(ctx, updated, now), alerts: alerts.map(({ key }) => key) };
}

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
  });
  switch (reading.kind) {
    case "sure":
      await recordTotal(ctx, record, totalOf(record, reading.value), now);
      return true;
    case "ask": {
      const keyboard = new InlineKeyboard();
      for (const report of reading.options) {
        const usedMb = totalOf(record, report);
        keyboard
          .text(
            describeReport(ctx, report),
            encodeAction({ kind: "usage", usedMb, reset: false, readings: record.readings.length }),
          )
          .row();
      }
      const [only, ...others] = reading.options;
      if (others.length === 0) {
        keyboard.text(
          ctx.t("flow-something-else"),
          encodeAction({ kind: "tracker", command: "typo" }),
        );
      }
      const question =
        only && others.length === 0
          ? ctx.t("flow-did-you-mean", { answer: describeReport(ctx, only) })
          : ctx.t("used-which");
      await ctx.reply(question, { reply_markup: keyboard });
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

/** "500 MB used so far", "500 MB more since last time", "500 MB left": a report as typed. */
function describeReport(ctx: BotContext, report: UsageReport): string {
  return ctx.t(`used-as-${report.meaning}`, { amount: formatData(report.megabytes) });
}

/** What the card has used in all once this report is taken. */
function totalOf(record: TrackerRecord, report: UsageReport): number {
  const lastMb = record.readings.at(-1)?.usedMb ?? 0;
  if (report.meaning === "more") return lastMb + report.megabytes;
  if (report.meaning === "left") return record.plan.totalMb - report.megabytes;
  return report.megabytes;
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
  const outcome = await recordReading(ctx, base, usedMb, now);
  if (outcome.ok) {
    try {
      await sendView(ctx, outcome.view);
    } finally {
      // The alerts are owed whether or not the figures got through.
      await sendOwed(ctx.api, ctx.deps, { now, keys: outcome.alerts });
    }
    return;
  }
  if (outcome.problem === "lower-than-last") {
    const lastMb = record.readings.at(-1)?.usedMb ?? 0;
    await ctx.reply(ctx.t("used-lower", { used: formatData(usedMb), last: formatData(lastMb) }), {
      reply_markup: new InlineKeyboard()
        .text(
          ctx.t("used-lower-reset"),
          encodeAction({ kind: "usage", usedMb, reset: true, readings: record.readings.length }),
        )
        .text(ctx.t("used-lower-typo"), encodeAction({ kind: "tracker", command: "typo" })),
    });
    return;
  }
  await ctx.reply(ctx.t(`used-${outcome.problem}`, { total: formatData(record.plan.totalMb) }));
}

export function readingsOf(record: TrackerRecord) {
  return record.readings.map((reading) => ({ at: new Date(reading.at), usedMb: reading.usedMb }));
}
