import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { escapeHtml, MAX_MESSAGE_CHARS, truncate } from "../html.js";

/** /stats, for the ids in ADMIN_IDS only; anyone else never learns the command exists. */
export const adminFeature = new Composer<BotContext>();
const admins = adminFeature
  .chatType("private")
  .filter((ctx) => ctx.from !== undefined && ctx.deps.adminIds.has(ctx.from.id));

/**
 * /reload: what editing knowledge/*.yaml does on its own, on demand, on every instance. This
 * one reloads to report the result, and hears its own announcement too: loading twice is cheaper
 * than telling its own notice apart.
 */
admins.command("reload", async (ctx) => {
  const result = await ctx.deps.reloadKnowledge?.();
  if (!result) return;
  await ctx.deps.storage.announceReload();
  const text = result.ok
    ? ctx.t("reload-done", { entries: result.entries })
    : `${ctx.t("reload-refused")}\n${result.problems.join("\n")}`;
  await ctx.reply(truncate(text, MAX_MESSAGE_CHARS));
});

admins.command("stats", async (ctx) => {
  const stats = await ctx.deps.storage.stats(ctx.deps.clock.now());
  const t = ctx.t.bind(ctx);
  const total = stats.questionsTotal || 1;
  const share = (count: number) => `${count} (${Math.round((count / total) * 100)}%)`;
  const unanswered = stats.topUnanswered.map(
    (row, index) => `${index + 1}. ${escapeHtml(truncate(row.text, 80))} × ${row.count}`,
  );
  const feedback = stats.feedback.map(
    (row) => `${escapeHtml(row.entryId)}: ${row.helpful} / ${row.unhelpful}`,
  );
  const lines = [
    t("stats-title"),
    t("stats-questions", { today: stats.questionsToday, total: stats.questionsTotal }),
    t("stats-decisions", {
      answer: share(stats.decisions.answer),
      suggest: share(stats.decisions.suggest),
      none: share(stats.decisions.none),
    }),
    "",
    t("stats-unanswered"),
    ...(unanswered.length > 0 ? unanswered : [t("stats-none")]),
    "",
    t("stats-feedback"),
    ...(feedback.length > 0 ? feedback : [t("stats-none")]),
  ];
  await ctx.reply(truncate(lines.join("\n"), 4000), { parse_mode: "HTML" });
});
