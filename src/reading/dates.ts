/**
 * Dates as typed, read against today's date in Hong Kong: 今日 / 琴日 / 前日 / yesterday /
 * "3 days ago", Hong Kong order D/M and D/M/YYYY, ISO 2026-11-30, 11月30日, "30 Nov", "Nov 30",
 * "the 30th", 星期一 / Monday.
 */
import { addDays } from "../tracker/usage.js";
import { NUMBER, numberValue } from "./numbers.js";

/** What a date in a text can mean: one or two calendar days, or a day that does not exist. */
export interface DateFind {
  /** Readings in order of preference: Hong Kong order first. Empty when no reading is a real day. */
  dates: string[];
  index: number;
  length: number;
  /** Both readings are as likely ("Thursday" on a Thursday): asked, whichever works. */
  either: boolean;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_NAME = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
const ORDINAL = "(?:st|nd|rd|th)?";

const RELATIVE: [RegExp, number][] = [
  [/大前日|大前天|day before the day before yesterday/u, -3],
  [/前日|前天|day before yesterday/u, -2],
  [/琴日|尋日|寻日|噚日|昨天|昨日|昨晚|琴晚|尋晚|噚晚|yesterday|last night|ytd/u, -1],
  [
    /今日|今天|今朝|今早|今晚|today|this morning|tonight|just now|啱啱|啱先|刚刚|剛剛|刚才|剛才/u,
    0,
  ],
];
const DAYS_AGO = new RegExp(
  `(${NUMBER})\\s*(?:個|个)?\\s*(?:days?|日|天)\\s*(?:ago|before|back|前|之前|以前)`,
  "u",
);
const WEEKDAY_EN = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const WEEKDAY_ZH = "一二三四五六日天";
const WEEKDAY = new RegExp(
  `(last |上個?|上个)?(?:(?:星期|禮拜|礼拜|週|周)([${WEEKDAY_ZH}])|\\b(mon|tue|wed|thu|fri|sat|sun)(?:day|sday|s|nesday|rsday|r|rs|urday)?\\b)`,
  "u",
);

/** The first date in a prepared text, or undefined when it names none. */
export function findDate(text: string, today: string): DateFind | undefined {
  for (const [pattern, offset] of RELATIVE) {
    const match = text.match(pattern);
    if (match) return sure(addDays(today, offset), match);
  }
  const ago = text.match(DAYS_AGO);
  if (ago) {
    const days = numberValue(ago[1] ?? "");
    if (days !== undefined && Number.isInteger(days)) return sure(addDays(today, -days), ago);
  }
  const iso = text.match(/\b(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日號号]?/u);
  if (iso) return found([calendarDay(Number(iso[1]), Number(iso[2]), Number(iso[3]))], iso);
  const chinese = text.match(new RegExp(`(${NUMBER})\\s*月\\s*(${NUMBER})\\s*(?:日|號|号)?`, "u"));
  if (chinese)
    return yearless(
      [[numberValue(chinese[1] ?? ""), numberValue(chinese[2] ?? "")]],
      chinese,
      today,
    );
  const dayMonth = text.match(
    new RegExp(`\\b(\\d{1,2})${ORDINAL}\\s*(?:of )?${MONTH_NAME}(?:\\s*(\\d{4}))?`),
  );
  if (dayMonth) return named(Number(dayMonth[1]), dayMonth[2] ?? "", dayMonth[3], dayMonth, today);
  const monthDay = text.match(
    new RegExp(`\\b${MONTH_NAME}\\s*(\\d{1,2})${ORDINAL}\\b(?:,?\\s*(\\d{4}))?`),
  );
  if (monthDay) return named(Number(monthDay[2]), monthDay[1] ?? "", monthDay[3], monthDay, today);
  const numeric = text.match(/\b(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}|\d{2}))?\b/);
  if (numeric) {
    const first = Number(numeric[1]);
    const second = Number(numeric[2]);
    // Hong Kong writes day first; month first is the other reading, when it is a different day.
    const orders: [number, number][] =
      first === second
        ? [[second, first]]
        : [
            [second, first],
            [first, second],
          ];
    if (numeric[3] !== undefined) {
      const year = numeric[3].length === 2 ? 2000 + Number(numeric[3]) : Number(numeric[3]);
      return found(
        orders.map(([month, day]) => calendarDay(year, month, day)),
        numeric,
      );
    }
    return yearless(orders, numeric, today);
  }
  const dayOnly = text.match(
    new RegExp(`(?:\\bthe\\s*)?\\b(\\d{1,2})(?:st|nd|rd|th)\\b|(${NUMBER})\\s*(?:號|号)`, "u"),
  );
  if (dayOnly) {
    const day = numberValue(dayOnly[1] ?? dayOnly[2] ?? "");
    const [year, month, todayDay] = today.split("-").map(Number) as [number, number, number];
    if (day === undefined) return undefined;
    const thisMonth = calendarDay(year, month, day);
    const lastMonth =
      month === 1 ? calendarDay(year - 1, 12, day) : calendarDay(year, month - 1, day);
    return found([day <= todayDay ? thisMonth : lastMonth], dayOnly);
  }
  const weekday = text.match(WEEKDAY);
  if (weekday) {
    const index =
      weekday[2] !== undefined
        ? Math.min(WEEKDAY_ZH.indexOf(weekday[2]), 6)
        : WEEKDAY_EN.indexOf(weekday[3] ?? "");
    const date = weekdayDate(today, index, weekday[1]);
    // "Thursday", typed on a Thursday: today, or a week ago.
    return found(date === today ? [today, addDays(today, -7)] : [date], weekday, date === today);
  }
  return undefined;
}

/** The day a weekday names: the most recent one (today included); "上星期一" is last week's. */
function weekdayDate(today: string, weekday: number, last: string | undefined): string {
  const todayIndex = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  if (last?.startsWith("上")) {
    return addDays(today, -todayIndex - 7 + weekday);
  }
  let back = (todayIndex - weekday + 7) % 7;
  if (last !== undefined && back === 0) back = 7;
  return addDays(today, -back);
}

function named(
  day: number,
  monthName: string,
  year: string | undefined,
  match: RegExpMatchArray,
  today: string,
): DateFind {
  const month = MONTHS.indexOf(monthName.slice(0, 3)) + 1;
  return year !== undefined
    ? found([calendarDay(Number(year), month, day)], match)
    : yearless([[month, day]], match, today);
}

/** How far ahead a date without a year may be and still mean this year (then: refused as future). */
const NEAR_FUTURE_DAYS = 60;

function yearless(
  orders: [number | undefined, number | undefined][],
  match: RegExpMatchArray,
  today: string,
): DateFind {
  const year = Number(today.slice(0, 4));
  const dates = orders.map(([month, day]) => {
    if (month === undefined || day === undefined) return undefined;
    const thisYear = calendarDay(year, month, day);
    if (thisYear === undefined || thisYear <= addDays(today, NEAR_FUTURE_DAYS)) {
      return thisYear;
    }
    return calendarDay(year - 1, month, day);
  });
  return found(dates, match);
}

function sure(date: string, match: RegExpMatchArray): DateFind {
  return found([date], match);
}

function found(dates: (string | undefined)[], match: RegExpMatchArray, either = false): DateFind {
  return {
    dates: dates.filter((date): date is string => date !== undefined),
    index: match.index ?? 0,
    length: match[0].length,
    either,
  };
}

/** YYYY-MM-DD for a day that exists (not 31/2); undefined otherwise. */
export function calendarDay(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day))
    return undefined;
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return undefined;
  return date.toISOString().slice(0, 10);
}
