import { mayBeUsageReport } from "../reading/usage-report.js";
import type { QuestionWindow } from "../storage/storage.js";
import type { BotContext } from "./context.js";

/**
 * Questions per user per window before the bot asks them to slow down: generous enough for a
 * flow's quick typed answers, tight enough to stop a flood.
 */
export const RATE_LIMIT = { messages: 20, windowMs: 10_000 };

/** Within the limit; just past it (said once); or past it again (skipped in silence). */
export type RateVerdict = "within" | "just-over" | "over";

/**
 * Counts one question into a user's window, a fixed one that starts with the first question
 * after the last one ran out. The window lives in the user's session, which every update reads
 * and writes under the user's lock anyway: every instance sees the same count, at no cost of
 * its own (a counter table cost a fifth of PostgreSQL's throughput: one round trip more).
 */
export function countQuestion(
  window: QuestionWindow | undefined,
  now: number,
  limit = RATE_LIMIT,
): { window: QuestionWindow; verdict: RateVerdict } {
  const current = window && now - window.start < limit.windowMs ? window : { start: now, count: 0 };
  const count = current.count + 1;
  const verdict =
    count <= limit.messages ? "within" : count === limit.messages + 1 ? "just-over" : "over";
  return { window: { start: current.start, count }, verdict };
}

/**
 * Only questions are limited: a dropped button tap, inline keystroke or usage report would look
 * like a bug (or lose a reading). Past the limit, the user hears once that messages are skipped.
 * Flows run before this, so an answer to a flow is never dropped.
 */
export async function limitQuestions(ctx: BotContext, next: () => Promise<void>): Promise<void> {
  const text = ctx.message?.text;
  if (!ctx.from || (text && mayBeUsageReport(text))) return next();
  const { window, verdict } = countQuestion(ctx.session.questions, ctx.deps.clock.now().getTime());
  ctx.session.questions = window;
  if (verdict === "within") return next();
  if (verdict === "just-over") await ctx.reply(ctx.t("rate-limited"));
}
