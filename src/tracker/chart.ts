/**
 * The usage chart as SVG: use so far against the plan, the amount left, the even-use line, the
 * alert level, and the projection at the recent pace with the day the data runs out. Text is
 * set in CHART_FONT_FAMILY, which chart-png.ts bundles, so the picture looks the same anywhere.
 * The words are the chart's own, per language (CHART_LABELS), not the locale files'.
 */

import type { Language } from "../text/language.js";
import { formatData, MB_PER_GB } from "./amounts.js";
import {
  addDays,
  type Plan,
  type Reading,
  startOfHongKongDay,
  thresholdMb,
  usageStatus,
} from "./usage.js";

/** The family of the font chart-png.ts loads: it has Latin and both Chinese scripts. */
export const CHART_FONT_FAMILY = "Noto Sans SC";
export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 640;

const PLOT = { left: 88, right: CHART_WIDTH - 36, top: 140, bottom: 460 };
const DAY_MS = 86_400_000;
/** Text sizes, chosen to stay readable with the picture at half size on a phone. */
const SIZE = { title: 34, subtitle: 22, label: 22 };

const COLOURS = {
  text: "#202124",
  muted: "#5f6368",
  axis: "#9aa0a6",
  grid: "#e8eaed",
  plan: "#3c4043",
  even: "#80868b",
  alert: "#e37400",
  used: "#1a73e8",
  left: "#1967d2",
  projection: "#d93025",
  today: "#bdc1c6",
};

/** The chart's words in one language; amounts and dates come in already formatted. */
export interface ChartLabels {
  title: string;
  /** Under the title: the plan's size and its days. */
  subtitle: (total: string, firstDay: string, lastDay: string) => string;
  /** A day on the date axis. */
  day: (month: number, day: number) => string;
  used: string;
  planTotal: string;
  even: string;
  projection: string;
  alert: (left: string) => string;
  left: (left: string) => string;
  runsOut: (day: string) => string;
  today: string;
  noReadings: string;
  budget: (perDay: string) => string;
  ended: string;
  usedUp: string;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const chineseDay = (month: number, day: number) => `${month}月${day}日`;

export const CHART_LABELS: Record<Language, ChartLabels> = {
  en: {
    title: "Data use",
    subtitle: (total, first, last) => `Plan ${total} · ${first} – ${last}`,
    day: (month, day) => `${day} ${MONTHS[month - 1]}`,
    used: "Used so far",
    planTotal: "Plan total",
    even: "Even use",
    projection: "At recent pace",
    alert: (left) => `Alert: ${left} left`,
    left: (left) => `${left} left`,
    runsOut: (day) => `Runs out ${day}`,
    today: "Today",
    noReadings: "No usage reported yet",
    budget: (perDay) => `About ${perDay} a day to last`,
    ended: "Plan ended",
    usedUp: "Data used up",
  },
  "zh-Hans": {
    title: "流量使用",
    subtitle: (total, first, last) => `套餐 ${total} · ${first}–${last}`,
    day: chineseDay,
    used: "已用",
    planTotal: "套餐总量",
    even: "均匀使用",
    projection: "按近期速度",
    alert: (left) => `提醒：剩 ${left}`,
    left: (left) => `剩余 ${left}`,
    runsOut: (day) => `约${day}用完`,
    today: "今天",
    noReadings: "还没有报告用量",
    budget: (perDay) => `每天可用约 ${perDay}`,
    ended: "套餐已到期",
    usedUp: "流量已用完",
  },
  "zh-Hant": {
    title: "數據用量",
    subtitle: (total, first, last) => `計劃 ${total} · ${first}–${last}`,
    day: chineseDay,
    used: "已用",
    planTotal: "計劃總量",
    even: "平均使用",
    projection: "按近日用量推算",
    alert: (left) => `提醒：剩 ${left}`,
    left: (left) => `尚餘 ${left}`,
    runsOut: (day) => `約${day}用完`,
    today: "今日",
    noReadings: "尚未報告用量",
    budget: (perDay) => `每日可用約 ${perDay}`,
    ended: "計劃已完結",
    usedUp: "數據已用完",
  },
};

/** A Hong Kong day (YYYY-MM-DD) as the chart's readers write it: 3 Dec, 12月3日. */
export function chartDay(date: string, language: Language): string {
  const [, month = 1, day = 1] = date.split("-").map(Number);
  return CHART_LABELS[language].day(month, day);
}

type LineStyle = { colour: string; width: number; dash?: string; cap?: "round" };
const STYLES = {
  used: { colour: COLOURS.used, width: 4 },
  plan: { colour: COLOURS.plan, width: 2 },
  even: { colour: COLOURS.even, width: 2.5, dash: "12 7" },
  alert: { colour: COLOURS.alert, width: 3, dash: "1 7", cap: "round" },
  projection: { colour: COLOURS.projection, width: 3, dash: "9 6" },
} satisfies Record<string, LineStyle>;

export function usageChartSvg(
  plan: Plan,
  readings: readonly Reading[],
  now: Date,
  language: Language,
): string {
  const labels = CHART_LABELS[language];
  const start = startOfHongKongDay(plan.startDate).getTime();
  // The axis ends where the plan's last day does: midnight after it.
  const end = start + plan.days * DAY_MS;
  const status = usageStatus(plan, readings, now);
  const inPlan = readings.filter((reading) => reading.at.getTime() >= start);
  const last = inPlan.at(-1);
  const unit = plan.totalMb >= MB_PER_GB ? { name: "GB", mb: MB_PER_GB } : { name: "MB", mb: 1 };
  const step = niceStep((Math.max(plan.totalMb, status.usedMb) * 1.12) / unit.mb);
  // Room above the plan's line for the run-out label.
  const top = Math.max(plan.totalMb, status.usedMb) * 1.16;
  const x = (time: number) =>
    PLOT.left + ((Math.min(Math.max(time, start), end) - start) / (end - start)) * plotWidth();
  const y = (megabytes: number) => PLOT.bottom - (megabytes / top) * (PLOT.bottom - PLOT.top);
  const today = !status.ended && now.getTime() >= start ? now.getTime() : undefined;

  const parts: string[] = [
    `<rect width="${CHART_WIDTH}" height="${CHART_HEIGHT}" fill="#ffffff"/>`,
  ];
  // Title and plan.
  parts.push(text(labels.title, 32, 50, { size: SIZE.title, weight: 700 }));
  parts.push(
    text(
      labels.subtitle(
        formatData(plan.totalMb),
        chartDay(plan.startDate, language),
        chartDay(status.lastDay, language),
      ),
      32,
      88,
      { size: SIZE.subtitle, colour: COLOURS.muted },
    ),
  );

  // The amount axis: grid lines at round amounts and the plan's total, the unit above them.
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

  // The date axis: a tick between days, a date under the middle of its day, the last day always.
  parts.push(
    line(PLOT.left, PLOT.bottom, PLOT.right, PLOT.bottom, { colour: COLOURS.axis, width: 2 }),
  );
  const dayWidth = plotWidth() / plan.days;
  const labelWidth = language === "en" ? 84 : 104;
  const every = Math.max(1, Math.ceil(labelWidth / dayWidth));
  const labelled = new Set<number>([plan.days - 1]);
  for (let day = 0; day < plan.days; day += every)
    if ((plan.days - 1 - day) * dayWidth >= labelWidth || day === plan.days - 1) labelled.add(day);
  for (const day of [...labelled].sort((a, b) => a - b)) {
    const middle = x(start + (day + 0.5) * DAY_MS);
    parts.push(
      line(middle, PLOT.bottom, middle, PLOT.bottom + 7, { colour: COLOURS.axis, width: 2 }),
    );
    parts.push(
      text(chartDay(addDays(plan.startDate, day), language), middle, PLOT.bottom + 34, {
        anchor: "middle",
        colour: COLOURS.muted,
      }),
    );
  }

  // Today, labelled above the plot.
  if (today !== undefined) {
    const at = x(today);
    parts.push(line(at, PLOT.bottom, at, PLOT.top, { colour: COLOURS.today, width: 2 }));
    parts.push(
      text(labels.today, Math.max(PLOT.left + 4, Math.min(at, PLOT.right - 30)), PLOT.top - 14, {
        anchor: at < PLOT.left + 40 ? "start" : at > PLOT.right - 40 ? "end" : "middle",
        colour: COLOURS.muted,
      }),
    );
  }

  // The plan's total, the alert level (drawn at what is used when it fires), even use.
  parts.push(line(x(start), y(plan.totalMb), x(end), y(plan.totalMb), STYLES.plan));
  const alertLeft = thresholdMb(plan);
  const alertAt = plan.totalMb - alertLeft;
  if (alertAt > 0) {
    parts.push(line(x(start), y(alertAt), x(end), y(alertAt), STYLES.alert));
    parts.push(
      text(labels.alert(formatData(alertLeft)), PLOT.left + 10, y(alertAt) - 10, {
        colour: COLOURS.alert,
        halo: true,
      }),
    );
  }
  parts.push(line(x(start), y(0), x(end), y(plan.totalMb), STYLES.even));

  // The projection: at the recent pace from the newest reading, to the run-out day or the end.
  let runsOut: { at: number; day: string } | undefined;
  let projecting = false;
  if (last && today !== undefined && status.paceMbPerDay && status.leftMb > 0) {
    const pace = status.paceMbPerDay / DAY_MS;
    const emptyAt = now.getTime() + status.leftMb / pace;
    const to = Math.min(end, emptyAt);
    const projected = status.usedMb + Math.max(0, to - now.getTime()) * pace;
    parts.push(
      line(x(last.at.getTime()), y(status.usedMb), x(to), y(projected), STYLES.projection),
    );
    projecting = true;
    if (status.runsOutOn && emptyAt < end) runsOut = { at: emptyAt, day: status.runsOutOn };
  }

  // Use so far: from zero at the start through every reading, the newest one marked.
  if (last) {
    const points = [
      { time: start, usedMb: 0 },
      ...inPlan.map((r) => ({ time: r.at.getTime(), usedMb: r.usedMb })),
    ]
      .map((point) => `${fixed(x(point.time))},${fixed(y(point.usedMb))}`)
      .join(" ");
    parts.push(
      `<polyline points="${points}" fill="none" stroke="${COLOURS.used}" stroke-width="4" stroke-linejoin="round" stroke-linecap="round"/>`,
    );
    const lastX = x(last.at.getTime());
    parts.push(circle(lastX, y(status.usedMb), 6, COLOURS.used));
    // What is left: a bracket from the newest reading up to the plan's line.
    if (status.leftMb <= 0)
      parts.push(
        text(labels.usedUp, lastX - 14, y(status.usedMb) + 8, {
          anchor: "end",
          colour: COLOURS.projection,
          weight: 700,
          halo: true,
        }),
      );
    else {
      const from = y(status.usedMb);
      const to = y(plan.totalMb);
      const left = { colour: COLOURS.left, width: 2.5 };
      parts.push(line(lastX, from - 8, lastX, to, left));
      parts.push(line(lastX - 6, to, lastX + 6, to, left));
      const onRight = lastX < PLOT.left + plotWidth() * 0.6;
      parts.push(
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
    }
  } else {
    // No readings yet: the plan and what a day may use, instead of an empty plot.
    const note = status.ended ? labels.ended : labels.noReadings;
    parts.push(
      text(note, PLOT.right - 12, PLOT.bottom - 60, { anchor: "end", weight: 700, halo: true }),
    );
    if (!status.ended)
      parts.push(
        text(labels.budget(formatData(status.dailyBudgetMb)), PLOT.right - 12, PLOT.bottom - 26, {
          anchor: "end",
          colour: COLOURS.muted,
          halo: true,
        }),
      );
  }

  if (last && status.ended)
    parts.push(
      text(labels.ended, PLOT.right - 12, PLOT.bottom - 26, {
        anchor: "end",
        weight: 700,
        halo: true,
      }),
    );

  // The day the data runs out at that pace, on the plan's line.
  if (runsOut) {
    const at = x(runsOut.at);
    const dot = { colour: COLOURS.projection, width: 2, dash: "3 4" };
    parts.push(line(at, y(plan.totalMb), at, PLOT.bottom, dot));
    parts.push(circle(at, y(plan.totalMb), 7, COLOURS.projection));
    const label = labels.runsOut(chartDay(runsOut.day, language));
    parts.push(
      text(label, Math.max(PLOT.left + 4, Math.min(at, PLOT.right - 4)), y(plan.totalMb) - 16, {
        anchor: at < PLOT.left + 110 ? "start" : at > PLOT.right - 110 ? "end" : "middle",
        colour: COLOURS.projection,
        weight: 700,
        halo: true,
      }),
    );
  }

  // The legend: every line style, in the reader's language.
  const legend: [string, LineStyle][] = [];
  if (last) legend.push([labels.used, STYLES.used]);
  legend.push([labels.planTotal, STYLES.plan], [labels.even, STYLES.even]);
  if (alertAt > 0) legend.push([labels.alert(formatData(alertLeft)), STYLES.alert]);
  if (projecting) legend.push([labels.projection, STYLES.projection]);
  legend.forEach(([label, style], index) => {
    const column = index % 2;
    const row = Math.floor(index / 2);
    const left = 40 + column * 380;
    const middle = 538 + row * 38;
    parts.push(line(left, middle, left + 44, middle, style));
    parts.push(text(label, left + 56, middle + 8, { colour: COLOURS.text }));
  });

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" font-family="${CHART_FONT_FAMILY}">${parts.join("")}</svg>`;
}

function plotWidth(): number {
  return PLOT.right - PLOT.left;
}

/** A round step for about five grid lines up to `top`: 1, 2, 2.5 or 5 times a power of ten. */
function niceStep(top: number): number {
  const rough = top / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].find((factor) => factor * power >= rough) ?? 10;
  return step * power;
}

/** 2, 2.5, 0.25: an axis value without float noise or trailing zeros. */
function trimNumber(value: number): string {
  return String(Number(value.toFixed(2)));
}

const fixed = (value: number) => value.toFixed(1);

function line(x1: number, y1: number, x2: number, y2: number, style: LineStyle): string {
  return `<line x1="${fixed(x1)}" y1="${fixed(y1)}" x2="${fixed(x2)}" y2="${fixed(y2)}" stroke="${style.colour}" stroke-width="${style.width}"${style.dash ? ` stroke-dasharray="${style.dash}"` : ""}${style.cap ? ` stroke-linecap="${style.cap}"` : ""}/>`;
}

function circle(cx: number, cy: number, r: number, colour: string): string {
  return `<circle cx="${fixed(cx)}" cy="${fixed(cy)}" r="${r}" fill="${colour}" stroke="#ffffff" stroke-width="2"/>`;
}

interface TextStyle {
  size?: number;
  colour?: string;
  weight?: 400 | 700;
  anchor?: "start" | "middle" | "end";
  /** A white outline, so that a label stays readable where a line crosses it. */
  halo?: boolean;
}

function text(content: string, left: number, baseline: number, style: TextStyle = {}): string {
  const attributes = [
    `x="${fixed(left)}"`,
    `y="${fixed(baseline)}"`,
    `font-size="${style.size ?? SIZE.label}"`,
    `fill="${style.colour ?? COLOURS.text}"`,
  ];
  if (style.weight === 700) attributes.push(`font-weight="700"`);
  if (style.anchor && style.anchor !== "start") attributes.push(`text-anchor="${style.anchor}"`);
  if (style.halo)
    attributes.push(
      `stroke="#ffffff" stroke-width="6" stroke-linejoin="round" paint-order="stroke"`,
    );
  return `<text ${attributes.join(" ")}>${escapeXml(content)}</text>`;
}

function escapeXml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
