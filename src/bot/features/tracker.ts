import { Composer, InlineKeyboard } from "grammy";
import { formatData, readDataAmount } from "../../tracker/amounts.js";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../html.js";
import { sendView } from "../reply.js";
import { recordReading, scheduled, sendUsage } from "../tracker-actions.js";

/** "用咗 2.3G", "used 2.3 GB", "已用 500MB": a usage report, when the user has a tracker. */
const USAGE_REPORT =
  /^(用咗|用了|已用|用左|used)\s*[+＋]?\s*[\d０-９.]+\s*(g|gb|m|mb|Ｇ|ｇ)?\s*$/iu;

/** /usage, /used and /tracker: the user's own data tracker. */
export const trackerFeature = new Composer<BotContext>();
const privateChat = trackerFeature.chatType("private");

privateChat.command(["usage", "tracker"], async (ctx) => {
  const record = await ctx.deps.storage.trackers.get(ctx.from.id);
  if (!record) return offerTracker(ctx);
  await sendUsage(ctx, record, new Date());
});

privateChat.command("used", (ctx) => logUsage(ctx, ctx.match));

privateChat.on("message:text", async (ctx, next) => {
  if (!USAGE_REPORT.test(ctx.msg.text.trim())) return next();
  const record = await ctx.deps.storage.trackers.get(ctx.from.id);
  if (!record) return next();
  await logUsage(ctx, ctx.msg.text.replace(/^\D*?(?=[+＋\d０-９])/u, ""));
});

trackerFeature.on("callback_query:data", async (ctx, next) => {
  const [prefix, action, argument] = ctx.callbackQuery.data.split(":");
  if (prefix !== "tracker") return next();
  const record = await ctx.deps.storage.trackers.get(ctx.from.id);
  if (!record) {
    await ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    return;
  }
  await ctx.answerCallbackQuery();
  switch (action) {
    case "pause":
      await ctx.deps.storage.trackers.save(
        scheduled({ ...record, paused: !record.paused }, new Date()),
      );
      await ctx.reply(ctx.t(record.paused ? "tracker-resumed" : "tracker-paused"));
      return;
    case "delete":
      await ctx.reply(ctx.t("tracker-delete-confirm"), {
        reply_markup: new InlineKeyboard()
          .text(ctx.t("tracker-delete-yes"), "tracker:delete-yes")
          .text(ctx.t("flow-cancel"), "tracker:keep"),
      });
      return;
    case "delete-yes":
      await ctx.deps.storage.trackers.delete(ctx.from.id);
      await ctx.reply(ctx.t("tracker-deleted"));
      return;
    case "keep":
      return;
    case "reset": {
      // The card was reset or refilled: a new plan period starts from this reading.
      const usedMb = Number(argument);
      if (!Number.isFinite(usedMb)) return;
      const fresh = { ...record, readings: [], alertsSent: [] };
      const outcome = await recordReading(ctx, fresh, usedMb, new Date());
      if (outcome.ok) await sendView(ctx, outcome.view);
      return;
    }
    default:
      await ctx.reply(ctx.t("button-expired"));
  }
});

async function logUsage(ctx: BotContext, text: string): Promise<void> {
  if (!ctx.from) return;
  const record = await ctx.deps.storage.trackers.get(ctx.from.id);
  if (!record) return offerTracker(ctx);
  const amount = readDataAmount(text);
  if (amount === undefined) {
    await ctx.reply(ctx.t("used-expected"));
    return;
  }
  const increment = /^\s*[+＋]/u.test(text);
  const usedMb = increment ? (record.readings.at(-1)?.usedMb ?? 0) + amount : amount;
  const outcome = await recordReading(ctx, record, usedMb, new Date());
  if (!outcome.ok) {
    if (outcome.problem === "lower-than-last") {
      await ctx.reply(
        ctx.t("used-lower", {
          used: formatData(usedMb),
          last: formatData(record.readings.at(-1)?.usedMb ?? 0),
        }),
        {
          reply_markup: new InlineKeyboard()
            .text(ctx.t("used-lower-reset"), `tracker:reset:${usedMb}`)
            .text(ctx.t("used-lower-typo"), "tracker:keep"),
        },
      );
    } else {
      await ctx.reply(ctx.t(`used-${outcome.problem}`, { total: formatData(record.plan.totalMb) }));
    }
    return;
  }
  await sendView(ctx, outcome.view);
  for (const alert of outcome.alerts) await sendView(ctx, alert);
}

async function offerTracker(ctx: BotContext): Promise<void> {
  await ctx.reply(escapeHtml(ctx.t("tracker-none")), {
    parse_mode: "HTML",
    reply_markup: new InlineKeyboard().text(ctx.t("button-monitor"), "go:monitor"),
  });
}
