import { memoize } from "../text/memo.js";
import { hasHan } from "./characters.js";
import type { PhraseVisitor } from "./phrase-table.js";
import type { SoundAlikeTable } from "./sound-alikes.js";

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

/** The words of a text without spaces; Intl.Segmenter never joins words across a space. */
const segmentHan = memoize((chunk: string): readonly string[] =>
  [...segmenter.segment(chunk)]
    .filter((segment) => segment.isWordLike)
    .map((segment) => segment.segment),
);

// `prepare` splits Han from Latin and digits, so a chunk without Han is one word: neither the
// segmenter nor its cache, which one-off English words would otherwise flush, is needed.
const segmentWords = (chunk: string): readonly string[] =>
  hasHan(chunk) ? segmentHan(chunk) : [chunk];

/**
 * Collects the terms of a scan of the fold table: a phrase's canonical term (none for a filler
 * phrase), and the words of the spans between, less filler words, sound-alike typos corrected
 * when asked to.
 */
export class TermCollector implements PhraseVisitor<string> {
  readonly terms: string[] = [];

  constructor(
    private readonly stopwords: ReadonlySet<string>,
    private readonly soundAlikes: SoundAlikeTable | undefined,
  ) {}

  plain(span: string): void {
    const words: string[] = [];
    for (const chunk of span.split(" ")) {
      if (chunk) for (const word of segmentWords(chunk)) words.push(word);
    }
    for (const word of this.soundAlikes ? this.soundAlikes.correct(words) : words) {
      if (!this.stopwords.has(word)) this.terms.push(word);
    }
  }

  phrase(term: string): void {
    if (term) this.terms.push(term);
  }
}
