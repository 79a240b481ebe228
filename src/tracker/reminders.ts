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

/** An hour of the day as typed: "9", "21:00", "9pm", "晚上9点", "早上八點". */
export function readHour(text: string): number | undefined {
  const folded = text.normalize("NFKC").toLowerCase();
  const digits = folded.match(/(\d{1,2})(?::\d{2})?/)?.[1];
  const chinese = folded.match(/([一二两兩三四五六七八九十]{1,3})\s*[点點]/u)?.[1];
  let hour = digits !== undefined ? Number(digits) : chinese ? chineseHour(chinese) : undefined;
  if (hour === undefined || hour > 23) return undefined;
  if (/pm|晚|下午|夜/u.test(folded) && hour < 12) hour += 12;
  if (/am|早|上午/u.test(folded) && hour === 12) hour = 0;
  return hour;
}

function chineseHour(text: string): number | undefined {
  const digits = "一二三四五六七八九";
  if (text === "十") return 10;
  if (text.startsWith("十")) return 10 + digits.indexOf(text[1] ?? "") + 1;
  if (text.length === 1)
    return text === "两" || text === "兩" ? 2 : digits.indexOf(text) + 1 || undefined;
  return undefined;
}
