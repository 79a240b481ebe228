/**
 * The usage chart's frame: the picture's size, the plot within it, and what every part of the
 * chart is drawn against (the plan, where it stands, and the scales across and up).
 */

import type { Language } from "../text/language.js";
import { CHART_LABELS, type ChartLabels } from "./chart-labels.js";
import {
  type Plan,
  type Reading,
  startOfHongKongDay,
  type UsageStatus,
  usageStatus,
} from "./usage.js";

export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 640;

export const PLOT = { left: 88, right: CHART_WIDTH - 36, top: 140, bottom: 460 };
export const PLOT_WIDTH = PLOT.right - PLOT.left;
export const DAY_MS = 86_400_000;

/** What every part of the chart is drawn against: the plan, where it stands, and the scales. */
export interface Frame {
  plan: Plan;
  language: Language;
  labels: ChartLabels;
  status: UsageStatus;
  now: Date;
  /** The plan's first and last moments, in ms: the date axis. */
  start: number;
  end: number;
  /** Now, while the plan runs; undefined before it starts and once it has ended. */
  today: number | undefined;
  /** The readings since the plan's start, and the newest of them. */
  inPlan: readonly Reading[];
  last: Reading | undefined;
  /** The amount at the top of the plot, in MB. */
  top: number;
  /** A moment's place across the plot, held to the plan's days. */
  x(time: number): number;
  /** An amount's height in the plot. */
  y(megabytes: number): number;
}

export function frameOf(
  plan: Plan,
  readings: readonly Reading[],
  now: Date,
  language: Language,
): Frame {
  const start = startOfHongKongDay(plan.startDate).getTime();
  // The axis ends where the plan's last day does: midnight after it.
  const end = start + plan.days * DAY_MS;
  const status = usageStatus(plan, readings, now);
  const inPlan = readings.filter((reading) => reading.at.getTime() >= start);
  // Room above the plan's line for the run-out label.
  const top = Math.max(plan.totalMb, status.usedMb) * 1.16;
  return {
    plan,
    language,
    labels: CHART_LABELS[language],
    status,
    now,
    start,
    end,
    today: !status.ended && now.getTime() >= start ? now.getTime() : undefined,
    inPlan,
    last: inPlan.at(-1),
    top,
    x: (time) =>
      PLOT.left + ((Math.min(Math.max(time, start), end) - start) / (end - start)) * PLOT_WIDTH,
    y: (megabytes) => PLOT.bottom - (megabytes / top) * (PLOT.bottom - PLOT.top),
  };
}
