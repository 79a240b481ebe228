/**
 * The usage chart as SVG: use so far against the plan, the amount left, the even-use line, the
 * alert level, and the projection at the recent pace with the day the data runs out. Each part
 * is drawn by a function of its own over one frame (the plan's days across, amounts up); text is
 * set in the bundled font (chart-drawing.ts), in the reader's words (chart-labels.ts).
 */

import type { Language } from "../text/language.js";
import { formatData } from "./amounts.js";
import { amountAxis, dateAxis, todayMarker } from "./chart-axes.js";
import {
  CHART_FONT_FAMILY,
  COLOURS,
  dot,
  LINE_STYLES,
  type LineStyle,
  line,
  polyline,
  TEXT_SIZES,
  text,
} from "./chart-drawing.js";
import {
  CHART_HEIGHT,
  CHART_WIDTH,
  DAY_MS,
  type Frame,
  frameOf,
  PLOT,
  PLOT_WIDTH,
} from "./chart-frame.js";
import { chartDay } from "./chart-labels.js";
import { type Plan, type Reading, thresholdMb } from "./usage.js";

/** The chart of a plan and its readings as of `now`, in the reader's language. */
export function usageChartSvg(
  plan: Plan,
  readings: readonly Reading[],
  now: Date,
  language: Language,
): string {
  const frame = frameOf(plan, readings, now, language);
  const projection = projectionLine(frame);
  const parts = [
    `<rect width="${CHART_WIDTH}" height="${CHART_HEIGHT}" fill="#ffffff"/>`,
    ...heading(frame),
    ...amountAxis(frame),
    ...dateAxis(frame),
    ...todayMarker(frame),
    ...referenceLines(frame),
    ...projection.parts,
    ...(frame.last ? useSoFar(frame, frame.last) : noReadingsNote(frame)),
    ...endedNote(frame),
    ...(projection.runsOut ? runOutMarker(frame, projection.runsOut) : []),
    ...legend(frame, projection.parts.length > 0),
  ];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" font-family="${CHART_FONT_FAMILY}">${parts.join("")}</svg>`;
}

/** The title, and under it the plan's size and days. */
function heading({ plan, language, labels, status }: Frame): string[] {
  const subtitle = labels.subtitle(
    formatData(plan.totalMb),
    chartDay(plan.startDate, language),
    chartDay(status.lastDay, language),
  );
  return [
    text(labels.title, 32, 50, { size: TEXT_SIZES.title, weight: 700 }),
    text(subtitle, 32, 88, { size: TEXT_SIZES.subtitle, colour: COLOURS.muted }),
  ];
}

/** Where the alert fires: what is used then (the plan less what is left), and what is left. */
function alertLevel(plan: Plan): { usedMb: number; leftMb: number } {
  const leftMb = thresholdMb(plan);
  return { usedMb: plan.totalMb - leftMb, leftMb };
}

/** The plan's total, the alert level (drawn at what is used when it fires), and even use. */
function referenceLines({ plan, labels, start, end, x, y }: Frame): string[] {
  const parts = [line(x(start), y(plan.totalMb), x(end), y(plan.totalMb), LINE_STYLES.plan)];
  const alert = alertLevel(plan);
  if (alert.usedMb > 0)
    parts.push(
      line(x(start), y(alert.usedMb), x(end), y(alert.usedMb), LINE_STYLES.alert),
      text(labels.alert(formatData(alert.leftMb)), PLOT.left + 10, y(alert.usedMb) - 10, {
        colour: COLOURS.alert,
        halo: true,
      }),
    );
  parts.push(line(x(start), y(0), x(end), y(plan.totalMb), LINE_STYLES.even));
  return parts;
}

/**
 * The projection at the recent pace from the newest reading, to the run-out moment or the
 * plan's end; with the run-out moment and day when the data runs out before the end.
 */
function projectionLine({ status, now, today, last, end, x, y }: Frame): {
  parts: string[];
  runsOut?: { at: number; day: string };
} {
  if (!last || today === undefined || !status.paceMbPerDay || status.leftMb <= 0)
    return { parts: [] };
  const pace = status.paceMbPerDay / DAY_MS;
  const emptyAt = now.getTime() + status.leftMb / pace;
  const to = Math.min(end, emptyAt);
  const projected = status.usedMb + Math.max(0, to - now.getTime()) * pace;
  const parts = [
    line(x(last.at.getTime()), y(status.usedMb), x(to), y(projected), LINE_STYLES.projection),
  ];
  return status.runsOutOn && emptyAt < end
    ? { parts, runsOut: { at: emptyAt, day: status.runsOutOn } }
    : { parts };
}

/** Use so far: from zero at the start through every reading, the newest marked, with what is left. */
function useSoFar({ plan, labels, status, start, inPlan, x, y }: Frame, last: Reading): string[] {
  const points = [
    { time: start, usedMb: 0 },
    ...inPlan.map((r) => ({ time: r.at.getTime(), usedMb: r.usedMb })),
  ];
  const lastX = x(last.at.getTime());
  const parts = [
    polyline(
      points.map((point) => ({ x: x(point.time), y: y(point.usedMb) })),
      LINE_STYLES.used,
    ),
    dot(lastX, y(status.usedMb), 6, COLOURS.used),
  ];
  if (status.leftMb <= 0) {
    parts.push(
      text(labels.usedUp, lastX - 14, y(status.usedMb) + 8, {
        anchor: "end",
        colour: COLOURS.projection,
        weight: 700,
        halo: true,
      }),
    );
    return parts;
  }
  // What is left: a bracket from the newest reading up to the plan's line.
  const from = y(status.usedMb);
  const to = y(plan.totalMb);
  const bracket = { colour: COLOURS.left, width: 2.5 };
  const onRight = lastX < PLOT.left + PLOT_WIDTH * 0.6;
  parts.push(
    line(lastX, from - 8, lastX, to, bracket),
    line(lastX - 6, to, lastX + 6, to, bracket),
    text(
      labels.left(formatData(status.leftMb)),
      lastX + (onRight ? 12 : -12),
      (from + to) / 2 + 8,
      {
        anchor: onRight ? "start" : "end",
        colour: COLOURS.left,
        weight: 700,
        halo: true,
      },
    ),
  );
  return parts;
}

/** No readings yet: the plan and what a day may use, instead of an empty plot. */
function noReadingsNote({ labels, status }: Frame): string[] {
  const note = status.ended ? labels.ended : labels.noReadings;
  const parts = [
    text(note, PLOT.right - 12, PLOT.bottom - 60, { anchor: "end", weight: 700, halo: true }),
  ];
  if (!status.ended)
    parts.push(
      text(labels.budget(formatData(status.dailyBudgetMb)), PLOT.right - 12, PLOT.bottom - 26, {
        anchor: "end",
        colour: COLOURS.muted,
        halo: true,
      }),
    );
  return parts;
}

/** "Plan ended" over a plot with readings (without any, noReadingsNote says it). */
function endedNote({ labels, status, last }: Frame): string[] {
  if (!last || !status.ended) return [];
  return [
    text(labels.ended, PLOT.right - 12, PLOT.bottom - 26, {
      anchor: "end",
      weight: 700,
      halo: true,
    }),
  ];
}

/** The day the data runs out at the recent pace, on the plan's line. */
function runOutMarker(
  { plan, language, labels, x, y }: Frame,
  runsOut: { at: number; day: string },
): string[] {
  const at = x(runsOut.at);
  const dotted = { colour: COLOURS.projection, width: 2, dash: "3 4" };
  return [
    line(at, y(plan.totalMb), at, PLOT.bottom, dotted),
    dot(at, y(plan.totalMb), 7, COLOURS.projection),
    text(
      labels.runsOut(chartDay(runsOut.day, language)),
      Math.max(PLOT.left + 4, Math.min(at, PLOT.right - 4)),
      y(plan.totalMb) - 16,
      {
        anchor: at < PLOT.left + 110 ? "start" : at > PLOT.right - 110 ? "end" : "middle",
        colour: COLOURS.projection,
        weight: 700,
        halo: true,
      },
    ),
  ];
}

/** Every line style drawn, named in the reader's language, two to a row. */
function legend({ plan, labels, last }: Frame, projecting: boolean): string[] {
  const entries: [string, LineStyle][] = [];
  if (last) entries.push([labels.used, LINE_STYLES.used]);
  entries.push([labels.planTotal, LINE_STYLES.plan], [labels.even, LINE_STYLES.even]);
  const alert = alertLevel(plan);
  if (alert.usedMb > 0) entries.push([labels.alert(formatData(alert.leftMb)), LINE_STYLES.alert]);
  if (projecting) entries.push([labels.projection, LINE_STYLES.projection]);
  return entries.flatMap(([label, style], index) => {
    const left = 40 + (index % 2) * 380;
    const middle = 538 + Math.floor(index / 2) * 38;
    return [
      line(left, middle, left + 44, middle, style),
      text(label, left + 56, middle + 8, { colour: COLOURS.text }),
    ];
  });
}
