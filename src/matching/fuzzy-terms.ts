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

/**
 * Spelling correction against the known words ("hotsopt" → "hotspot", "covrage" → "coverage").
 * Words are kept in one fuse.js index per length, and a query word is compared only with words of
 * about its own length, so the cost stays flat as the vocabulary grows.
 */
export class FuzzyTerms {
  readonly #byLength = new Map<number, Fuse<string>>();
  readonly #termOf: ReadonlyMap<string, string>;

  /** `words` maps each known word to the term it stands for. */
  constructor(
    words: ReadonlyMap<string, string>,
    private readonly threshold: number,
  ) {
    this.#termOf = words;
    const groups = new Map<number, string[]>();
    for (const word of words.keys()) {
      if (word.length < MIN_FUZZY_LENGTH || !LATIN_WORD.test(word)) continue;
      const group = groups.get(word.length) ?? [];
      group.push(word);
      groups.set(word.length, group);
    }
    for (const [length, terms] of groups) {
      // ignoreLocation: a typo at the end of a word must cost the same as one at its start.
      this.#byLength.set(
        length,
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
      const hit = this.#byLength.get(length)?.search(word, { limit: 1 })[0];
      if (hit?.score === undefined || hit.score > this.threshold) continue;
      const similarity = 1 - hit.score;
      const term = this.#termOf.get(hit.item);
      if (term && (!best || similarity > best.similarity)) best = { term, similarity };
    }
    return best;
  }
}
