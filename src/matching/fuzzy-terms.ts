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
const LATIN_WORD = /^[a-z]+$/;

/** The letters a misspelling is assumed to keep one of: a word is looked up by each in turn. */
const ANCHORS = [0, 1] as const;

/**
 * Spelling correction against the known words ("hotsopt" → "hotspot", "covrage" → "coverage").
 * fuse.js compares a word with every word in its index, so words are filed in small indexes by
 * length and by their first and by their second letter: a query word is compared only with words
 * of about its length that share one of those letters. Few typos change both.
 */
export class FuzzyTerms {
  readonly #buckets = new Map<string, Fuse<string>>();
  readonly #termOf: ReadonlyMap<string, string>;

  /** `words` maps each known word to the term it stands for. */
  constructor(
    words: ReadonlyMap<string, string>,
    private readonly threshold: number,
  ) {
    this.#termOf = words;
    const groups = new Map<string, string[]>();
    for (const word of words.keys()) {
      if (word.length < MIN_FUZZY_LENGTH || !LATIN_WORD.test(word)) continue;
      for (const anchor of ANCHORS) {
        const key = bucketKey(word.length, anchor, word);
        const group = groups.get(key);
        if (group) group.push(word);
        else groups.set(key, [word]);
      }
    }
    for (const [key, terms] of groups) {
      // ignoreLocation: a typo at the end of a word must cost the same as one at its start.
      this.#buckets.set(
        key,
        new Fuse(terms, { includeScore: true, ignoreLocation: true, threshold }),
      );
    }
  }

  /** The closest known word, or null when none is close enough. Users repeat their words. */
  readonly correct = memoize((word: string) => this.#closest(word), 10_000);

  #closest(word: string): FuzzyHit | null {
    if (word.length < MIN_FUZZY_LENGTH || !LATIN_WORD.test(word)) return null;
    let best: FuzzyHit | null = null;
    const slack = word.length >= 8 ? 2 : 1;
    for (let length = word.length - slack; length <= word.length + slack; length++) {
      for (const anchor of ANCHORS) {
        const bucket = this.#buckets.get(bucketKey(length, anchor, word));
        const hit = bucket?.search(word, { limit: 1 })[0];
        if (hit?.score === undefined || hit.score > this.threshold) continue;
        const similarity = 1 - hit.score;
        const term = this.#termOf.get(hit.item);
        if (term && (!best || similarity > best.similarity)) best = { term, similarity };
      }
    }
    return best;
  }
}

function bucketKey(length: number, anchor: number, word: string): string {
  return `${length}:${anchor}:${word[anchor]}`;
}
