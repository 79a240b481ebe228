import { toSimplified } from "./chinese.js";

/** The languages the bot speaks, each written by hand in the knowledge base and the locales. */
export const LANGUAGES = ["zh-Hans", "zh-Hant", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

// Characters of written Cantonese that have no Simplified counterpart to give them away.
const CANTONESE_MARKERS = /[唔咗嘅咩冇睇啲㗎喺佢哋嘢乜咁噉嚟搵]/u;
const HAN = /\p{Script=Han}/u;
const LATIN = /[a-z]/i;

/**
 * The language a message is written in, when its script tells: Traditional characters or written
 * Cantonese → zh-Hant, other Chinese → zh-Hans, Latin letters only → en; undefined for digits,
 * emoji and the like.
 */
export function languageOfText(text: string): Language | undefined {
  if (HAN.test(text)) {
    return CANTONESE_MARKERS.test(text) || toSimplified(text) !== text ? "zh-Hant" : "zh-Hans";
  }
  return LATIN.test(text) ? "en" : undefined;
}
