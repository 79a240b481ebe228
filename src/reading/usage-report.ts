/**
 * A usage report as typed: "用咗 2.3G" and "2.3GB used" (the total so far), "used 500MB more",
 * "+300MB", "又用咗500MB" (more since the last report), "還剩 1.5G", "I have 1GB left" (what
 * remains). A number without a unit takes the unit that fits the plan, or asks.
 */
import { MB_PER_GB } from "../tracker/amounts.js";
import { bareNumber, findAmounts, unitReadings } from "./amounts.js";
import { FILLERS, leftover } from "./prepare.js";
import { doubted, fromReadings, type Reading, refused, unreadable } from "./reading.js";

export type UsageMeaning = "used" | "more" | "left";
export interface UsageReport {
  meaning: UsageMeaning;
  megabytes: number;
}

const MORE =
  /(?:又|再|多)(?:用|使)(?:咗|了|左)?|多咗|多了|加咗|加了|另外|\bmore\b|another|extra|additional|(?:^|\s)\+/u;
const LEFT =
  /(?:還|还|仲|只)?剩(?:返|低|下|番)?|仲有|還有|还有|\bleft\b|remain(?:ing|s)?|balance|餘額|余额|未用/u;
const USED =
  /(?:已經|已经|已)?(?:用|使)(?:咗|左|了|掉|去|到)+|已用|使用|用量|\bused\b|\busage\b|consumed|went through|burn(?:ed|t)/u;
/** "Used 500MB today" may be the day's use or the card's total: asked. */
const TODAY = /今日|今天|today|this morning|今朝|so far today/u;
const TOTAL_WORDS = /總共|总共|一共|合共|累計|累计|in total|total|so far|altogether/u;

/** Words that say a text is a usage report, wherever it is typed. */
export function hasUsageCue(text: string): boolean {
  return MORE.test(text) || LEFT.test(text) || USED.test(text);
}

/** A plan's size, which decides what a unit-less number can mean and what is impossible. */
export interface PlanSize {
  totalMb: number;
}

/** Reads a usage report against the plan it is for. */
export function readUsageReport(text: string, plan: PlanSize): Reading<UsageReport> {
  const meaning: UsageMeaning = MORE.test(text) ? "more" : LEFT.test(text) ? "left" : "used";
  const amounts = findAmounts(text);
  // "2GB of 10GB", "2GB/10GB": the first is the report, the second the plan.
  const [amount] = amounts;
  if (amounts.length > 2 || (amounts.length === 2 && !/\bof\b|\/|out of|之中|中的/u.test(text))) {
    return unreadable;
  }
  let readings: number[];
  let rest: string;
  const cues = [
    MORE,
    LEFT,
    USED,
    TODAY,
    TOTAL_WORDS,
    /(?:^|\s)\+|咗|了/u,
    /\bhave\b|\bgot\b|\bonly\b|\bof\b|\bout of\b|\bdata\b|流量|數據|数据|只|得|仲|still|now|依家|而家|现在|現在/gu,
  ].map((pattern) => new RegExp(pattern.source, "gu"));
  if (amount) {
    if (amount.negative) return refused("negative");
    readings = [amount.megabytes];
    const blanked = amounts.reduce(
      (blank, { index, length }) =>
        blank.slice(0, index) + " ".repeat(length) + blank.slice(index + length),
      text,
    );
    rest = leftover(blanked, [...cues, ...FILLERS]);
  } else {
    const stripped = leftover(text, [...cues, ...FILLERS]);
    const bare = bareNumber(stripped);
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
