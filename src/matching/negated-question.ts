import type { Lexicon } from "../kb/schema.js";
import { hasHan } from "./characters.js";
import { MAX_QUERY_CHARS, prepare } from "./prepare.js";
import { CLAUSE_BREAK, QUESTION_MARK } from "./question-part.js";

export type NegatedQuestions = NonNullable<Lexicon["negated"]>;

interface Clause {
  prepared: string;
  /** The clause without the endings that make it ask. */
  body: string;
  asks: boolean;
}

/**
 * A yes/no question put in the negative asks what the positive one asks: "港卡不能共享吗", "港卡唔
 * 可以 share 咩" and "so I can't share it then?" ask whether one can share, as "港卡能共享吗" does.
 * Read as written they fit the entries where the negative is a premise ("不能共享影响大吗", "为什么
 * 不能共享"), and the one that answers the question is not even offered.
 *
 * A clause is read as its positive when it asks (ends in a question mark or one of the `endings`,
 * which are dropped: a final 咩 is "?" there, not "what"), holds the `negative` term, and holds
 * none of the `unless` words: those that make it ask something else of the negative (why, how,
 * does it matter) or make the negative a premise (if, since). Returns the terms `termsOf` reads,
 * the negative turned positive in such clauses.
 */
export function readingNegatedQuestions(
  negated: NegatedQuestions,
  /** The lexicon's single words and the term each folds to. */
  lexiconWords: ReadonlyMap<string, string>,
  termsOf: (text: string) => string[],
): (text: string) => string[] {
  const termOf = (word: string) => lexiconWords.get(prepare(word));
  const negative = termOf(negated.negative);
  const positive = termOf(negated.positive);
  // Longest first, so that "can they" is dropped whole rather than as "they" after "can".
  const endings = negated.endings.map(prepare).sort((a, b) => b.length - a.length);
  // A word of a synonym group stands for its whole group (值得 for 影响, 麻烦, 要紧…); any other
  // word, a filler such as 如果 or "if" among them, is looked for in the clause as written.
  const unlessTerms = new Set<string>();
  const unlessText: string[] = [];
  for (const word of negated.unless) {
    const term = termOf(word);
    if (term !== undefined) unlessTerms.add(term);
    else unlessText.push(hasHan(word) ? prepare(word) : ` ${prepare(word)} `);
  }

  /** A clause, prepared; without its yes/no endings; and whether it asks. */
  const readClause = (text: string): Clause => {
    const prepared = prepare(text);
    let body = prepared;
    let asks = QUESTION_MARK.test(text);
    for (let ending = endingOf(body); ending !== undefined; ending = endingOf(body)) {
      body = body.slice(0, -ending.length).trim();
      asks = true;
    }
    return { prepared, body, asks };
  };
  const endingOf = (body: string) =>
    endings.find((ending) =>
      hasHan(ending) ? body.endsWith(ending) : body === ending || body.endsWith(` ${ending}`),
    );
  const asksSomethingElse = (body: string, terms: readonly string[]) =>
    terms.some((term) => unlessTerms.has(term)) ||
    unlessText.some((word) => ` ${body} `.includes(word));

  return (text) => {
    const whole = termsOf(text);
    if (negative === undefined || positive === undefined || !whole.includes(negative)) {
      return whole;
    }
    const clauses: Clause[] = [];
    for (const part of text.slice(0, MAX_QUERY_CHARS).split(CLAUSE_BREAK)) {
      const clause = readClause(part);
      const previous = clauses.at(-1);
      // A tag alone ("…sharing, can they?") makes the clause before it ask.
      if (clause.body === "" && clause.asks && previous) previous.asks = true;
      else if (clause.body !== "") clauses.push(clause);
    }
    let turned = false;
    const terms = clauses.flatMap(({ prepared, body, asks }) => {
      const asked = asks ? termsOf(body) : [];
      if (!asked.includes(negative) || asksSomethingElse(body, asked)) return termsOf(prepared);
      turned = true;
      return asked.map((term) => (term === negative ? positive : term));
    });
    return turned ? terms : whole;
  };
}
