import type { Lexicon } from "./schema.js";
import type { PathKey, Problem, YamlSource } from "./yaml-source.js";

// Checks for what is written twice in a knowledge base, each reported where the repeat stands.

/** Where an entry was written, so checks across files can point at it. */
export interface Located<T> {
  value: T;
  source: YamlSource;
  path: PathKey[];
}

/**
 * Reports every value that `keysOf` yields more than once, at each repeat, naming where it first
 * stood. `field` names the list the keys come from, so the report points at the repeated item.
 */
export function findDuplicates<T extends { id: string }>(
  items: Located<T>[],
  keysOf: (item: T) => string[],
  what: string,
  field?: keyof T & string,
): Problem[] {
  const first = new Map<string, { item: Located<T>; index: number }>();
  const problems: Problem[] = [];
  for (const item of items) {
    keysOf(item.value).forEach((key, index) => {
      if (key === "") return;
      const seen = first.get(key);
      if (!seen) {
        first.set(key, { item, index });
        return;
      }
      const at = (located: Located<T>, i: number) => [
        ...located.path,
        ...(field ? [field, i] : []),
      ];
      const original = seen.item.source.problemAt(at(seen.item, seen.index), "");
      problems.push(
        item.source.problemAt(
          at(item, index),
          `duplicate ${what} "${key}": already at ${original.file}:${original.line} [${seen.item.value.id}]`,
          item.value.id,
        ),
      );
    });
  }
  return problems;
}

/**
 * A word folds to one term: in two synonym groups, it silently joins the later one, and a stopword
 * in a group is folded instead of dropped. Both are reported where the word repeats.
 */
export function checkLexiconWords(
  lexicon: Lexicon,
  source: YamlSource,
  wordKey: (word: string) => string,
): Problem[] {
  const problems: Problem[] = [];
  const groupOf = new Map<string, number>();
  const lineOfGroup = (group: number) => source.problemAt(["synonyms", group], "").line;
  lexicon.synonyms.forEach((words, group) => {
    words.forEach((word, index) => {
      const key = wordKey(word);
      const seen = groupOf.get(key);
      if (seen === undefined) groupOf.set(key, group);
      else if (seen !== group) {
        problems.push(
          source.problemAt(
            ["synonyms", group, index],
            `"${word}" is in two synonym groups: already in the one at line ${lineOfGroup(seen)}; a word folds to one term only`,
          ),
        );
      }
    });
  });
  lexicon.stopwords.forEach((word, index) => {
    const group = groupOf.get(wordKey(word));
    if (group === undefined) return;
    problems.push(
      source.problemAt(
        ["stopwords", index],
        `stopword "${word}" is also in the synonym group at line ${lineOfGroup(group)}: it would be folded, not dropped`,
      ),
    );
  });
  // The negated-question reading turns one synonym group's term into another's.
  for (const key of ["negative", "positive"] as const) {
    const word = lexicon.negated?.[key];
    if (word === undefined || groupOf.has(wordKey(word))) continue;
    problems.push(
      source.problemAt(
        ["negated", key],
        `"${word}" is in no synonym group: a negated question is read by the term of its group`,
      ),
    );
  }
  return problems;
}
