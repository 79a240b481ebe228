/** The usage chart's axes: amounts up the side, the plan's days along the bottom, and today. */

import { MB_PER_GB } from "./amounts.js";
import { COLOURS, line, text } from "./chart-drawing.js";
import { DAY_MS, type Frame, PLOT, PLOT_WIDTH } from "./chart-frame.js";
import { chartDay } from "./chart-labels.js";
import { addDays } from "./usage.js";

/** Grid lines at round amounts, each labelled unless it crowds the plan's total; the unit above. */
export function amountAxis({ plan, status, top, y }: Frame): string[] {
  const parts: string[] = [];
  const unit = plan.totalMb >= MB_PER_GB ? { name: "GB", mb: MB_PER_GB } : { name: "MB", mb: 1 };
  const step = roundGridStep((Math.max(plan.totalMb, status.usedMb) * 1.12) / unit.mb);
  const totalY = y(plan.totalMb);
  for (let index = 0; index * step * unit.mb <= top; index += 1) {
    const at = y(index * step * unit.mb);
    if (index > 0)
      parts.push(line(PLOT.left, at, PLOT.right, at, { colour: COLOURS.grid, width: 1 }));
    if (Math.abs(at - totalY) >= 24 || Math.abs(index * step * unit.mb - plan.totalMb) < 1e-6)
      parts.push(
        text(trimNumber(index * step), PLOT.left - 12, at + 8, {
          anchor: "end",
          colour: COLOURS.muted,
        }),
      );
  }
  // The plan's total, labelled where no grid line falls on it.
  if (Math.abs(plan.totalMb / unit.mb / step - Math.round(plan.totalMb / unit.mb / step)) > 1e-6)
    parts.push(
      text(trimNumber(plan.totalMb / unit.mb), PLOT.left - 12, totalY + 8, {
        anchor: "end",
        colour: COLOURS.plan,
      }),
    );
  parts.push(
    text(unit.name, PLOT.left - 12, PLOT.top - 24, { anchor: "end", colour: COLOURS.muted }),
  );
  return parts;
}

/** A tick between days and a date under the middle of its day, as many as fit; the last always. */
export function dateAxis({ plan, language, start, x }: Frame): string[] {
  const parts = [
    line(PLOT.left, PLOT.bottom, PLOT.right, PLOT.bottom, { colour: COLOURS.axis, width: 2 }),
  ];
  const dayWidth = PLOT_WIDTH / plan.days;
  const labelWidth = language === "en" ? 84 : 104;
  const every = Math.max(1, Math.ceil(labelWidth / dayWidth));
  const labelled = new Set<number>([plan.days - 1]);
  for (let day = 0; day < plan.days; day += every)
    if ((plan.days - 1 - day) * dayWidth >= labelWidth || day === plan.days - 1) labelled.add(day);
  for (const day of [...labelled].sort((a, b) => a - b)) {
    const middle = x(start + (day + 0.5) * DAY_MS);
    parts.push(
      line(middle, PLOT.bottom, middle, PLOT.bottom + 7, { colour: COLOURS.axis, width: 2 }),
      text(chartDay(addDays(plan.startDate, day), language), middle, PLOT.bottom + 34, {
        anchor: "middle",
        colour: COLOURS.muted,
      }),
    );
  }
  return parts;
}

/** Today, labelled above the plot. */
export function todayMarker({ labels, today, x }: Frame): string[] {
  if (today === undefined) return [];
  const at = x(today);
  return [
    line(at, PLOT.bottom, at, PLOT.top, { colour: COLOURS.today, width: 2 }),
    text(labels.today, Math.max(PLOT.left + 4, Math.min(at, PLOT.right - 30)), PLOT.top - 14, {
      anchor: at < PLOT.left + 40 ? "start" : at > PLOT.right - 40 ? "end" : "middle",
      colour: COLOURS.muted,
    }),
  ];
}

/** A round step for about five grid lines up to `top`: 1, 2, 2.5 or 5 times a power of ten. */
function roundGridStep(top: number): number {
  const rough = top / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].find((factor) => factor * power >= rough) ?? 10;
  return step * power;
}

/** 2, 2.5, 0.25: an axis value without float noise or trailing zeros. */
function trimNumber(value: number): string {
  return String(Number(value.toFixed(2)));
}
