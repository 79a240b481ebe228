/**
 * The tracker's plan, step by step: its size, its length, its first day, when to warn, and the
 * hour of a daily check-in. Each reader takes the whole prepared text and accounts for every
 * word of it, or says what it could not.
 */
import { MB_PER_GB } from "../tracker/amounts.js";
import { addDays, type Threshold } from "../tracker/usage.js";
import { bareNumber, findAmounts, unitReadings } from "./amounts.js";
import { findDate } from "./dates.js";
import { findDuration } from "./durations.js";
import { findHour } from "./hours.js";
import { NUMBER, numberValue } from "./numbers.js";
import { FILLERS, leftover } from "./prepare.js";
import { doubted, fromReadings, type Reading, refused, sure, unreadable } from "./reading.js";

/** The largest plan the tracker takes: a terabyte. */
const MAX_PLAN_MB = MB_PER_GB * MB_PER_GB;
export const MAX_PLAN_DAYS = 365;
/** Words of the plan steps that say nothing beyond the figure: "plan", "套餐", "each month". */
const PLAN_WORDS =
  /\b(?:plan|data|card|sim|total|package|pack|got|have|has|bought|buy|per|a|an|each|every|month|monthly|only|left|remaining|warn(?: me)?|remind(?: me)?|alert(?: me)?|tell me|notify(?: me)?|when|if|there'?s|is|are|start(?:ed|s)?|began|begin|from|since|on|activated|at)\b|套餐|計劃|计划|月費|月费|流量|數據|数据|卡|上網|上网|有|買咗|买了|買了|總共|总共|一共|個|个|張|张|每月|每個月|每个月|剩返?|剩低|剩下|還剩|还剩|嘅時候|的时候|時|时|提我|提醒我|通知我|话我知|話我知|開始|开始|起|開通|开通|啟用|启用|由|從|从|用|嗰日|那天|嗰陣|開|开|插|買|买|激活|咗|了|剛|刚|啱|\b(?:activated|opened|bought|got it|morning|afternoon|evening|night)\b|朝早|早上|上午|下午|晚上|夜晚|中午|凌晨/gu;

const rest = (text: string, spans: { index: number; length: number }[], extra: RegExp[] = []) => {
  let blanked = text;
  for (const { index, length } of spans) {
    blanked = blanked.slice(0, index) + " ".repeat(length) + blanked.slice(index + length);
  }
  return leftover(blanked, [...extra, PLAN_WORDS, ...FILLERS]);
};

/** The plan's size: "10GB", "二百兆"; a bare "500" is 500 MB, a bare "150" is asked. */
export function readTotal(text: string): Reading<number> {
  const amounts = findAmounts(text);
  const duration = findDuration(text);
  const spans = duration ? [duration] : [];
  if (amounts.length > 1) return unreadable;
  const [amount] = amounts;
  if (amount) {
    if (amount.negative) return refused("negative");
    if (amount.megabytes <= 0) return unreadable;
    if (amount.megabytes > MAX_PLAN_MB) return refused("out-of-range");
    return doubted(sure(amount.megabytes), rest(text, [amount, ...spans]));
  }
  const bare = bareNumber(rest(text, spans));
  if (!bare) return unreadable;
  if (bare.negative) return refused("negative");
  const readings = unitReadings(bare.value, {
    gb: (value) => value > 0 && value <= 200,
    mb: (value) => value >= 100 && value <= MAX_PLAN_MB,
  });
  return readings.length === 0 && bare.value > 0 ? refused("out-of-range") : fromReadings(readings);
}

/** The plan's length in days: "7日", "a week", "一個月", a bare "30". */
export function readDays(text: string, today: string): Reading<number> {
  // "3 days ago" and "11月20日" name a day, not a length.
  if (findDate(text, today)) return unreadable;
  if (findAmounts(text).length > 0) return unreadable;
  const duration = findDuration(text);
  const days = duration ? duration.days : bareNumber(rest(text, []))?.value;
  if (days === undefined || !Number.isInteger(days) || days <= 0) return unreadable;
  if (days > MAX_PLAN_DAYS) return refused("out-of-range", days);
  return doubted(sure(days), duration ? rest(text, [duration]) : "");
}

/**
 * The plan's first day. Refused when it is after today, does not exist, or lies so far back that
 * the plan has run out (with `days` known); a Hong Kong D/M that fails while the M/D reading
 * works is asked about.
 */
export function readStart(text: string, today: string, days: number | undefined): Reading<string> {
  const found = findDate(text, today);
  if (!found) return unreadable;
  const problem = (date: string) =>
    date > today
      ? "future"
      : days !== undefined && addDays(date, days) <= today
        ? "ended"
        : undefined;
  const [first, second] = found.dates;
  if (first === undefined) return refused("invalid-date");
  const firstProblem = problem(first);
  const left = rest(text, [found]);
  if (firstProblem === undefined) return doubted(sure(first), left);
  if (second !== undefined && problem(second) === undefined) {
    return { kind: "ask", options: [first, second] };
  }
  return refused(firstProblem, first);
}

/** When to warn: "20%", "兩成", "百分之二十", "half", "1GB", "剩 500MB"; a bare number as fits. */
export function readThreshold(text: string, totalMb: number): Reading<Threshold> {
  const percent = findPercent(text);
  const amounts = findAmounts(text);
  if (percent && amounts.length === 0) {
    if (percent.value <= 0) return unreadable;
    if (percent.value >= 100) return refused("out-of-range");
    return doubted(sure({ percent: percent.value }), rest(text, [percent]));
  }
  if (percent || amounts.length > 1) return unreadable;
  const [amount] = amounts;
  if (amount) {
    if (amount.negative) return refused("negative");
    if (amount.megabytes <= 0) return unreadable;
    if (amount.megabytes >= totalMb) return refused("above-plan", { megabytes: amount.megabytes });
    return doubted(sure({ megabytes: amount.megabytes }), rest(text, [amount]));
  }
  const bare = bareNumber(rest(text, []));
  if (!bare) return unreadable;
  if (bare.negative) return refused("negative");
  const readings: Threshold[] = [];
  if (bare.value >= 1 && bare.value < 100) readings.push({ percent: bare.value });
  for (const megabytes of unitReadings(bare.value, {
    gb: (value) => value > 0 && value * MB_PER_GB < totalMb,
    mb: (value) => value >= 50 && value < totalMb,
  })) {
    readings.push({ megabytes });
  }
  return readings.length === 0 && bare.value > 0 ? refused("above-plan") : fromReadings(readings);
}

const TENTHS = new RegExp(`(${NUMBER})\\s*成`, "u");
const PERCENT = new RegExp(
  `(\\d+(?:\\.\\d+)?|${NUMBER})\\s*(?:%|percent|per cent|pc|個percent|个percent)|百分之\\s*(${NUMBER}|\\d+)`,
  "u",
);
const FRACTIONS: [RegExp, number][] = [
  [/一半|half|a half|50-50/u, 50],
  [/四分之一|a quarter|quarter/u, 25],
  [/三分之一|a third/u, 33],
];

function findPercent(text: string): { value: number; index: number; length: number } | undefined {
  const percent = text.match(PERCENT);
  if (percent) {
    const value = numberValue(percent[1] ?? percent[2] ?? "");
    if (value !== undefined) return { value, index: percent.index ?? 0, length: percent[0].length };
  }
  const tenths = text.match(TENTHS);
  if (tenths) {
    const value = numberValue(tenths[1] ?? "");
    if (value !== undefined)
      return { value: value * 10, index: tenths.index ?? 0, length: tenths[0].length };
  }
  for (const [pattern, value] of FRACTIONS) {
    const match = text.match(pattern);
    if (match && !/\bhalf an?\b|半g|半兆/u.test(text)) {
      return { value, index: match.index ?? 0, length: match[0].length };
    }
  }
  return undefined;
}

export const NO_CHECK_IN = "none";
export type CheckIn = number | typeof NO_CHECK_IN;
const NONE =
  /^(?:no|none|nope|nah|never|no thanks?|no need|not needed|skip|don'?t|dont|no check-?in|no reminders?|no daily|唔使|唔洗|不用|不需要|唔需要|唔要|不要|免了|算了|冇|没有|沒有|不必|唔好|不好|唔使喇|不用了)$/u;
const WANTS_ONE = /^(?:yes|yeah|yep|sure|ok|okay|好|好呀|好啊|係|要|可以|得)$/u;
const CHECK_IN_WORDS =
  /\b(?:good|fine|works|great|perfect|every ?(?:night|morning|evening)|each (?:day|night)|nightly|yes|yeah|yep|sure|ok|okay|remind me|ask me|check in|ping me|message me|every ?day|daily|at|around|about|please)\b|好呀|好啊|好|係|可以|要|每晚|每朝|每日|每天|問我|问我|提我|提醒我|喺|在|左右|大概|吧|啦|呀|la/gu;

/** The hour of a daily check-in, or none; a bare "9" asks morning or evening. */
export function readCheckIn(text: string): Reading<CheckIn> {
  const bare = text
    .replace(/唔該|唔该|謝謝|谢谢|thanks?|thank you|please|喇|啦|la|呀/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (NONE.test(bare)) return sure(NO_CHECK_IN);
  if (WANTS_ONE.test(bare)) return { kind: "ask", options: [9, 21] };
  const hour = findHour(text);
  if (!hour) return unreadable;
  const left = leftover(text, [CHECK_IN_WORDS, ...hour.spans, ...FILLERS]);
  return doubted(hour.reading as Reading<CheckIn>, left);
}
