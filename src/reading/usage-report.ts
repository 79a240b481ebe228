/**
 * A usage report as typed: "用咗 2.3G" and "2.3GB used" (the total so far), "used 500MB more",
 * "+300MB", "又用咗500MB" (more since the last report), "還剩 1.5G", "I still have 1GB", "仲得
 * 3G" (what remains), "用咗一半" (a share of the plan). A number without a unit takes the unit
 * that fits the plan, or asks.
 */
import { MB_PER_GB } from "../tracker/amounts.js";
import { bareNumber, findAmounts, unitReadings } from "./amounts.js";
import { findShare } from "./percent.js";
import { blank, FILLERS, leftover, prepare } from "./prepare.js";
import { asksSomething } from "./question.js";
import { doubted, fromReadings, type Reading, refused, unreadable } from "./reading.js";

export type UsageMeaning = "used" | "more" | "left";
export interface UsageReport {
  meaning: UsageMeaning;
  megabytes: number;
}

/** Used: "用咗", "已经用了", "used", "usage is". */
const USED =
  /(?:已經|已经|已)?(?:用|使)(?:咗|左|了|掉|去|到)+|已用|使用|用量|\bused\b|\busage\b|consumed|went through|burn(?:ed|t)/u;
/** More since the last report: "又用咗", "another", "+300MB" (a plus at the start only). */
const MORE =
  /(?:又|再|多)(?:用|使)(?:咗|了|左)?|多咗|多了|另外|\bmore\b(?! than)|another|additional|^\+/u;
/** Left: "還剩", "仲有", "left", "remaining". */
const LEFT =
  /(?:還|还|仲|只)?剩(?:返|低|下|番)?|仲有|還有|还有|仲得|淨返|净|\bleft\b|\bto go\b|remain(?:ing|s)?|balance|餘額|余额|未用/u;
/**
 * Data added to the card ("topped up 5GB", "充咗5G", "送咗1G", "got 1GB extra") changes the plan,
 * which a usage report does not: never read as one.
 */
const TOP_UP =
  /top(?:ped|ping)? ?up|\bbonus\b|\bextra\b|\badd(?:ed|on)?\b|\bbought\b|充咗|充了|充值|增值|加購|加购|加咗|加了|送咗|送了|买了|買咗|想要多|多買|多买/u;
/** Having some is having it left: "I still have 3GB", "got 3GB", "I have 2GB more". */
const HAVE = /\bhave\b|\bhas\b|\bgot\b|\bstill\b|仲有|仲得|還有|还有|只有|得返/u;
/** "Used 500MB today" may be the day's use or the card's total: asked. */
const TODAY = /今日|今天|today|this morning|今朝|so far today/u;
const TOTAL_WORDS = /總共|总共|一共|合共|累計|累计|in total|total|so far|altogether/u;
/** Words of a report that add nothing to its figure. */
const REPORT_WORDS =
  /\b(?:i'?ve|have|has|got|still|only|of|out of|data|now|already|just|card|sim|plan|the|my)\b|流量|數據|数据|只|得|仲|依家|而家|现在|現在|咗|了|晒/gu;

/** Words that say a text may be a usage report, wherever it is typed. */
export function hasUsageCue(text: string): boolean {
  return USED.test(text) || MORE.test(text) || LEFT.test(text);
}

/** What a report says the figure is: the total so far, more since last time, or what is left. */
function meaningOf(text: string): UsageMeaning {
  if (USED.test(text)) return MORE.test(text) ? "more" : "used";
  if (LEFT.test(text) || HAVE.test(text)) return "left";
  return MORE.test(text) ? "more" : "used";
}

/**
 * Whether a message typed outside any flow may be a usage report, to be read as one: a usage
 * word, or a figure alone ("2.3GB", or "2.3" in reply to a check-in), and no question ("how do
 * I check how much I have left?", "can I buy 2GB more?").
 */
export function mayBeUsageReport(text: string): boolean {
  const prepared = prepare(text);
  const figureOnly = /^\+?\s*[\d.]+\s*(?:gb|g|mb|m|gigs?|megs?|兆|千兆)?$/u.test(prepared);
  return (figureOnly || hasUsageCue(prepared)) && !asksSomething(prepared);
}

/** "仲剩幾多？", "how much data have I used?", "show my usage": asking for one's own figures. */
const OWN_FIGURES =
  /(?:仲|還|还|我)?(?:剩|有|剩低|剩返|剩下)(?:低|返|下)?(?:幾多|几多|多少)|(?:用咗|用了|用左)(?:幾多|几多|多少)|還有幾多日|还有几天|還有幾日|\bhow much (?:data )?(?:have i|do i have|i have|is|have) ?(?:used|left|got)?\b|\bwhat'?s my usage\b|\bshow (?:me )?my usage\b|\bhow many days (?:are |do i have )?left\b|我的用量|我嘅用量/u;
/** How to check is a question for the FAQ, not a request for one's figures. */
const HOW_TO_CHECK =
  /\bhow (?:do|can|to|should)\b|\bcheck\b|\bsee\b|\bview\b|查|睇|看|點樣|点样|怎么|怎樣|怎样|如何|邊度|哪里|app/u;

/** Whether a question asks for the asker's own usage figures, which the tracker answers. */
export function asksOwnUsage(text: string): boolean {
  const prepared = prepare(text);
  return (
    OWN_FIGURES.test(prepared) && !HOW_TO_CHECK.test(prepared) && findAmounts(prepared).length === 0
  );
}

/**
 * The usage report inside a message that also asks something: "I've used 3GB, how many days
 * left?" holds "I've used 3GB". Undefined when no part of it is a report by itself.
 */
export function reportWithin(text: string): string | undefined {
  return text
    .split(/[,，;；?？!！。]|\bbut\b|但/u)
    .map((part) => part.trim())
    .find((part) => part !== "" && mayBeUsageReport(part) && findAmounts(prepare(part)).length > 0);
}

/** A plan's size, which decides what a unit-less number can mean and what is impossible. */
export interface PlanSize {
  totalMb: number;
}

/** Reads a usage report against the plan it is for. */
export function readUsageReport(text: string, plan: PlanSize): Reading<UsageReport> {
  if (TOP_UP.test(text)) return unreadable;
  const meaning = meaningOf(text);
  const cues = [MORE, USED, LEFT, HAVE, TODAY, TOTAL_WORDS, REPORT_WORDS].map(
    (pattern) => new RegExp(pattern.source, "gu"),
  );
  const amounts = findAmounts(text);
  const share = findShare(text);
  let readings: number[];
  let rest: string;
  if (amounts.length > 0) {
    // "2GB of 10GB", "2GB/10GB": the first is the report, the second the plan.
    const [amount] = amounts;
    if (!amount || amounts.length > 2) return unreadable;
    if (amounts.length === 2 && !/\bof\b|\/|out of|之中|中的/u.test(text)) return unreadable;
    if (amount.negative) return refused("negative");
    readings = [amount.megabytes];
    rest = leftover(blank(text, amounts), [...cues, ...FILLERS]);
  } else if (share) {
    // "用咗一半", "80% used", "half left": a share of the plan.
    if (share.percent <= 0 || share.percent > 100) return unreadable;
    readings = [Math.round(plan.totalMb * share.percent) / 100];
    rest = leftover(blank(text, [share]), [...cues, ...FILLERS]);
  } else {
    const bare = bareNumber(leftover(text, [...cues, ...FILLERS]));
    if (!bare) return unreadable;
    if (bare.negative) return refused("negative");
    const maxMb = plan.totalMb * 2;
    readings = unitReadings(bare.value, {
      gb: (value) => value > 0 && value * MB_PER_GB <= maxMb,
      mb: (value) => value >= 10 && value <= maxMb,
    });
    if (readings.length === 0) return bare.value === 0 ? unreadable : refused("above-plan");
    rest = "";
  }
  const limit = meaning === "left" ? plan.totalMb : plan.totalMb * 2;
  readings = readings.filter((megabytes) => megabytes <= limit);
  if (readings.length === 0) return refused("above-plan");
  const reports = readings.map((megabytes): UsageReport => ({ meaning, megabytes }));
  if (meaning === "used" && TODAY.test(text) && !TOTAL_WORDS.test(text) && reports.length === 1) {
    const [report] = reports as [UsageReport];
    return { kind: "ask", options: [report, { meaning: "more", megabytes: report.megabytes }] };
  }
  return doubted(fromReadings(reports), rest);
}
