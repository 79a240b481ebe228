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

interface TrieNode<V> {
  children: Map<string, TrieNode<V>>;
  value?: V;
}

/**
 * Phrases found by longest match from each position, Latin words only whole. A trie, because a
 * regular expression alternating hundreds of phrases costs more than all other folding together.
 */
class PhraseTable<V> {
  readonly #root: TrieNode<V> = { children: new Map() };

  set(phrase: string, value: V): void {
    let node = this.#root;
    for (const char of phrase) {
      let child = node.children.get(char);
      if (!child) {
        child = { children: new Map() };
        node.children.set(char, child);
      }
      node = child;
    }
    node.value = value;
  }

  /** Splits text into phrases (with their values) and the plain spans between them. */
  *scan(text: string): Generator<{ plain: string } | { phrase: string; value: V }> {
    let plainStart = 0;
    let at = 0;
    while (at < text.length) {
      const found = this.#longestAt(text, at);
      if (!found) {
        at++;
        continue;
      }
      if (plainStart < at) yield { plain: text.slice(plainStart, at) };
      yield { phrase: text.slice(at, at + found.length), value: found.value };
      at += found.length;
      plainStart = at;
    }
    if (plainStart < text.length) yield { plain: text.slice(plainStart) };
  }

  #longestAt(text: string, start: number): { length: number; value: V } | undefined {
    if (LATIN_OR_DIGIT.test(text[start] ?? "") && LATIN_OR_DIGIT.test(text[start - 1] ?? "")) {
      return undefined;
    }
    let node: TrieNode<V> | undefined = this.#root;
    let best: { length: number; value: V } | undefined;
    for (let at = start; at < text.length; at++) {
      node = node.children.get(text[at] ?? "");
      if (!node) break;
      const endsWord =
        !LATIN_OR_DIGIT.test(text[at] ?? "") || !LATIN_OR_DIGIT.test(text[at + 1] ?? "");
      if (node.value !== undefined && endsWord)
        best = { length: at + 1 - start, value: node.value };
    }
    return best;
  }
}

/** A synonym group folds to one term: its first word, prepared, with spaces as underscores. */
function canonicalTerm(word: string): string {
  return prepare(word).replace(/ /g, "_");
}

export function createNormalizer(lexicon: Lexicon): Normalizer {
  const rewrites = new PhraseTable<string>();
  for (const [cantonese, mandarin] of Object.entries(lexicon.cantonese)) {
    rewrites.set(prepare(cantonese), prepare(mandarin));
  }

  const stopwords = new Set(lexicon.stopwords.map(prepare));
  // The value of a phrase is its canonical term, or "" for a filler word that is dropped.
  const folds = new PhraseTable<string>();
  const lexiconWords = new Map<string, string>();
  for (const stopword of stopwords) {
    // A single Han character is dropped as a whole token only: as a phrase it would cut words apart.
    if (stopword.length > 1 || LATIN_OR_DIGIT.test(stopword)) folds.set(stopword, "");
  }
  for (const group of lexicon.synonyms) {
    const canonical = canonicalTerm(group[0] ?? "");
    for (const word of group) {
      const prepared = prepare(word);
      folds.set(prepared, canonical);
      if (!prepared.includes(" ")) lexiconWords.set(prepared, canonical);
    }
  }

  const segmentWords = (span: string, into: string[]) => {
    for (const { segment, isWordLike } of segmenter.segment(span)) {
      if (isWordLike && !stopwords.has(segment)) into.push(segment);
    }
  };

  return {
    lexiconWords,
    terms(text) {
      let rewritten = "";
      for (const part of rewrites.scan(prepare(text))) {
        rewritten += "plain" in part ? part.plain : part.value;
      }
      const terms: string[] = [];
      for (const part of folds.scan(rewritten)) {
        if ("plain" in part) segmentWords(part.plain, terms);
        else if (part.value) terms.push(part.value);
      }
      return terms;
    },
  };
}
