/**
 * When the tracker next speaks up on its own: the daily check-in at the user's Hong Kong hour,
 * and once, when the plan has ended, a summary. Pure: the scheduler supplies the time.
 */
import { addDays, hongKongDate, type Plan, startOfHongKongDay } from "./usage.js";

export type ReminderKind = "check-in" | "plan-ended";

export interface ReminderState {
  plan: Plan;
  /** Hour of the day in Hong Kong, 0–23; undefined for no check-ins. */
  checkInHour?: number;
  endedNoteSent?: boolean;
}

/** The moment the plan ends: midnight after its last day, in Hong Kong. */
export function planEnd(plan: Plan): Date {
  return startOfHongKongDay(addDays(plan.startDate, plan.days));
}

/** The next reminder strictly after `after`, and its kind; undefined when none is due ever. */
export function nextReminder(
  state: ReminderState,
  after: Date,
): { at: Date; kind: ReminderKind } | undefined {
  const end = planEnd(state.plan);
  if (after.getTime() >= end.getTime()) {
    return state.endedNoteSent ? undefined : { at: end, kind: "plan-ended" };
  }
  if (state.checkInHour !== undefined) {
    const today = hongKongDate(after);
    for (const day of [today, addDays(today, 1)]) {
      const at = new Date(startOfHongKongDay(day).getTime() + state.checkInHour * 3_600_000);
      if (at.getTime() > after.getTime() && at.getTime() < end.getTime()) {
        return { at, kind: "check-in" };
      }
    }
  }
  return state.endedNoteSent ? undefined : { at: end, kind: "plan-ended" };
}

/**
 * A tracker as of `now` with its next reminder's time (`nextReminderAt`, ISO, UTC) worked out:
 * what the scheduler claims by. Without one due ever, the field is left out.
 */
export function withNextReminder<T extends ReminderState & { nextReminderAt?: string }>(
  tracker: T,
  now: Date,
): T {
  const next = nextReminder(tracker, now);
  const { nextReminderAt: _previous, ...rest } = tracker;
  return (next ? { ...rest, nextReminderAt: next.at.toISOString() } : rest) as T;
}
