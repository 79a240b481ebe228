import { InputFile } from "grammy";
import type { TrackerRecord } from "../storage/storage.js";
import { usageChartSvg } from "../tracker/chart.js";
import { svgToPng } from "../tracker/chart-png.js";
import { readingsOf } from "../tracker/usage.js";
import type { BotContext } from "./context.js";
import { usageView } from "./tracker-views.js";

/** /usage: the chart of use against the plan as a picture, with the usage figures as its caption. */
export async function replyWithUsageChart(
  ctx: BotContext,
  record: TrackerRecord,
  now: Date,
): Promise<void> {
  const view = usageView(record, now, ctx.language, ctx.t.bind(ctx));
  const png = svgToPng(usageChartSvg(record.plan, readingsOf(record), now, ctx.language));
  await ctx.replyWithPhoto(new InputFile(png, "usage.png"), {
    caption: view.text,
    parse_mode: "HTML",
    reply_markup: view.keyboard,
  });
}
