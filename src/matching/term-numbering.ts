import { isWhitespaceAt } from "./characters.js";
import { MAX_QUERY_CHARS } from "./prepare.js";
import { StringTable } from "./string-table.js";

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

/** A stored question's word, read on its own. */
export interface WordReading {
  terms: readonly string[];
  /**
   * Prepared to nothing: punctuation or emoji. A phrase runs across it, so it also joins the
   * previous word.
   */
  blank: boolean;
  /** A phrase may span the space after it, so it is read together with the next. */
  joinsNext: boolean;
  /** A phrase may span the space before it: where none can, a run of words ends before it. */
  joinsPrevious: boolean;
}

/** How a stored question is read: words one at a time, and runs of words a phrase may span. */
export interface StoredReading {
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

/**
 * Numbers the terms of stored questions, the hot loop of an index build: a large knowledge base
 * has millions of words, and each costs a lookup here. Words are found in place, by their span
 * of the text (see `StringTable`): only a word never seen before is cut out of it.
 *
 * A word read alone that stands for one term is kept as that term's number, which makes no
 * object to copy; any other keeps its reading. Terms are numbered when first used: a word read
 * only together with its neighbours never stands alone, and its own terms must not count as seen.
 */
export class Numbering implements TermNumbering {
  readonly #terms = new StringTable();
  /** Every word read, for as long as the numbering lives: make one for each batch of text. */
  readonly #words = new StringTable();
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
      if (isWhitespaceAt(text, at)) {
        at++;
        continue;
      }
      const wordStart = at;
      while (at < end && !isWhitespaceAt(text, at)) at++;
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
    const known = this.#words.find(text, start, end);
    const kept = known >= 0 ? this.#wordReadings[known] : undefined;
    return kept ?? this.#learn(text.slice(start, end), inRun);
  }

  /**
   * Reads a new word. A word that stands for one term, with no phrase across the space on either
   * side, is kept as the term's number. Unless the word follows a run of words, which is read
   * first: then it is kept as a reading, so that terms are numbered in the order the text has them.
   */
  #learn(word: string, inRun: boolean): number | NumberedWord {
    const reading = this.reading.word(word);
    if (typeof reading !== "string") return this.#keepWord(word, reading);
    if (inRun) return this.#keepWord(word, standingApart(reading));
    return this.#keepWord(word, this.#number(reading));
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
    return this.#terms.get(term) ?? this.#terms.add(term);
  }
}
