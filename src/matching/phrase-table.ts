import { isLatinOrDigit } from "./characters.js";

/** What `PhraseTable.scan` hands a text to, piece by piece in order. */
export interface PhraseVisitor<V> {
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
 * Phrases are prepared text (see `prepare`): a phrase of several words has single spaces.
 */
export class PhraseTable<V> {
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

/** Text with every phrase of a table of replacements replaced by its value. */
export function replacePhrases(table: PhraseTable<string>, text: string): string {
  const replaced = new Concatenation();
  table.scan(text, replaced);
  return replaced.text;
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
