/** How long, as typed: "7日", "7 days", "一個星期", "a week", "兩個星期", "a month", "半個月". */
import { NUMBER, numberValue } from "./numbers.js";

export interface Duration {
  days: number;
  index: number;
  length: number;
}

const COUNT = `(${NUMBER}|an?|\\d+)?\\s*(?:個|个)?\\s*`;
const UNITS: [RegExp, number][] = [
  // Half a month, not "一個半月" or "個半月" (a month and a half).
  [/(?<![个個\d一二两兩三四五六七八九十])半(?:個|个)?月|half a month/u, 15],
  [/fortnight/u, 14],
  [new RegExp(`${COUNT}(?:星期|禮拜|礼拜|週|周|weeks?|wks?)(?![a-z])`, "u"), 7],
  [new RegExp(`${COUNT}(?:月|months?|mths?)(?![a-z])`, "u"), 30],
  [new RegExp(`${COUNT}(?:年|years?)(?![a-z])`, "u"), 365],
  [new RegExp(`(${NUMBER}|an?|\\d+)\\s*(?:個|个)?\\s*(?:日|天|days?|d)(?![a-z])`, "u"), 1],
];

/** The first duration in a prepared text, or undefined. "3 days ago" is a date, not this. */
export function findDuration(text: string): Duration | undefined {
  for (const [pattern, unit] of UNITS) {
    const match = text.match(pattern);
    if (!match) continue;
    const countText = match[1];
    // A week and a month need no number ("一個星期" has one, "週" alone does not count).
    if (countText === undefined && unit === 1) continue;
    const count =
      countText === undefined
        ? unit === 15 || unit === 14
          ? 1
          : undefined
        : /^an?$/.test(countText)
          ? 1
          : numberValue(countText);
    if (count === undefined) continue;
    return { days: Math.round(count * unit), index: match.index ?? 0, length: match[0].length };
  }
  return undefined;
}
