import { InlineKeyboard } from "grammy";
import type { KnowledgeBase } from "../kb/schema.js";
import type { UsageReport } from "../reading/usage-report.js";
import type { TrackerRecord } from "../storage/storage.js";
import type { Language } from "../text/language.js";
import { formatData } from "../tracker/amounts.js";
import { formatDay } from "../tracker/display.js";
import {
  type AlertKind,
  readingsOf,
  type UsageStatus,
  usageBar,
  usageStatus,
} from "../tracker/usage.js";
import { encodeAction } from "./callback-data.js";
import { escapeHtml } from "./html.js";
import type { Translate, View } from "./views.js";

/** A message sent as plain text, without a parse mode, and its buttons. */
export interface PlainTextView {
  text: string;
  keyboard: InlineKeyboard;
}

/** The knowledge-base entries an alert points to: what to do when data runs low. */
const ALERT_ENTRIES = ["plan-adjust", "monitoring-check-regularly"];

/** The /usage figures: used, left, days left, budget, projection, a bar, and the tracker's buttons. */
export function usageView(
  record: TrackerRecord,
  now: Date,
  language: Language,
  t: Translate,
): View {
  const status = usageStatus(record.plan, readingsOf(record), now);
  const lines = [
    `<b>${escapeHtml(t("usage-title"))}</b>`,
    `<code>${usageBar(record.plan, status)}</code>`,
    escapeHtml(
      t("usage-summary", {
        used: formatData(status.usedMb),
        total: formatData(record.plan.totalMb),
        left: formatData(status.leftMb),
        days: status.daysLeft,
        last: formatDay(status.lastDay, language),
      }),
    ),
  ];
  if (status.ended) lines.push(escapeHtml(t("usage-ended")));
  else lines.push(escapeHtml(t("usage-budget", { budget: formatData(status.dailyBudgetMb) })));
  if (status.runsOutOn)
    lines.push(
      `⚠️ ${escapeHtml(t("usage-runs-out", { date: formatDay(status.runsOutOn, language) }))}`,
    );
  if (record.readings.length === 0) lines.push(escapeHtml(t("usage-no-readings")));
  return { text: lines.join("\n"), keyboard: trackerKeyboard(record, t) };
}

/** The tracker's buttons, showing its state: ⏸ Pause while reminders run, ▶️ Resume while not. */
export function trackerKeyboard(record: TrackerRecord, t: Translate): InlineKeyboard {
  return new InlineKeyboard()
    .text(
      t(record.paused ? "tracker-resume" : "tracker-pause"),
      encodeAction({ kind: "tracker", command: record.paused ? "resume" : "pause" }),
    )
    .text(t("tracker-delete"), encodeAction({ kind: "tracker", command: "delete" }))
    .row()
    .text(t("tracker-edit"), encodeAction({ kind: "go", flow: "plan" }));
}

/** "Delete your tracker?": yes, or keep it. */
export function trackerDeleteView(t: Translate): View {
  return {
    text: escapeHtml(t("tracker-delete-confirm")),
    keyboard: new InlineKeyboard()
      .text(t("tracker-delete-yes"), encodeAction({ kind: "tracker", command: "delete-yes" }))
      .text(t("flow-cancel"), encodeAction({ kind: "tracker", command: "keep" })),
  };
}

/** For a user without a tracker: what it does, and a button that sets one up. */
export function trackerOfferView(t: Translate): View {
  return {
    text: escapeHtml(t("tracker-none")),
    keyboard: new InlineKeyboard().text(
      t("button-monitor"),
      encodeAction({ kind: "go", flow: "monitor" }),
    ),
  };
}

/** "500 MB used so far", "500 MB more since last time", "500 MB left": a report as typed. */
export function describeReport(report: UsageReport, t: Translate): string {
  return t(`used-as-${report.meaning}`, { amount: formatData(report.megabytes) });
}

/**
 * A usage report read more than one way, or not surely: a button per reading, each carrying the
 * total it comes to (made stale by the next reading); "something else" when there is one.
 */
export function reportChoicesView(
  record: TrackerRecord,
  options: readonly { report: UsageReport; usedMb: number }[],
  t: Translate,
): PlainTextView {
  const keyboard = new InlineKeyboard();
  for (const { report, usedMb } of options) {
    keyboard
      .text(
        describeReport(report, t),
        encodeAction({ kind: "usage", usedMb, reset: false, readings: record.readings.length }),
      )
      .row();
  }
  const [only, ...others] = options;
  if (others.length === 0) {
    keyboard.text(t("flow-something-else"), encodeAction({ kind: "tracker", command: "typo" }));
  }
  const text =
    only && others.length === 0
      ? t("flow-did-you-mean", { answer: describeReport(only.report, t) })
      : t("used-which");
  return { text, keyboard };
}

/** A total lower than the last one: was the card reset (count again from it), or a typo? */
export function lowerTotalView(record: TrackerRecord, usedMb: number, t: Translate): PlainTextView {
  const lastMb = record.readings.at(-1)?.usedMb ?? 0;
  return {
    text: t("used-lower", { used: formatData(usedMb), last: formatData(lastMb) }),
    keyboard: new InlineKeyboard()
      .text(
        t("used-lower-reset"),
        encodeAction({ kind: "usage", usedMb, reset: true, readings: record.readings.length }),
      )
      .text(t("used-lower-typo"), encodeAction({ kind: "tracker", command: "typo" })),
  };
}

/** A low-data alert: what is left and may be used a day, or the day the pace runs out; what to do. */
export function alertView(
  kind: AlertKind,
  status: UsageStatus,
  kb: KnowledgeBase,
  language: Language,
  t: Translate,
): View {
  const keyboard = new InlineKeyboard();
  for (const id of ALERT_ENTRIES) {
    const entry = kb.entryById.get(id);
    if (entry)
      keyboard.text(entry.title[language], encodeAction({ kind: "ask", entryId: id })).row();
  }
  const text =
    kind === "threshold"
      ? t("alert-threshold", {
          left: formatData(status.leftMb),
          budget: formatData(status.dailyBudgetMb),
        })
      : t("alert-pace", { date: formatDay(status.runsOutOn ?? status.lastDay, language) });
  return { text: `⚠️ ${escapeHtml(text)}`, keyboard };
}
