import { toSimplified } from "../text/chinese.js";
import { memoize } from "../text/memo.js";

/** The matcher reads this many characters of a question; the rest is cut, never refused. */
export const MAX_QUERY_CHARS = 300;

const WHITESPACE = /\s+/;

/**
 * Folds what does not change meaning: width and compatibility forms (NFKC), case, script,
 * punctuation and emoji, English plurals. Spaces separate Han from Latin and digits so that
 * "sim卡" and "sim 卡" prepare alike. Dictionary words go through the same steps as questions.
 */
export function prepare(text: string): string {
  let prepared = "";
  for (const word of text.slice(0, MAX_QUERY_CHARS).split(WHITESPACE)) {
    const folded = preparedWord(word);
    if (folded) prepared = prepared ? `${prepared} ${folded}` : folded;
  }
  return prepared;
}

const PLAIN_LATIN = /^[A-Za-z0-9]+$/;
const ASCII_LETTERS = /^[A-Za-z]+$/;
const LATIN_LETTERS = /[a-z]+/g;
/** Endings of words whose final s is their own: "access", "status", "this". */
const NOT_A_PLURAL = /(?:ss|us|is)$/;

/**
 * `prepare` for a word without whitespace, uncached: for a caller that caches what it derives
 * from the word, where a second cache would only churn.
 */
export function prepareWord(word: string): string {
  // Plain ASCII letters and digits, most English, need only the last two steps.
  if (ASCII_LETTERS.test(word)) return stemEnglish(word.toLowerCase());
  if (PLAIN_LATIN.test(word)) return word.toLowerCase().replace(LATIN_LETTERS, stemEnglish);
  return word
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .replace(/\p{Script=Han}+/gu, simplify)
    .replace(A_NOT_AB, "")
    .replace(/(?<=\p{Script=Han})(?=[a-z0-9])|(?<=[a-z0-9])(?=\p{Script=Han})/gu, " ")
    .replace(LATIN_LETTERS, stemEnglish)
    .trim();
}

// Every step of `prepare` stays within a space-separated word, so a word that recurs across
// questions (all of them, in English) is prepared once.
const preparedWord = memoize(prepareWord);

/**
 * The "A-not-AB" question form, as in 支不支持, 麻不麻烦, 可不可以: the first "A不" goes, leaving
 * the word AB, since the form only asks whether. Left alone, 不支持 reads as a negation. A bare
 * "A不A" (准不准) stays whole: the lexicon lists those as phrases.
 */
const A_NOT_AB = /(\p{Script=Han})不(?=\1\p{Script=Han})/gu;

/** Reduces the "A-not-AB" question form to its word (see `A_NOT_AB`). */
export function dropANotAB(text: string): string {
  return text.includes("不") ? text.replace(A_NOT_AB, "") : text;
}

// Converted a run of Han characters at a time, so that runs repeated across questions convert once.
const simplify = memoize(toSimplified);

/** Plural and third-person -s only: anything bolder mangles words ("setting" → "sett"). */
function stemEnglish(word: string): string {
  if (word.length <= 3 || NOT_A_PLURAL.test(word)) return word;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith("sses")) return word.slice(0, -2);
  return word.endsWith("s") ? word.slice(0, -1) : word;
}
