/** Days, hours and alert levels as the tracker's readers write them. Amounts are amounts.ts. */
import type { Language } from "../text/language.js";
import { formatData } from "./amounts.js";
import type { Threshold } from "./usage.js";

/** An alert level as it was set: 20%, 500 MB, 2 GB. */
export function describeThreshold(threshold: Threshold): string {
  return "percent" in threshold ? `${threshold.percent}%` : formatData(threshold.megabytes);
}

/** An hour of the day as a Hong Kong clock shows it: 09:00, 21:00. */
export function formatHour(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00`;
}

const DAY_FORMATS: Record<Language, Intl.DateTimeFormat> = {
  "zh-Hans": new Intl.DateTimeFormat("zh-CN", { dateStyle: "long", timeZone: "UTC" }),
  "zh-Hant": new Intl.DateTimeFormat("zh-HK", { dateStyle: "long", timeZone: "UTC" }),
  en: new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }),
};

/** A calendar day as its readers write it: 2 Dec 2026, 2026年12月2日: never an order to misread. */
export function formatDay(date: string, language: Language): string {
  return DAY_FORMATS[language].format(new Date(`${date}T00:00:00Z`));
}
