/** Shares of a plan as typed: "20%", "百分之二十", "兩成" (Cantonese tenths), "三成半", "half", "一半". */
import { NUMBER, numberValue } from "./numbers.js";

export interface Share {
  percent: number;
  index: number;
  length: number;
}

const PERCENT = new RegExp(
  `(\\d+(?:\\.\\d+)?|${NUMBER})\\s*(?:%|percent|per cent|pc|個percent|个percent)|百分之\\s*(${NUMBER}|\\d+)`,
  "u",
);
const TENTHS = new RegExp(`(${NUMBER})\\s*成(半)?`, "u");
const FRACTIONS: [RegExp, number][] = [
  [/一半|(?<!\w)half(?! an? )|50-50/u, 50],
  [/四分之一|a quarter|quarter/u, 25],
  [/三分之一|a third/u, 33],
];

/** The first share of a plan named in a prepared text, as a percentage, or undefined. */
export function findShare(text: string): Share | undefined {
  const percent = text.match(PERCENT);
  if (percent) {
    const value = numberValue(percent[1] ?? percent[2] ?? "");
    if (value !== undefined) return at(value, percent);
  }
  const tenths = text.match(TENTHS);
  if (tenths) {
    const value = numberValue(tenths[1] ?? "");
    if (value !== undefined) return at(value * 10 + (tenths[2] ? 5 : 0), tenths);
  }
  for (const [pattern, value] of FRACTIONS) {
    const match = text.match(pattern);
    // "half a gig" is an amount, not a share.
    if (match && !/半\s*(?:g|gb|兆|m|mb)\b|半個?g/u.test(text)) return at(value, match);
  }
  return undefined;
}

function at(percent: number, match: RegExpMatchArray): Share {
  return { percent, index: match.index ?? 0, length: match[0].length };
}
