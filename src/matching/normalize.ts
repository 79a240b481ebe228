import { pinyin, polyphonic } from "pinyin-pro";
import type { Lexicon } from "../kb/schema.js";
import { toSimplified } from "../text/chinese.js";
import { memoize } from "../text/memo.js";
import { IntList } from "./int-list.js";
import { hashOf, StringTable } from "./string-table.js";

/** The matcher reads this many characters of a question; the rest is cut, never refused. */
export const MAX_QUERY_CHARS = 300;

export interface Normalizer {
  /**
   * The canonical search terms of a text, in order: Traditional folded to Simplified, Cantonese
   * rewritten to Mandarin, synonyms folded to one term, filler words dropped.
   */
  terms(text: string): string[];
  /**
   * The terms of a user's question: as `terms`, and Chinese typos that sound like a lexicon word
   * (体醒 for 提醒, 套参 for 套餐: a pinyin keyboard's usual slip) read as that word.
   */
  queryTerms(text: string): string[];
  /** Every single word the lexicon folds, with the term it folds to: what a misspelling may mean. */
  readonly lexiconWords: ReadonlyMap<string, string>;
  /** A new reader of stored questions that numbers their terms from 0: what an index is built from. */
  numbering(): TermNumbering;
}

/** Where term numbers are appended: an array, or an index's own list. */
export interface IdSink {
  push(id: number): void;
}

/** Term numbers by text: what an index needs of a `Map` of them. */
export interface TermLookup {
  get(term: string): number | undefined;
  has(term: string): boolean;
  readonly size: number;
}

/**
 * Reads stored questions as `terms` does, as numbers: each new term gets the next one. A word's
 * numbers are cached, so that the thousands of questions that share a word look up one number
 * list, not each of its terms.
 */
export interface TermNumbering {
  /** Appends the numbers of the terms of a text to `into`, in order. */
  read(text: string, into: IdSink): void;
  /** The number of every term read so far. */
  readonly termIds: TermLookup;
  /** Every term read so far, by number. */
  readonly terms: readonly string[];
}

const LATIN_OR_DIGIT = /[a-z0-9]/;
const HAN_CHAR = /\p{Script=Han}/u;
const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

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

const WHITESPACE = /\s+/;
const PLAIN_LATIN = /^[A-Za-z0-9]+$/;
const ASCII_LETTERS = /^[A-Za-z]+$/;
/** A word as `prepare` leaves plain ASCII: Latin phrases match it whole or not at all. */
const PREPARED_LATIN = /^[a-z0-9]+$/;

/** `prepare` for a word without whitespace, uncached. */
function prepareWord(word: string): string {
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

const LATIN_LETTERS = /[a-z]+/g;
/** Endings of words whose final s is their own: "access", "status", "this". */
const NOT_A_PLURAL = /(?:ss|us|is)$/;

// Every step of `prepare` stays within a space-separated word, so a word that recurs across
// questions (all of them, in English) is prepared once.
const preparedWord = memoize(prepareWord);

/**
 * The "A-not-AB" question form, as in 支不支持, 麻不麻烦, 可不可以: the first "A不" goes, leaving
 * the word AB, since the form only asks whether. Left alone, 不支持 reads as a negation. A bare
 * "A不A" (准不准) stays whole: the lexicon lists those as phrases.
 */
const A_NOT_AB = /(\p{Script=Han})不(?=\1\p{Script=Han})/gu;

// Converted a run of Han characters at a time, so that runs repeated across questions convert once.
const simplify = memoize(toSimplified);

/** The words of a text without spaces; Intl.Segmenter never joins words across a space. */
const segmentHan = memoize((chunk: string): readonly string[] =>
  [...segmenter.segment(chunk)]
    .filter((segment) => segment.isWordLike)
    .map((segment) => segment.segment),
);

// `prepare` splits Han from Latin and digits, so a chunk without Han is one word: neither the
// segmenter nor its cache, which one-off English words would otherwise flush, is needed.
const segmentWords = (chunk: string): readonly string[] =>
  HAN_CHAR.test(chunk) ? segmentHan(chunk) : [chunk];

/** Plural and third-person -s only: anything bolder mangles words ("setting" → "sett"). */
function stemEnglish(word: string): string {
  if (word.length <= 3 || NOT_A_PLURAL.test(word)) return word;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith("sses")) return word.slice(0, -2);
  return word.endsWith("s") ? word.slice(0, -1) : word;
}

/** Whether text[at] is a-z or 0-9: phrases of those match whole words only. */
function isLatinOrDigit(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/** What `PhraseTable.scan` hands a text to, piece by piece in order. */
interface PhraseVisitor<V> {
  /** A span between phrases. */
  plain(span: string): void;
  /** The value of a phrase found. */
  phrase(value: V): void;
}

interface TrieNode<V> {
  /** Keyed by UTF-16 code unit: a number key hashes far faster than a one-character string. */
  children: Map<number, TrieNode<V>>;
  /** Set where a phrase ends. */
  value?: V;
  /** Code units from the root: the length of a phrase that ends here. */
  length: number;
}

/**
 * Phrases found by longest match from each position, Latin words only whole. A trie, because a
 * regular expression alternating hundreds of phrases costs more than all other folding together.
 */
class PhraseTable<V> {
  readonly #root: TrieNode<V> = { children: new Map(), length: 0 };
  /** Flags the code units a phrase starts with: most positions start none, and this says so fastest. */
  readonly #starts = new Uint8Array(0x10000);

  /** The words before a space in a phrase, Latin or digits: a phrase can span a space after one. */
  readonly #wordHeads = new Set<string>();
  /** The same, in Han: a phrase may start inside a run of Han, so these are matched as suffixes. */
  readonly #hanHeads = new Set<string>();
  /** The words after a space in a phrase, Latin or digits: a phrase can span a space before one. */
  readonly #wordTails = new Set<string>();
  /** Every word of Latin letters and digits in a phrase: any other such word is no phrase's part. */
  readonly latinWords = new Set<string>();

  set(phrase: string, value: V): void {
    const pieces = phrase.split(" ");
    for (const head of pieces.slice(0, -1)) {
      if (isLatinOrDigit(head, 0)) this.#wordHeads.add(head);
      else this.#hanHeads.add(head);
    }
    for (const tail of pieces.slice(1)) if (isLatinOrDigit(tail, 0)) this.#wordTails.add(tail);
    for (const piece of pieces) if (isLatinOrDigit(piece, 0)) this.latinWords.add(piece);
    this.#starts[phrase.charCodeAt(0)] = 1;
    let node = this.#root;
    for (let at = 0; at < phrase.length; at++) {
      const code = phrase.charCodeAt(at);
      let child = node.children.get(code);
      if (!child) {
        child = { children: new Map(), length: at + 1 };
        node.children.set(code, child);
      }
      node = child;
    }
    node.value = value;
  }

  /**
   * Walks text in order, handing the visitor each span between phrases and each phrase's value.
   * A visitor rather than a list of parts: this runs for every new word of every stored question.
   */
  scan(text: string, visitor: PhraseVisitor<V>): void {
    let plainStart = 0;
    let at = 0;
    while (at < text.length) {
      const found = this.#longestAt(text, at);
      if (!found) {
        at++;
        continue;
      }
      if (plainStart < at) visitor.plain(text.slice(plainStart, at));
      visitor.phrase(found.value as V);
      at += found.length;
      plainStart = at;
    }
    if (plainStart < text.length) visitor.plain(plainStart === 0 ? text : text.slice(plainStart));
  }

  /**
   * Cuts text at every space that no phrase can span: `scan` finds the same phrases in the pieces
   * as in the whole, so what is derived from a piece may be cached and reused.
   */
  independentSpans(text: string): string[] {
    const spans: string[] = [];
    let spanStart = 0;
    let wordStart = 0;
    for (let space = text.indexOf(" "); space >= 0; space = text.indexOf(" ", space + 1)) {
      if (!this.#mayContinueAfter(text, wordStart, space)) {
        spans.push(text.slice(spanStart, space));
        spanStart = space + 1;
      }
      wordStart = space + 1;
    }
    spans.push(text.slice(spanStart));
    return spans;
  }

  /** Whether a phrase may run on past the last word of text, across a space after it. */
  mayContinueAfterEnd(text: string): boolean {
    return text !== "" && this.#mayContinueAfter(text, text.lastIndexOf(" ") + 1, text.length);
  }

  /** Whether a phrase may run across a space into a word of Latin letters and digits. */
  mayRunInto(word: string): boolean {
    return this.#wordTails.has(word);
  }

  /** Whether a phrase may run on past the word text[start, end), which a space follows. */
  #mayContinueAfter(text: string, start: number, end: number): boolean {
    if (isLatinOrDigit(text, end - 1)) return this.#wordHeads.has(text.slice(start, end));
    for (const head of this.#hanHeads) {
      if (end - head.length >= start && text.startsWith(head, end - head.length)) return true;
    }
    return false;
  }

  /** The node of the longest phrase starting at `start`, if any starts there. */
  #longestAt(text: string, start: number): TrieNode<V> | undefined {
    if (this.#starts[text.charCodeAt(start)] === 0) return undefined;
    let node = this.#root.children.get(text.charCodeAt(start));
    if (!node || (isLatinOrDigit(text, start) && isLatinOrDigit(text, start - 1))) return undefined;
    let found: TrieNode<V> | undefined;
    for (let at = start; node; node = node.children.get(text.charCodeAt(++at))) {
      const endsWord = !isLatinOrDigit(text, at) || !isLatinOrDigit(text, at + 1);
      if (node.value !== undefined && endsWord) found = node;
    }
    return found;
  }
}

const HAN_WORD = /^\p{Script=Han}+$/u;
/** Lexicon words this long (in characters) are recognised by sound. */
const MIN_SOUND_ALIKE = 2;
const MAX_SOUND_ALIKE = 4;
const toneless = { toneType: "none", type: "array" } as const;

/**
 * Lexicon words by their toneless pinyin, to read a misspelt word as the word it sounds like.
 * Two words that sound alike are both left out: the sound alone cannot tell which was meant.
 */
class SoundAlikeTable {
  readonly #termBySound = new Map<string, string | null>();

  add(word: string, term: string): void {
    const length = [...word].length;
    if (length < MIN_SOUND_ALIKE || length > MAX_SOUND_ALIKE || !HAN_WORD.test(word)) return;
    const sound = pinyin(word, toneless).join(" ");
    const known = this.#termBySound.get(sound);
    this.#termBySound.set(sound, known === undefined || known === term ? term : null);
  }

  /**
   * Rewrites runs of characters that stand alone (the segmenter found no word in them, as it
   * does with a typo) when they sound like a lexicon word. Real words are never touched.
   */
  correct(segments: string[]): string[] {
    const out: string[] = [];
    let at = 0;
    while (at < segments.length) {
      const found = this.#longestAt(segments, at);
      if (found) {
        out.push(found.term);
        at += found.length;
      } else {
        out.push(segments[at] ?? "");
        at++;
      }
    }
    return out;
  }

  #longestAt(segments: string[], start: number): { term: string; length: number } | undefined {
    let run = 0;
    while (run < MAX_SOUND_ALIKE && isSingleHan(segments[start + run])) run++;
    for (let length = run; length >= MIN_SOUND_ALIKE; length--) {
      const text = segments.slice(start, start + length);
      // A doubled character (试试, 看看) is a word of its own, not a typo.
      if (text.every((char) => char === text[0])) continue;
      const term = this.#termSoundingLike(text.join(""));
      if (term) return { term, length };
    }
    return undefined;
  }

  /**
   * The lexicon term characters sound like, if any. Cached, because reading every pinyin of a run
   * costs more than the rest of a question's folding and the same runs (能用吗) recur; the table is
   * complete before the first question is read.
   */
  readonly #termSoundingLike = memoize((chars: string): string | null => {
    for (const sound of spellings(polyphonic(chars, toneless))) {
      const term = this.#termBySound.get(sound);
      if (term) return term;
    }
    return null;
  }, 10_000);
}

function isSingleHan(segment: string | undefined): boolean {
  return segment !== undefined && segment.length === 1 && HAN_WORD.test(segment);
}

/** Every way to read characters with several readings, as space-separated syllables. */
function spellings(readings: string[][]): string[] {
  return readings
    .reduce<string[]>(
      (sounds, options) => sounds.flatMap((sound) => options.map((option) => `${sound} ${option}`)),
      [""],
    )
    .map((sound) => sound.trim());
}

/** A synonym group folds to one term: its first word, prepared, with spaces as underscores. */
function canonicalTerm(word: string): string {
  return prepare(word).replace(/ /g, "_");
}

/** Joins the pieces of a scan back into text, phrases replaced by their values. */
class Concatenation implements PhraseVisitor<string> {
  text = "";

  plain(span: string): void {
    this.text += span;
  }

  phrase(value: string): void {
    this.text += value;
  }
}

/**
 * Collects the terms of a scan of the fold table: a phrase's canonical term (none for a filler
 * phrase), and the words of the spans between, less filler words, sound-alike typos corrected
 * when asked to.
 */
class TermCollector implements PhraseVisitor<string> {
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

/** A stored question's word, read on its own. */
interface WordReading {
  terms: readonly string[];
  /** Prepared to nothing: punctuation or emoji. */
  blank: boolean;
  /** A phrase may span the space after it, so it is read together with the next. */
  joinsNext: boolean;
  /** A phrase may span the space before it: where none can, a run of words ends before it. */
  joinsPrevious: boolean;
}

/** How a stored question is read: words one at a time, and runs of words a phrase may span. */
interface StoredReading {
  /**
   * A word read on its own: the one term it reads as, where that is all it reads as and no
   * phrase can span the space on either side of it; else its reading.
   */
  word(word: string): string | WordReading;
  /** The terms of words read together, as the text has them: spaces, punctuation and all. */
  run(text: string): readonly string[];
}

/** A word as a numbering keeps it, its terms numbered once it is read alone (see `Numbering`). */
interface NumberedWord extends WordReading {
  numbers?: readonly number[];
}

/** The reading of a word that is one term, with no phrase across the space on either side. */
function standingApart(term: string): NumberedWord {
  return { terms: [term], blank: false, joinsNext: false, joinsPrevious: false };
}

/** The characters `\s` matches, all of them in the Basic Multilingual Plane: what separates words. */
export const WHITESPACE_CHARACTERS =
  "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";
/** 1 for each UTF-16 code unit of whitespace. */
const IS_WHITESPACE = new Uint8Array(0x10000);
for (const space of WHITESPACE_CHARACTERS) IS_WHITESPACE[space.charCodeAt(0)] = 1;

/**
 * Numbers the terms of stored questions, the hot loop of an index build: a large knowledge base
 * has millions of words, and each costs a lookup here. Words are found in place, by their span
 * of the text (see `StringTable`): only a word never seen before is cut out of it.
 *
 * Most words, read alone, are one term spelt as the word: such a word is found among the terms,
 * flagged as read, and kept nowhere else (a large knowledge base has hundreds of thousands, and
 * a second table of them would double the cost of each new one). Another word that is read alone
 * and stands for one term is kept as that term's number, which makes no object for the collector
 * to copy; any other keeps its reading. Terms are numbered when first used: a word read only
 * together with its neighbours never stands alone, and its own terms must not count as seen.
 */
class Numbering implements TermNumbering {
  readonly #terms = new StringTable(1024);
  /** For each term, 1 if it is also a word that reads as itself alone. */
  readonly #readsAsItself = new IntList(1024);
  /** Every other word read, for as long as the numbering lives: make one for each batch of text. */
  readonly #words = new StringTable(1024);
  readonly #wordReadings: (number | NumberedWord)[] = [];
  /**
   * Runs of words read together, as the text has them: "hong kong" recurs as often as its words
   * do. A run's reading is cached by its span, spaces and all.
   */
  readonly #runs = new StringTable();
  readonly #runNumbers: (readonly number[])[] = [];

  constructor(private readonly reading: StoredReading) {}

  get termIds(): TermLookup {
    return this.#terms;
  }

  get terms(): readonly string[] {
    return this.#terms.strings;
  }

  /** How many words and terms it remembers. */
  get size(): number {
    return this.#words.size + this.#terms.size;
  }

  read(text: string, found: IdSink): void {
    const end = Math.min(text.length, MAX_QUERY_CHARS);
    // The span of the words a phrase may run across, read together; most texts have none.
    let runStart = -1;
    let runEnd = 0;
    for (let at = 0; at < end; ) {
      if (IS_WHITESPACE[text.charCodeAt(at)] === 1) {
        at++;
        continue;
      }
      const wordStart = at;
      while (at < end && IS_WHITESPACE[text.charCodeAt(at)] === 0) at++;
      const known = this.#wordAt(text, wordStart, at, runStart >= 0);
      // A term's number stands for a word no phrase can span into (see `#learn`).
      if (runStart >= 0 && (typeof known === "number" || !known.joinsPrevious)) {
        this.#readRun(text, runStart, runEnd, found);
        runStart = -1;
      }
      if (runStart < 0) {
        if (typeof known === "number") {
          found.push(known);
          continue;
        }
        // A word of punctuation or emoji is not there at all: a phrase runs across it.
        if (known.blank) continue;
        if (!known.joinsNext) {
          known.numbers ??= this.#numbers(known.terms);
          for (const id of known.numbers) found.push(id);
          continue;
        }
        runStart = wordStart;
      }
      runEnd = at;
      if (typeof known !== "number" && (known.blank || known.joinsNext)) continue;
      this.#readRun(text, runStart, runEnd, found);
      runStart = -1;
    }
    if (runStart >= 0) this.#readRun(text, runStart, runEnd, found);
  }

  /** The text of the terms of a text, in order. */
  termsOf(text: string): string[] {
    const ids: number[] = [];
    this.read(text, ids);
    return ids.map((id) => this.terms[id] ?? "");
  }

  /** The word text[start, end): the number of the term it stands for, or its reading. */
  #wordAt(text: string, start: number, end: number, inRun: boolean): number | NumberedWord {
    // Looked up in one table or two: hashed once.
    const hash = hashOf(text, start, end);
    const spelt = this.#terms.find(text, start, end, hash);
    if (spelt >= 0 && this.#readsAsItself.at(spelt) === 1) return spelt;
    const known = this.#words.find(text, start, end, hash);
    const kept = known >= 0 ? this.#wordReadings[known] : undefined;
    return kept ?? this.#learn(text.slice(start, end), inRun, spelt);
  }

  /**
   * Reads a new word; `spelt` is the number of the term spelt as the word, or -1. A word that
   * stands for one term, with no phrase across the space on either side, is kept as the term's
   * number. Unless the word follows a run of words, which is read first: then it is kept as a
   * reading, so that terms are numbered in the order the text has them.
   */
  #learn(word: string, inRun: boolean, spelt: number): number | NumberedWord {
    const reading = this.reading.word(word);
    if (typeof reading !== "string") return this.#keepWord(word, reading);
    if (inRun) return this.#keepWord(word, standingApart(reading));
    if (reading !== word) return this.#keepWord(word, this.#number(reading));
    const id = spelt >= 0 ? spelt : this.#newTerm(reading);
    this.#readsAsItself.set(id, 1);
    return id;
  }

  #keepWord<Known extends number | NumberedWord>(word: string, known: Known): Known {
    this.#words.add(word);
    this.#wordReadings.push(known);
    return known;
  }

  #readRun(text: string, start: number, end: number, found: IdSink): void {
    const run = this.#runs.find(text, start, end);
    let numbers = run >= 0 ? this.#runNumbers[run] : undefined;
    if (!numbers) {
      const span = text.slice(start, end);
      numbers = this.#numbers(this.reading.run(span));
      this.#runs.add(span);
      this.#runNumbers.push(numbers);
    }
    for (const id of numbers) found.push(id);
  }

  #numbers(terms: readonly string[]): number[] {
    const numbers: number[] = [];
    for (const term of terms) numbers.push(this.#number(term));
    return numbers;
  }

  #number(term: string): number {
    return this.#terms.get(term) ?? this.#newTerm(term);
  }

  #newTerm(term: string): number {
    this.#readsAsItself.push(0);
    return this.#terms.add(term);
  }
}

/** The shared numbering behind `Normalizer.terms` starts afresh past this many words. */
const SHARED_NUMBERING_WORDS = 100_000;

export function createNormalizer(lexicon: Lexicon): Normalizer {
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

  const rewritePrepared = (prepared: string): string => {
    const rewritten = new Concatenation();
    rewrites.scan(prepared, rewritten);
    // Cantonese forms (支唔支援) only become the Mandarin question form once rewritten.
    return rewritten.text.includes("不") ? rewritten.text.replace(A_NOT_AB, "") : rewritten.text;
  };

  const foldTerms = (text: string, correctTypos: boolean): string[] => {
    const collector = new TermCollector(stopwords, correctTypos ? soundAlikes : undefined);
    folds.scan(text, collector);
    return collector.terms;
  };

  const rewrite = (text: string) => rewritePrepared(prepare(text));
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

  return {
    lexiconWords,
    terms(text) {
      if (shared.size > SHARED_NUMBERING_WORDS) shared = new Numbering(reading);
      return shared.termsOf(text);
    },
    queryTerms: (text) => foldTerms(rewrite(text), true),
    numbering: () => new Numbering(reading),
  };
}
