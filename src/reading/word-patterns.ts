/**
 * The answer words of the knowledge base as patterns. A list is looked for in one of three ways,
 * which its reader decides: as the whole answer ("好的"), as words (English whole words, Chinese
 * anywhere: "no" is not in "know", "不" is in "不用"), or anywhere ("video" is in "videos"). A
 * "*" at a word's start or end stands for any letters there. Longer words are tried first, so
 * that what a word takes out of an answer does not depend on where the list puts it.
 */

export type WordMatch = "as-words" | "anywhere";

/** Lists of words, each looked for in its own way: a list, and the whole words beside it. */
export type WordGroups = readonly (readonly [readonly string[], WordMatch])[];

/** The source of a pattern that finds any word of the groups, longest first. */
export function alternation(groups: WordGroups): string {
  const words = groups.flatMap(([list, match]) => list.map((word) => ({ word, match })));
  // No words find nothing: an empty alternation would match everywhere.
  if (words.length === 0) return "(?!)";
  return words
    .sort((a, b) => letters(b.word).length - letters(a.word).length)
    .map(({ word, match }) => wordSource(word, match))
    .join("|");
}

/** A pattern that finds any of the words, as words or anywhere. */
export function findWords(words: readonly string[], match: WordMatch, flags = "u"): RegExp {
  return new RegExp(alternation([[words, match]]), flags);
}

/** A pattern that matches an answer that is one of the words and nothing else. */
export function wholeAnswer(words: readonly string[]): RegExp {
  return new RegExp(`^(?:${alternation([[words, "anywhere"]])})$`, "u");
}

function letters(word: string): string {
  return word.replace(/^\*|\*$/g, "");
}

function wordSource(word: string, match: WordMatch): string {
  const core = letters(word);
  const edge = (star: boolean, letter: string | undefined) =>
    star ? "\\w*" : match === "as-words" && letter !== undefined && /\w/.test(letter) ? "\\b" : "";
  return (
    edge(word.startsWith("*"), core[0]) +
    core.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") +
    edge(word.endsWith("*"), core.at(-1))
  );
}
