import type { Lexicon } from "../kb/schema.js";
import { toSimplified } from "../text/chinese.js";

/** The matcher reads this many characters of a question; the rest is cut, never refused. */
export const MAX_QUERY_CHARS = 300;

export interface Normalizer {
  /**
   * The canonical search terms of a text, in order: Traditional folded to Simplified, Cantonese
   * rewritten to Mandarin, synonyms folded to one term, filler words dropped.
   */
  terms(text: string): string[];
  /** Every single word the lexicon folds, with the term it folds to: what a misspelling may mean. */
  readonly lexiconWords: ReadonlyMap<string, string>;
}

const LATIN_OR_DIGIT = /[a-z0-9]/;
const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

/**
 * Folds what does not change meaning: width and compatibility forms (NFKC), case, script,
 * punctuation and emoji, English plurals. Spaces separate Han from Latin and digits so that
 * "sim卡" and "sim 卡" prepare alike. Dictionary words go through the same steps as questions.
 */
export function prepare(text: string): string {
  return toSimplified(text.slice(0, MAX_QUERY_CHARS).normalize("NFKC").toLowerCase())
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .replace(/(?<=\p{Script=Han})(?=[a-z0-9])|(?<=[a-z0-9])(?=\p{Script=Han})/gu, " ")
    .replace(/[a-z]+/g, stemEnglish)
    .trim();
}

/** Plural and third-person -s only: anything bolder mangles words ("setting" → "sett"). */
function stemEnglish(word: string): string {
  if (word.length <= 3 || /(?:ss|us|is)$/.test(word)) return word;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith("sses")) return word.slice(0, -2);
  return word.endsWith("s") ? word.slice(0, -1) : word;
}

/** One regular expression over every phrase, longest first; Latin words only match whole. */
function phrasePattern(phrases: Iterable<string>): RegExp | undefined {
  const sorted = [...phrases].sort((a, b) => b.length - a.length);
  if (sorted.length === 0) return undefined;
  const alternatives = sorted.map((phrase) => {
    const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const start = LATIN_OR_DIGIT.test(phrase[0] ?? "") ? "(?<![a-z0-9])" : "";
    const end = LATIN_OR_DIGIT.test(phrase.at(-1) ?? "") ? "(?![a-z0-9])" : "";
    return `${start}${escaped}${end}`;
  });
  return new RegExp(alternatives.join("|"), "g");
}

/** A synonym group folds to one term: its first word, prepared, with spaces as underscores. */
function canonicalTerm(word: string): string {
  return prepare(word).replace(/ /g, "_");
}

export function createNormalizer(lexicon: Lexicon): Normalizer {
  const rewrites = new Map<string, string>();
  for (const [cantonese, mandarin] of Object.entries(lexicon.cantonese)) {
    rewrites.set(prepare(cantonese), prepare(mandarin));
  }
  const rewritePattern = phrasePattern(rewrites.keys());

  const stopwords = new Set(lexicon.stopwords.map(prepare));
  // Phrase value: the canonical term, or "" for a filler word that is dropped.
  const folds = new Map<string, string>();
  for (const stopword of stopwords) {
    // A single Han character is dropped as a whole token only: as a phrase it would cut words apart.
    if (stopword.length > 1 || LATIN_OR_DIGIT.test(stopword)) folds.set(stopword, "");
  }
  for (const group of lexicon.synonyms) {
    const canonical = canonicalTerm(group[0] ?? "");
    for (const word of group) folds.set(prepare(word), canonical);
  }
  const foldPattern = phrasePattern(folds.keys());
  const lexiconWords = new Map(
    [...folds].filter(([word, term]) => term !== "" && !word.includes(" ")),
  );

  const segmentWords = (span: string, into: string[]) => {
    for (const { segment, isWordLike } of segmenter.segment(span)) {
      if (isWordLike && !stopwords.has(segment)) into.push(segment);
    }
  };

  return {
    lexiconWords,
    terms(text) {
      let prepared = prepare(text);
      if (rewritePattern) {
        prepared = prepared.replace(rewritePattern, (phrase) => rewrites.get(phrase) ?? phrase);
      }
      const terms: string[] = [];
      let rest = 0;
      if (foldPattern) {
        for (const found of prepared.matchAll(foldPattern)) {
          segmentWords(prepared.slice(rest, found.index), terms);
          const canonical = folds.get(found[0]);
          if (canonical) terms.push(canonical);
          rest = found.index + found[0].length;
        }
      }
      segmentWords(prepared.slice(rest), terms);
      return terms;
    },
  };
}
