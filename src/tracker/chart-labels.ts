/**
 * The usage chart's words, per language: its own, not the locale files', since the chart is
 * drawn outside any update. Amounts and dates come in already formatted.
 */
import type { Language } from "../text/language.js";

/** The chart's words in one language. */
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
