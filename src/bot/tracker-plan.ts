import type { TrackerRecord } from "../storage/storage.js";
import { withNextReminder } from "../tracker/reminders.js";
import { type Plan, startOfHongKongDay } from "../tracker/usage.js";
import type { BotContext } from "./context.js";

/**
 * Saves the user's tracker with a plan, replacing any other, its next reminder scheduled;
 * `keepReadings` (an edited plan) keeps the readings taken since the plan's start, where a new
 * card starts with none.
 */
export async function saveTrackerPlan(
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
  await ctx.deps.storage.trackers.save(withNextReminder(record, now));
}
