import Fuse from "fuse.js";
import { memoize } from "../text/memo.js";

export interface FuzzyHit {
  /** The term the known word stands for. */
  term: string;
  /** 1 for the same word, falling towards 0 with each edit. */
  similarity: number;
}

/** Only Latin words this long are corrected: shorter ones are too easily another word. */
const MIN_FUZZY_LENGTH = 4;
/** fuse.js's bitap compares at most this many letters at a time; no real word is longer. */
const MAX_FUZZY_LENGTH = 32;
const LATIN_WORD = /^[a-z]+$/;
const LETTERS = 26;
const PAIRS = LETTERS * LETTERS;

/**
 * Spelling correction against the known words ("hotsopt" → "hotspot", "covrage" → "coverage"),
 * scored by fuse.js. A misspelling is compared only with known words of about its length that
 * keep its first or its second letter (few typos change both), and that share enough of its
 * letter pairs to be within fuse.js's threshold: each edit breaks at most two of a word's pairs,
 * so a word within `e` edits keeps `length - 1 - 2e` of them. An index of letter pairs finds
 * those words without looking at the others, which number hundreds of thousands in a large
 * knowledge base.
 */
export class FuzzyTerms {
  /** The known words, by number. */
  readonly #words: string[] = [];
  /** The term a word stands for, where that is not the word itself, by the word's number. */
  readonly #otherTerms = new Map<number, string>();
  /** How common each word is: of two equally close words, the commoner is the likelier meant. */
  readonly #frequencies: number[] = [];
  /** The words holding each letter pair (26 × first + second), in word order: rows by pair. */
  readonly #pairStart = new Int32Array(PAIRS + 1);
  readonly #pairWords: Int32Array;
  /** Scratch for one correction: pairs each word shares with the misspelling, and who has any. */
  #shared = new Uint8Array(0);
  #touched = new Int32Array(0);

  /**
   * Indexes the known words that `addWords` hands to `add`, each once, with the term it stands
   * for and how many questions hold it. All of them at once: the index of letter pairs is one
   * array, sized by counting first, as a large knowledge base has millions of pairs.
   */
  constructor(
    private readonly threshold: number,
    addWords: (add: (word: string, term: string, frequency: number) => void) => void,
  ) {
    addWords((word, term, frequency) => {
      if (!isCorrectable(word)) return;
      if (term !== word) this.#otherTerms.set(this.#words.length, term);
      this.#words.push(word);
      this.#frequencies.push(frequency);
      for (let at = 1; at < word.length; at++) {
        const next = pairEndingAt(word, at) + 1;
        this.#pairStart[next] = (this.#pairStart[next] ?? 0) + 1;
      }
    });
    for (let pair = 0; pair < PAIRS; pair++) {
      this.#pairStart[pair + 1] = (this.#pairStart[pair + 1] ?? 0) + (this.#pairStart[pair] ?? 0);
    }
    this.#pairWords = new Int32Array(this.#pairStart[PAIRS] ?? 0);
    const filled = this.#pairStart.slice(0, PAIRS);
    this.#words.forEach((word, number) => {
      for (let at = 1; at < word.length; at++) {
        const pair = pairEndingAt(word, at);
        this.#pairWords[filled[pair] ?? 0] = number;
        filled[pair] = (filled[pair] ?? 0) + 1;
      }
    });
  }

  /** The closest known word, or null when none is close enough. Users repeat their words. */
  readonly correct = memoize((word: string) => this.#closest(word), 10_000);

  #closest(word: string): FuzzyHit | null {
    if (!isCorrectable(word)) return null;
    const candidates = this.#candidates(word);
    if (candidates.length === 0) return null;
    // ignoreLocation: a typo at the end of a word must cost the same as one at its start.
    const fuse = new Fuse(
      candidates.map((number) => this.#words[number] ?? ""),
      { includeScore: true, ignoreLocation: true, threshold: this.threshold },
    );
    // Sorted by score, ties in word order.
    const hits = fuse.search(word);
    const score = hits[0]?.score;
    if (score === undefined || score > this.threshold) return null;
    let best = -1;
    for (const hit of hits) {
      if (hit.score !== score) break;
      const number = candidates[hit.refIndex] ?? -1;
      if (best < 0 || (this.#frequencies[number] ?? 0) > (this.#frequencies[best] ?? 0)) {
        best = number;
      }
    }
    const term = this.#otherTerms.get(best) ?? this.#words[best];
    return term === undefined ? null : { term, similarity: 1 - score };
  }

  /** The known words that may be within the threshold of `word`, in word order. */
  #candidates(word: string): number[] {
    const slack = word.length >= 8 ? 2 : 1;
    const maxEdits = Math.floor(this.threshold * word.length + 1e-9);
    const minShared = word.length - 1 - 2 * maxEdits;
    const fits = (number: number) => {
      const known = this.#words[number] ?? "";
      return (
        Math.abs(known.length - word.length) <= slack &&
        (known[0] === word[0] || known[1] === word[1])
      );
    };
    if (minShared <= 0) return this.#words.flatMap((_, number) => (fits(number) ? [number] : []));

    // Count, for each word, the misspelling's letter pairs it holds (a pair twice counts twice:
    // the bound is on pairs of the misspelling). At most 31, for a word of 32 letters.
    if (this.#shared.length < this.#words.length) {
      this.#shared = new Uint8Array(this.#words.length);
      this.#touched = new Int32Array(this.#words.length);
    }
    let touched = 0;
    for (let letter = 1; letter < word.length; letter++) {
      const pair = pairEndingAt(word, letter);
      const end = this.#pairStart[pair + 1] ?? 0;
      for (let at = this.#pairStart[pair] ?? 0; at < end; at++) {
        const number = this.#pairWords[at] ?? 0;
        const shared = this.#shared[number] ?? 0;
        if (shared === 0) this.#touched[touched++] = number;
        this.#shared[number] = shared + 1;
      }
    }
    const candidates: number[] = [];
    for (let at = 0; at < touched; at++) {
      const number = this.#touched[at] ?? 0;
      if ((this.#shared[number] ?? 0) >= minShared && fits(number)) candidates.push(number);
      this.#shared[number] = 0;
    }
    return candidates.sort((a, b) => a - b);
  }
}

function isCorrectable(word: string): boolean {
  return (
    word.length >= MIN_FUZZY_LENGTH && word.length <= MAX_FUZZY_LENGTH && LATIN_WORD.test(word)
  );
}

/** The pair of letters of a lower-case Latin word that ends at `at`, as a number below PAIRS. */
function pairEndingAt(word: string, at: number): number {
  return (word.charCodeAt(at - 1) - 97) * LETTERS + (word.charCodeAt(at) - 97);
}
