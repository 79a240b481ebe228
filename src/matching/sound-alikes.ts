import { pinyin, polyphonic } from "pinyin-pro";
import { memoize } from "../text/memo.js";
import { isHan, isSingleHan } from "./characters.js";

/** Lexicon words this long (in characters) are recognised by sound. */
const MIN_SOUND_ALIKE = 2;
const MAX_SOUND_ALIKE = 4;
const toneless = { toneType: "none", type: "array" } as const;

/**
 * Lexicon words by their toneless pinyin, to read a misspelt word as the word it sounds like.
 * Two words that sound alike are both left out: the sound alone cannot tell which was meant.
 */
export class SoundAlikeTable {
  readonly #termBySound = new Map<string, string | null>();

  /** Files a prepared lexicon word under its sound. Every word is added before the first `correct`. */
  add(word: string, term: string): void {
    const length = [...word].length;
    if (length < MIN_SOUND_ALIKE || length > MAX_SOUND_ALIKE || !isHan(word)) return;
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

/** Every way to read characters with several readings, as space-separated syllables. */
function spellings(readings: string[][]): string[] {
  return readings
    .reduce<string[]>(
      (sounds, options) => sounds.flatMap((sound) => options.map((option) => `${sound} ${option}`)),
      [""],
    )
    .map((sound) => sound.trim());
}
