import { Composer } from "grammy";
import { asksOwnUsage, mayBeUsageReport, reportWithin } from "../../reading/usage-report.js";
import { withNextReminder } from "../../tracker/reminders.js";
import { decodeAction } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { sendView } from "../reply.js";
import { trackerDeleteView, trackerKeyboard, trackerOfferView } from "../tracker-views.js";
import { replyWithUsageChart } from "../usage-chart-reply.js";
import { recordTotal, reportUsage } from "../usage-reports.js";

/** /usage, /used and /tracker: the user's own data tracker, and usage reports typed plainly. */
export const trackerFeature = new Composer<BotContext>();
const privateChat = trackerFeature.chatType("private");

privateChat.command(["usage", "tracker"], async (ctx) => {
  const record = await ctx.deps.storage.trackers.get(ctx.from.id);
  if (!record) return sendView(ctx, trackerOfferView(ctx.t.bind(ctx)));
  await replyWithUsageChart(ctx, record, ctx.deps.clock.now());
});

privateChat.command("used", async (ctx) => {
  if (!(await reportUsage(ctx, ctx.match))) await sendView(ctx, trackerOfferView(ctx.t.bind(ctx)));
});

// "用咗 2.3G", "I have 1GB left", "2.3GB" after a check-in: a usage report, for a user who has a
// tracker ("I've used 3GB, how many days left?" too: recorded, and the figures answer the rest).
// "仲剩幾多？" asks for the tracker's figures. Anything else, a question about how to check
// usage among them, goes on to be answered.
privateChat.on("message:text", async (ctx, next) => {
  const text = ctx.msg.text;
  if (asksOwnUsage(text)) {
    const record = await ctx.deps.storage.trackers.get(ctx.from.id);
    if (record) return replyWithUsageChart(ctx, record, ctx.deps.clock.now());
    return next();
  }
  const report = mayBeUsageReport(text) ? text : reportWithin(text);
  if (report === undefined || !(await reportUsage(ctx, report, { typed: true }))) await next();
});

trackerFeature.on("callback_query:data", async (ctx, next) => {
  const action = decodeAction(ctx.callbackQuery.data);
  if (action?.kind !== "tracker" && action?.kind !== "usage") return next();
  const record = ctx.from && (await ctx.deps.storage.trackers.get(ctx.from.id));
  // A usage choice is stale once another reading was taken since it was offered (a double tap,
  // an older question), and every button is once the tracker is gone.
  if (!record || (action.kind === "usage" && action.readings !== record.readings.length)) {
    await ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    return;
  }
  if (action.kind === "usage") {
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await recordTotal(ctx, record, action.usedMb, ctx.deps.clock.now(), { reset: action.reset });
    return;
  }
  switch (action.command) {
    case "pause":
    case "resume": {
      const updated = withNextReminder(
        { ...record, paused: action.command === "pause" },
        ctx.deps.clock.now(),
      );
      await ctx.deps.storage.trackers.save(updated);
      // The button under the message shows the new state, so the next tap does what it says.
      await ctx
        .editMessageReplyMarkup({ reply_markup: trackerKeyboard(updated, ctx.t.bind(ctx)) })
        .catch(() => undefined);
      await ctx.reply(ctx.t(updated.paused ? "tracker-paused" : "tracker-resumed"));
      return;
    }
    case "delete":
      await sendView(ctx, trackerDeleteView(ctx.t.bind(ctx)));
      return;
    case "delete-yes":
      await ctx.deps.storage.trackers.delete(record.userId);
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      await ctx.reply(ctx.t("tracker-deleted"));
      return;
    case "keep":
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      await ctx.reply(ctx.t("tracker-kept"));
      return;
    case "typo":
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      await ctx.reply(ctx.t("used-typo-kept"));
      return;
  }
});
