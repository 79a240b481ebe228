/**
 * The usage chart as SVG: cumulative use by day against the plan, the even-use line, the alert
 * threshold, and the projection at the recent pace. Numbers and dates only, drawn as strokes
 * (a seven-segment face), so the picture needs no font at all; the words go in the caption.
 */
import { formatData } from "./amounts.js";
import {
  addDays,
  type Plan,
  type Reading,
  startOfHongKongDay,
  thresholdMb,
  usageStatus,
} from "./usage.js";

const WIDTH = 640;
const HEIGHT = 360;
const MARGIN = { left: 64, right: 48, top: 24, bottom: 44 };
const DAY_MS = 86_400_000;

const COLOURS = {
  axis: "#9aa0a6",
  plan: "#5f6368",
  even: "#c4c7c5",
  threshold: "#f29900",
  used: "#1a73e8",
  projection: "#d93025",
};

export function usageChartSvg(plan: Plan, readings: readonly Reading[], now: Date): string {
  const start = startOfHongKongDay(plan.startDate).getTime();
  const end = start + plan.days * DAY_MS;
  const status = usageStatus(plan, readings, now);
  const top = Math.max(plan.totalMb, status.usedMb) * 1.08;
  const x = (time: number) =>
    MARGIN.left + ((time - start) / (end - start)) * (WIDTH - MARGIN.left - MARGIN.right);
  const y = (megabytes: number) =>
    HEIGHT - MARGIN.bottom - (megabytes / top) * (HEIGHT - MARGIN.top - MARGIN.bottom);
  const line = (x1: number, y1: number, x2: number, y2: number, colour: string, dash = "") =>
    `<line x1="${x1.toFixed(1)}" y1="${y1.toFixed(1)}" x2="${x2.toFixed(1)}" y2="${y2.toFixed(1)}" stroke="${colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ""}/>`;

  const parts: string[] = [`<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`];
  // Axes, with the plan's total and the threshold as horizontal lines.
  parts.push(line(MARGIN.left, y(0), x(end), y(0), COLOURS.axis));
  parts.push(line(MARGIN.left, y(0), MARGIN.left, MARGIN.top, COLOURS.axis));
  parts.push(line(x(start), y(plan.totalMb), x(end), y(plan.totalMb), COLOURS.plan, "6 4"));
  const alertAt = plan.totalMb - thresholdMb(plan);
  parts.push(line(x(start), y(alertAt), x(end), y(alertAt), COLOURS.threshold, "4 4"));
  // Even use: the pace that lasts exactly until the end.
  parts.push(line(x(start), y(0), x(end), y(plan.totalMb), COLOURS.even, "2 4"));

  // Labels: the total and the threshold level on the left, the days along the bottom.
  parts.push(digits(gigabytesLabel(plan.totalMb), 10, y(plan.totalMb) - 6, COLOURS.plan));
  parts.push(digits(gigabytesLabel(alertAt), 10, y(alertAt) + 14, COLOURS.threshold));
  parts.push(digits("0", MARGIN.left - 16, y(0) - 6, COLOURS.axis));
  const step = Math.max(1, Math.ceil(plan.days / 8));
  for (let day = 0; day <= plan.days; day += step) {
    const at = x(start + day * DAY_MS);
    parts.push(line(at, y(0), at, y(0) + 5, COLOURS.axis));
    parts.push(digits(addDays(plan.startDate, day).slice(5), at - 20, HEIGHT - 14, COLOURS.axis));
  }

  // Use so far: from zero at the start through every reading.
  const points = [
    { time: start, usedMb: 0 },
    ...readings.map((r) => ({ time: r.at.getTime(), usedMb: r.usedMb })),
  ]
    .filter((point) => point.time >= start)
    .map((point) => `${x(Math.min(point.time, end)).toFixed(1)},${y(point.usedMb).toFixed(1)}`);
  parts.push(
    `<polyline points="${points.join(" ")}" fill="none" stroke="${COLOURS.used}" stroke-width="3"/>`,
  );

  // The projection: at the recent pace from the newest reading until the data or the plan ends.
  const last = readings.at(-1);
  if (last && status.paceMbPerDay && !status.ended) {
    const from = last.at.getTime();
    const untilEmpty = from + ((plan.totalMb - last.usedMb) / status.paceMbPerDay) * DAY_MS;
    const to = Math.min(end, Math.max(from, untilEmpty));
    const projected = last.usedMb + ((to - from) / DAY_MS) * status.paceMbPerDay;
    parts.push(line(x(from), y(last.usedMb), x(to), y(projected), COLOURS.projection, "8 5"));
  }
  // Today.
  if (!status.ended)
    parts.push(line(x(now.getTime()), y(0), x(now.getTime()), MARGIN.top, COLOURS.even));

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">${parts.join("")}</svg>`;
}

/** "10", "1.5": gigabytes without the unit, which the caption names. */
function gigabytesLabel(megabytes: number): string {
  return formatData(megabytes).replace(/ GB$/, "").replace(/ MB$/, "");
}

// Seven segments (a–g) and the two extra strokes digits need, on a 8 × 12 cell.
const SEGMENTS: Record<string, [number, number, number, number]> = {
  a: [0, 0, 8, 0],
  b: [8, 0, 8, 6],
  c: [8, 6, 8, 12],
  d: [0, 12, 8, 12],
  e: [0, 6, 0, 12],
  f: [0, 0, 0, 6],
  g: [0, 6, 8, 6],
};
const GLYPHS: Record<string, string> = {
  "0": "abcdef",
  "1": "bc",
  "2": "abged",
  "3": "abgcd",
  "4": "fgbc",
  "5": "afgcd",
  "6": "afgedc",
  "7": "abc",
  "8": "abcdefg",
  "9": "abcdfg",
  "-": "g",
};

/** Digits, dots and dashes as strokes, with the baseline at (left, baseline). */
function digits(text: string, left: number, baseline: number, colour: string): string {
  const strokes: string[] = [];
  let at = left;
  for (const char of text) {
    if (char === ".") {
      strokes.push(`M${at + 1} ${baseline}h1`);
      at += 5;
      continue;
    }
    for (const segment of GLYPHS[char] ?? "") {
      const [x1, y1, x2, y2] = SEGMENTS[segment] ?? [0, 0, 0, 0];
      strokes.push(`M${at + x1} ${baseline - 12 + y1}L${at + x2} ${baseline - 12 + y2}`);
    }
    at += 12;
  }
  return `<path d="${strokes.join("")}" fill="none" stroke="${colour}" stroke-width="2" stroke-linecap="round"/>`;
}
