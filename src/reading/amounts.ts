/**
 * Amounts of data as typed: "2.3GB", "500 mb", "三G", "二百兆", "兩個半G", "一千五兆", "half a
 * gig", "2 gigs". A number without a unit is left to the step, which knows which units fit.
 */
import { MB_PER_GB } from "../tracker/amounts.js";
import { NUMBER, numberValue } from "./numbers.js";

export interface Amount {
  megabytes: number;
  /** Where the amount is in the prepared text. */
  index: number;
  length: number;
  negative: boolean;
}

const GB_UNIT = "gb|gigabytes?|gigs?|gib|g|千兆";
const MB_UNIT = "mb|megabytes?|megs?|mib|m|兆|mega";
const TB_UNIT = "tb|terabytes?";
const AMOUNT = new RegExp(
  `(負|负|(?<![\\d.]\\s*)-|minus )?\\s*(${NUMBER})\\s*(?:個|个)?\\s*(${GB_UNIT}|${MB_UNIT}|${TB_UNIT})(?![a-z])(半)?`,
  "gu",
);
const GB = new RegExp(`^(?:${GB_UNIT})$`, "u");
const TB = new RegExp(`^(?:${TB_UNIT})$`, "u");
/** "a gig", "a GB": one, where an English speaker says it so. */
const ONE_UNIT = /(?<!half )\b(an?) (gb|gig|meg|mb)\b/g;

/** Every amount with a unit in a prepared text, in order. */
export function findAmounts(text: string): Amount[] {
  const found: Amount[] = [];
  // Same length as the text, so that indices stay true.
  const withOnes = text.replace(
    ONE_UNIT,
    (_all, article: string, unit: string) => `${"1".padEnd(article.length)} ${unit}`,
  );
  for (const match of withOnes.matchAll(AMOUNT)) {
    const whole = numberValue(match[2] ?? "");
    const unit = match[3] ?? "";
    // "1.500 MB" may be fifteen hundred (a European thousands point) or one and a half.
    if (whole === undefined || (!GB.test(unit) && /^\d{1,3}\.\d{3}$/.test(match[2] ?? "")))
      continue;
    // "兩G半": two and a half gigabytes.
    const value = match[4] ? whole + 0.5 : whole;
    const factor = GB.test(unit) ? MB_PER_GB : TB.test(unit) ? MB_PER_GB * MB_PER_GB : 1;
    found.push({
      megabytes: Math.round(value * factor * 100) / 100,
      index: match.index,
      length: match[0].length,
      negative: match[1] !== undefined,
    });
  }
  return found;
}

const BARE_NUMBER = new RegExp(`^(-)?\\s*(${NUMBER})$`, "u");

/** A text that is only a number ("500", "三", "-2"), with its sign; undefined otherwise. */
export function bareNumber(text: string): { value: number; negative: boolean } | undefined {
  const match = text.match(BARE_NUMBER);
  if (!match) return undefined;
  const value = numberValue(match[2] ?? "");
  return value === undefined ? undefined : { value, negative: match[1] !== undefined };
}

/**
 * The readings of a number typed without a unit: as GB and as MB, each kept only where the step
 * says that unit is plausible for this number.
 */
export function unitReadings(
  value: number,
  plausible: { gb: (value: number) => boolean; mb: (value: number) => boolean },
): number[] {
  const readings: number[] = [];
  if (plausible.mb(value)) readings.push(value);
  if (plausible.gb(value)) readings.push(value * MB_PER_GB);
  return readings;
}
