import type { Lexicon } from "../kb/schema.js";
import { memoize } from "../text/memo.js";
import { readingNegatedQuestions } from "./negated-question.js";
import { PhraseTable, replacePhrases } from "./phrase-table.js";
import { dropANotAB, prepare, prepareWord } from "./prepare.js";
import { SoundAlikeTable } from "./sound-alikes.js";
import { TermCollector } from "./term-collector.js";
import { Numbering, type StoredReading, type TermNumbering } from "./term-numbering.js";

export interface Normalizer {
  /**
   * The canonical search terms of a text, in order: Traditional folded to Simplified, Cantonese
   * rewritten to Mandarin, synonyms folded to one term, filler words dropped.
   */
  terms(text: string): string[];
  /**
   * The terms of a user's question: as `terms`, and Chinese typos that sound like a lexicon word
   * (体醒 for 提醒, 套参 for 套餐: a pinyin keyboard's usual slip) read as that word, and a yes/no
   * question put in the negative ("港卡不能共享吗") read as the positive one it asks (lexicon `negated`).
   */
  queryTerms(text: string): string[];
  /** Every single word the lexicon folds, with the term it folds to: what a misspelling may mean. */
  readonly lexiconWords: ReadonlyMap<string, string>;
  /** A new reader of stored questions that numbers their terms from 0: what an index is built from. */
  numbering(): TermNumbering;
}

/** What a normalizer reads of the lexicon: all but how to find the asking clause. */
export type NormalizerLexicon = Pick<Lexicon, "synonyms" | "cantonese" | "stopwords"> &
  Partial<Pick<Lexicon, "negated">>;

const LATIN_OR_DIGIT = /[a-z0-9]/;
/** A word as `prepare` leaves plain ASCII: Latin phrases match it whole or not at all. */
const PREPARED_LATIN = /^[a-z0-9]+$/;

/** The shared numbering behind `Normalizer.terms` starts afresh past this many words. */
const SHARED_NUMBERING_WORDS = 100_000;

/**
 * The normalizer of a lexicon. A text is prepared, its Cantonese rewritten, and then scanned for
 * synonyms and filler words. A user's question is read whole. Stored questions, millions of words
 * in a large knowledge base, are read to the same terms word by word from a cache (`Numbering`),
 * the words a phrase may span read together: read whole, they took the 10,000-entry build three
 * times as long. A property test holds the two readings equal.
 */
export function createNormalizer(lexicon: NormalizerLexicon): Normalizer {
  const rewrites = new PhraseTable<string>();
  for (const [cantonese, mandarin] of Object.entries(lexicon.cantonese)) {
    rewrites.set(prepare(cantonese), prepare(mandarin));
  }

  const stopwords = new Set(lexicon.stopwords.map(prepare));
  // The value of a phrase is its canonical term, or "" for a filler word that is dropped.
  const folds = new PhraseTable<string>();
  const soundAlikes = new SoundAlikeTable();
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
      soundAlikes.add(prepared, canonical);
      if (!prepared.includes(" ")) lexiconWords.set(prepared, canonical);
    }
  }

  // Cantonese forms (支唔支援) only become the Mandarin question form once rewritten.
  const rewritePrepared = (prepared: string) => dropANotAB(replacePhrases(rewrites, prepared));
  const rewrite = (text: string) => rewritePrepared(prepare(text));

  const foldTerms = (text: string, correctTypos: boolean): string[] => {
    const collector = new TermCollector(stopwords, correctTypos ? soundAlikes : undefined);
    folds.scan(text, collector);
    return collector.terms;
  };

  // Filler words are phrases of the fold table, so this holds every Latin word read specially.
  const phraseLatinWords = new Set([...rewrites.latinWords, ...folds.latinWords]);

  // Stored questions share words and clauses, so their terms are cached: word by word where no
  // phrase spans the space after a word (by each numbering), else span by span. A user's question
  // is not cached: typo correction reads across spans, and the next question is another one.
  const spanTerms = memoize((span: string): readonly string[] => foldTerms(span, false));
  const reading: StoredReading = {
    word(word) {
      // Read whole, uncached inside: a word is one span, and a numbering caches what it reads.
      const prepared = prepareWord(word);
      const latin = PREPARED_LATIN.test(prepared);
      // Most words of a large knowledge base are Latin words no phrase holds: each is itself.
      // Phrases match Latin words whole, so none can start, end or be found inside such a word.
      if (latin && !phraseLatinWords.has(prepared)) return prepared;
      const rewritten = rewritePrepared(prepared);
      const terms = foldTerms(rewritten, false);
      const joinsNext =
        rewrites.mayContinueAfterEnd(prepared) || folds.mayContinueAfterEnd(rewritten);
      const joinsPrevious = !latin || rewrites.mayRunInto(prepared) || folds.mayRunInto(prepared);
      const [term] = terms;
      if (term !== undefined && terms.length === 1 && !joinsNext && !joinsPrevious) return term;
      return { terms, blank: prepared === "", joinsNext, joinsPrevious };
    },
    run(text) {
      const terms: string[] = [];
      for (const span of folds.independentSpans(rewrite(text))) {
        for (const term of spanTerms(span)) terms.push(term);
      }
      return terms;
    },
  };
  let shared = new Numbering(reading);

  const queryTerms = (text: string) => foldTerms(rewrite(text), true);

  return {
    lexiconWords,
    terms(text) {
      if (shared.size > SHARED_NUMBERING_WORDS) shared = new Numbering(reading);
      return shared.termsOf(text);
    },
    queryTerms: lexicon.negated
      ? readingNegatedQuestions(lexicon.negated, lexiconWords, queryTerms)
      : queryTerms,
    numbering: () => new Numbering(reading),
  };
}

/** A synonym group folds to one term: its first word, prepared, with spaces as underscores. */
function canonicalTerm(word: string): string {
  return prepare(word).replace(/ /g, "_");
}
