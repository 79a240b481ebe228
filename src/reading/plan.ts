/**
 * The tracker's plan, step by step: its size, its length, its first day, when to warn, and the
 * hour of a daily check-in. Each reader takes the figure it asks for out of the prepared text,
 * and the words of its step that add nothing ("plan", "套餐", "started"); whatever else is left
 * over turns a sure reading into a question, and a second figure into a choice or nothing.
 */
import type { AnswerWords } from "../kb/schema.js";
import { MB_PER_GB } from "../tracker/amounts.js";
import { addDays, type Threshold } from "../tracker/usage.js";
import { bareNumber, findAmounts, unitReadings } from "./amounts.js";
import { findDate } from "./dates.js";
import { findDuration } from "./durations.js";
import { findHour, partOfDay } from "./hours.js";
import { findShare } from "./percent.js";
import { blank, FILLERS, leftover, type Span } from "./prepare.js";
import { doubted, fromReadings, type Reading, refused, sure, unreadable } from "./reading.js";
import { findWords, wholeAnswer } from "./word-patterns.js";

/** The largest plan the tracker takes: a terabyte. */
export const MAX_PLAN_MB = MB_PER_GB * MB_PER_GB;
export const MAX_PLAN_DAYS = 365;

/** Words about the plan that say nothing beyond its figures: "plan", "套餐", "the card has". */
const PLAN_WORDS =
  /\b(?:plan|data|card|sim|total|package|pack|got|have|has|bought|buy|one|the|a|an|only|there'?s|is|are|at|for|valid|lasts?)\b|套餐|計劃|计划|月費|月费|流量|數據|数据|卡|上網|上网|有|買咗|买了|買了|總共|总共|一共|個|个|張|张|嗰張|那张|有效期?/gu;
/** How a start is told: "開咗", "activated", "落機嗰日", "朝早". */
const START_WORDS =
  /\b(?:start(?:ed|s)?|began|begin|from|since|on|activated|opened|inserted|bought|got it|landed|arrived|when we|when i|morning|afternoon|evening|night)\b|開始|开始|起|開通|开通|啟用|启用|激活|由|從|从|嗰日|那天|嗰陣|開|开|插|買|买|用|咗|了|剛|刚|啱|落機|落机|到埗|到达|到達|朝早|早上|上午|下午|晚上|夜晚|中午|凌晨/gu;
/** How a warning is asked for: "warn me when", "就提我", "嘅時候". */
const ALERT_WORDS =
  /\b(?:warn(?: me)?|remind(?: me)?|alert(?: me)?|tell me|notify(?: me)?|ping me|let me know|when|if|there'?s|is|are|at|left|remaining)\b|剩返?|剩低|剩下|還剩|还剩|仲有|嘅時候|的时候|時|时|提我|提醒我?|通知我?|话我知|話我知|就/gu;
/** "用咗八成就提我", "when 8GB used", "到9G就提我": a threshold told as what will have been used. */
const USED =
  /用咗|用了|用到|用左|用掉|使咗|已用|達到|达到|\bused\b|\bused up\b|\breach(?:es|ed)?\b|\bhits?\b|^到|就到/u;
/** "剩", "left": what a threshold is told as when no word says otherwise. */
const LEFT = /剩|\bleft\b|\bremaining\b|仲有|還有|还有/u;
/** "3 days left", "剩3日": what remains of a plan, not its length. "expires 5/12": its end. */
const REMAINING = /剩|\bleft\b|\bremaining\b|\bto go\b|仲有|還有|还有/u;
const END_WORDS =
  /\bexpir\w*|\bends?\b|\buntil\b|\btill\b|\bvalid (?:to|until|till)\b|到期|截止|完結|完结|結束|结束|用到/u;
/** "more than 10GB", "5日以上": a bound, not the figure. */
const COMPARISON =
  /\bmore than\b|\bless than\b|\bover\b|\bunder\b|\bat least\b|\bat most\b|\bup to\b|超過|超过|以上|以下|多過|多过|少過|少过|不到|唔夠|不够|至少|最多/u;
/** "1GB a day" is a daily allowance, which the tracker does not model: not a plan size. */
const PER_DAY = /\ba day\b|\bper day\b|\bdaily\b|\beach day\b|\bevery day\b|每日|每天|一日|一天/u;
/** A plan's length is not said with these: "3 days ago", "next week". */
const FUTURE = /\bnext\b|\btomorrow\b|\btmr\b|下個|下个|下星期|下周|下週|聽日|听日|明天|明日/u;

/** The text without the spans read, and without the words that add nothing in this step. */
function rest(text: string, spans: Span[], words: RegExp[]): string {
  return leftover(blank(text, spans), [...words, PLAN_WORDS, ...FILLERS]);
}

/** The plan's size: "10GB", "二百兆"; a bare "500" is 500 MB, a bare "150" is asked. */
export function readTotal(text: string): Reading<number> {
  if (PER_DAY.test(text) || COMPARISON.test(text)) return unreadable;
  const amounts = findAmounts(text);
  const duration = findDuration(text);
  const spans = duration ? [duration] : [];
  const [amount, second] = amounts;
  if (amount) {
    if (amount.negative) return refused("negative");
    if (amount.megabytes <= 0) return unreadable;
    if (amount.megabytes > MAX_PLAN_MB) return refused("out-of-range");
    // Two sizes ("5GB + 1GB bonus", "10GB, no 20GB"): which one is asked.
    if (second)
      return amounts.length === 2 ? fromReadings([amount.megabytes, second.megabytes]) : unreadable;
    return doubted(sure(amount.megabytes), rest(text, [amount, ...spans], []));
  }
  const bare = bareNumber(rest(text, spans, []));
  if (!bare) return unreadable;
  if (bare.negative) return refused("negative");
  const readings = unitReadings(bare.value, {
    gb: (value) => value > 0 && value <= 200,
    mb: (value) => value >= 100 && value <= MAX_PLAN_MB,
  });
  return readings.length === 0 && bare.value > 0 ? refused("out-of-range") : fromReadings(readings);
}

/** The plan's length in days: "7日", "a week", "一個月", "個半月", a bare "30". */
export function readDays(text: string, today: string): Reading<number> {
  if (REMAINING.test(text)) return unreadable;
  // "3 days ago" and "11月20日" name a day, not a length; "5GB" is a size.
  if (findDate(text, today) || FUTURE.test(text) || COMPARISON.test(text)) return unreadable;
  if (findAmounts(text).length > 0) return unreadable;
  const duration = findDuration(text);
  const days = duration ? duration.days : bareNumber(rest(text, [], []))?.value;
  if (days === undefined || !Number.isInteger(days) || days <= 0) return unreadable;
  if (days > MAX_PLAN_DAYS) return refused("out-of-range", days);
  return doubted(sure(days), duration ? rest(text, [duration], []) : "");
}

/**
 * The plan's first day. Refused when it is after today, does not exist, or lies so far back that
 * the plan has run out (with `days` known); a Hong Kong D/M that fails while the M/D reading
 * works is asked about, and so are two days named ("yesterday, no today").
 */
export function readStart(text: string, today: string, days: number | undefined): Reading<string> {
  if (END_WORDS.test(text)) return unreadable;
  if (FUTURE.test(text)) return refused("future");
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
  const left = rest(text, [found], [START_WORDS]);
  const other = findDate(left, today)?.dates[0];
  if (other !== undefined && other !== first) return { kind: "ask", options: [first, other] };
  const firstProblem = problem(first);
  if (found.either) {
    const fitting = found.dates.filter((date) => problem(date) === undefined);
    return fitting.length > 0
      ? { kind: "ask", options: fitting }
      : refused(firstProblem ?? "ended", first);
  }
  if (firstProblem === undefined) return doubted(sure(first), left);
  if (second !== undefined && problem(second) === undefined) {
    return { kind: "ask", options: [first, second] };
  }
  return refused(firstProblem, first);
}

/**
 * When to warn: "20%", "兩成", "百分之二十", "half", "1GB", "剩 500MB"; told as what is used
 * ("用咗八成就提我", "when 8GB used") it is turned into what is left; a bare number as fits. A
 * usage figure with no word of warning ("used 2.3 GB") is a usage report, not this answer.
 */
export function readThreshold(text: string, totalMb: number): Reading<Threshold> {
  if (COMPARISON.test(text)) return unreadable;
  const told = USED.test(text);
  const share = findShare(text);
  const amounts = findAmounts(text);
  const words = [ALERT_WORDS, new RegExp(USED.source, "gu")];
  if (share && amounts.length === 0) {
    if (share.percent <= 0) return unreadable;
    if (share.percent >= 100) return refused("out-of-range");
    const percent = told ? 100 - share.percent : share.percent;
    const left = rest(text, [share], words);
    const other = findShare(left);
    if (other && !told) return fromReadings([{ percent }, { percent: other.percent }]);
    // "warn me at 80%": warning with most of the plan left is rare; it may mean 80 % used.
    if (!told && !LEFT.test(text) && share.percent >= 50 && share.percent !== 50) {
      return { kind: "ask", options: [{ percent }, { percent: 100 - percent }] };
    }
    return doubted(sure({ percent }), left);
  }
  if (share || amounts.length > 2) return unreadable;
  const [amount, second] = amounts;
  if (amount) {
    if (told && !ALERT_WORDS.test(text)) return { kind: "other", what: "usage" };
    if (amount.negative) return refused("negative");
    const megabytes = told ? totalMb - amount.megabytes : amount.megabytes;
    if (amount.megabytes <= 0) return unreadable;
    if (megabytes <= 0 || megabytes >= totalMb) return refused("above-plan", { megabytes });
    if (second)
      return told ? unreadable : fromReadings([{ megabytes }, { megabytes: second.megabytes }]);
    return doubted(sure({ megabytes }), rest(text, [amount], words));
  }
  if (told) return unreadable;
  const bare = bareNumber(rest(text, [], [ALERT_WORDS]));
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

export const NO_CHECK_IN = "none";
export type CheckIn = number | typeof NO_CHECK_IN;

/** The answer words of the check-in step: no check-in ("唔使"), a yes with no hour, politeness. */
export interface CheckInWords {
  none: RegExp;
  yes: RegExp;
  polite: RegExp;
}

export function compileCheckInWords(words: AnswerWords["check-in"]): CheckInWords {
  return {
    none: wholeAnswer(words.none),
    yes: wholeAnswer(words.yes),
    polite: findWords(words.polite, "as-words", "gu"),
  };
}

const CHECK_IN_WORDS =
  /\b(?:good|fine|works|great|perfect|every ?(?:night|morning|evening)|each (?:day|night)|nightly|yes|yeah|yep|sure|ok|okay|remind me|ask me|check in|ping me|message me|every ?day|daily|at|around|about|please|before bed|after work|is)\b|好呀|好啊|好|係|可以|要|每晚|每朝|每日|每天|問我|问我|提我|提醒我|喺|在|左右|大概|吧|啦|呀|\bla\b/gu;

/** Where one answer ends and another, or a correction, begins: "9pm, no 10pm", "8點或者9點". */
const ALTERNATIVES = /,|，|、|;|\bor\b|\bno\b|\band\b|\bactually\b|或者|或|不对|不對|唔係|定係|定/u;

/** The hour of a daily check-in, or none; a bare "9" asks morning or evening. */
export function readCheckIn(text: string, words: CheckInWords): Reading<CheckIn> {
  const bare = text.replace(words.polite, " ").replace(/\s+/g, " ").trim();
  if (words.none.test(bare)) return sure(NO_CHECK_IN);
  if (words.yes.test(bare)) return { kind: "ask", options: [9, 21] };
  const hour = findHour(text);
  if (!hour) return unreadable;
  // "9pm, no 10pm", "早上八点或者晚上八点": two hours named, so which one is asked.
  const named = new Set<number>();
  let period: string | undefined;
  for (const part of text.split(ALTERNATIVES)) {
    const own = partOfDay(part);
    period = own ?? period;
    const reading = findHour(own || !period ? part.trim() : `${period} ${part.trim()}`)?.reading;
    if (reading?.kind === "sure") named.add(reading.value);
  }
  if (named.size > 1) return { kind: "ask", options: [...named] };
  // The figure first ("7 at night" whole), then the words around it ("every night"), then the
  // parts of the day.
  const left = leftover(text, [...hour.figure, CHECK_IN_WORDS, ...hour.spans, ...FILLERS]);
  return doubted(hour.reading as Reading<CheckIn>, left);
}
