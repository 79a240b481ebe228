/**
 * The tracker's arithmetic: how much is left, for how long, at what pace, and when to warn.
 * Pure functions of a plan, its readings and the time: no Telegram, no storage, no clock.
 * Days are Hong Kong calendar days (UTC+8 all year, no daylight saving).
 */

const DAY_MS = 86_400_000;
const HONG_KONG_OFFSET_MS = 8 * 3_600_000;
/** The pace is measured over this many recent days, so that a heavy first day fades out. */
const PACE_WINDOW_DAYS = 3;

export type Threshold = { percent: number } | { megabytes: number };

export interface Plan {
  totalMb: number;
  /** The first day of the plan, in Hong Kong: YYYY-MM-DD. */
  startDate: string;
  days: number;
  threshold: Threshold;
}

/** What the card had used in total at a moment, as the phone or the carrier shows it. */
export interface Reading {
  at: Date;
  usedMb: number;
}

/** Readings as they are stored, their times ISO text, as the arithmetic takes them. */
export function readingsOf(tracker: {
  readings: readonly { at: string; usedMb: number }[];
}): Reading[] {
  return tracker.readings.map((reading) => ({ at: new Date(reading.at), usedMb: reading.usedMb }));
}

export interface UsageStatus {
  usedMb: number;
  leftMb: number;
  /** Whole days left, counting today; 0 once the plan has ended. */
  daysLeft: number;
  /** What may be used per day from now on to last until the end. */
  dailyBudgetMb: number;
  /** Recent use per day, counted from the plan's start at zero; undefined until a report comes. */
  paceMbPerDay: number | undefined;
  /** The Hong Kong day the data runs out at the recent pace, if before the plan ends. */
  runsOutOn: string | undefined;
  /** The plan's last day, in Hong Kong. */
  lastDay: string;
  belowThreshold: boolean;
  ended: boolean;
}

/** The Hong Kong calendar day of a moment, YYYY-MM-DD. */
export function hongKongDate(at: Date): string {
  return new Date(at.getTime() + HONG_KONG_OFFSET_MS).toISOString().slice(0, 10);
}

/** Midnight at the start of a Hong Kong day, as a moment. */
export function startOfHongKongDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - HONG_KONG_OFFSET_MS);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function thresholdMb(plan: Plan): number {
  return "percent" in plan.threshold
    ? (plan.totalMb * plan.threshold.percent) / 100
    : plan.threshold.megabytes;
}

export type ReadingProblem = "negative" | "above-plan" | "lower-than-last";

/** Whether a new total can be taken as it is; a lower one may mean the card was reset. */
export function checkReading(
  plan: Plan,
  readings: readonly Reading[],
  usedMb: number,
): ReadingProblem | undefined {
  if (!Number.isFinite(usedMb) || usedMb < 0) return "negative";
  // A little over the plan happens (rounding, overage); ten times the plan is a typo.
  if (usedMb > plan.totalMb * 2) return "above-plan";
  const last = readings.at(-1);
  if (last && usedMb < last.usedMb) return "lower-than-last";
  return undefined;
}

export function usageStatus(plan: Plan, readings: readonly Reading[], now: Date): UsageStatus {
  const usedMb = readings.at(-1)?.usedMb ?? 0;
  const leftMb = Math.max(0, plan.totalMb - usedMb);
  const lastDay = addDays(plan.startDate, plan.days - 1);
  const end = startOfHongKongDay(addDays(lastDay, 1));
  const ended = now.getTime() >= end.getTime();
  const daysLeft = ended
    ? 0
    : Math.min(plan.days, Math.ceil((end.getTime() - now.getTime()) / DAY_MS));
  // The plan's start is a reading of its own, at zero: the pace counts from the first report.
  const start = startOfHongKongDay(plan.startDate);
  const paceMbPerDay = recentPace(
    [{ at: start, usedMb: 0 }, ...readings.filter((reading) => reading.at >= start)],
    now,
  );
  let runsOutOn: string | undefined;
  if (!ended && paceMbPerDay && paceMbPerDay > 0) {
    const runsOutAt = new Date(now.getTime() + (leftMb / paceMbPerDay) * DAY_MS);
    if (runsOutAt.getTime() < end.getTime()) runsOutOn = hongKongDate(runsOutAt);
  }
  return {
    usedMb,
    leftMb,
    daysLeft,
    dailyBudgetMb: daysLeft > 0 ? leftMb / daysLeft : 0,
    paceMbPerDay,
    runsOutOn,
    lastDay,
    belowThreshold: leftMb <= thresholdMb(plan),
    ended,
  };
}

/** Use per day between the newest reading and the one that starts the recent window. */
function recentPace(readings: readonly Reading[], now: Date): number | undefined {
  const last = readings.at(-1);
  if (!last) return undefined;
  const windowStart = now.getTime() - PACE_WINDOW_DAYS * DAY_MS;
  const first =
    readings.find((reading) => reading.at.getTime() >= windowStart && reading !== last) ??
    readings.at(-2);
  if (!first) return undefined;
  const days = (last.at.getTime() - first.at.getTime()) / DAY_MS;
  // Readings minutes apart say nothing of a daily pace.
  if (days < 1 / 24) return undefined;
  return Math.max(0, (last.usedMb - first.usedMb) / days);
}

export type AlertKind = "threshold" | "pace";

/**
 * The alerts a new status calls for: each kind once per plan, when its condition first holds.
 * `sent` holds the kinds already sent.
 */
export function alertsDue(status: UsageStatus, sent: ReadonlySet<AlertKind>): AlertKind[] {
  if (status.ended) return [];
  const due: AlertKind[] = [];
  if (status.belowThreshold && !sent.has("threshold")) due.push("threshold");
  if (status.runsOutOn !== undefined && !sent.has("pace")) due.push("pace");
  return due;
}

/** A text bar of the share used: ▓▓▓▓░░░░░░ 40%. */
export function usageBar(plan: Plan, status: UsageStatus, width = 10): string {
  const share = Math.min(1, status.usedMb / plan.totalMb);
  const filled = Math.round(share * width);
  return `${"▓".repeat(filled)}${"░".repeat(width - filled)} ${Math.round(share * 100)}%`;
}
