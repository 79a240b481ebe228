/**
 * Yes or no, in the three languages, read with the knowledge base's answer words. Negation
 * counts: a "not" before a word that leans one way turns it ("不在一起" is apart).
 */
import type { AnswerWords } from "../kb/schema.js";
import { type Reading, sure, unreadable } from "./reading.js";
import { alternation, findWords, wholeAnswer } from "./word-patterns.js";

type YesNoAnswerWords = AnswerWords["yes-no"];
export type LeaningStep = keyof YesNoAnswerWords["leanings"];

/** What a yes or a no to one question is about: the words that lean each way ("一齊", "apart"). */
export interface Leanings {
  yes: RegExp;
  no: RegExp;
}

/** Words that turn a leaning word after them: English ones by words, Chinese by characters. */
interface Turning {
  latin: RegExp;
  han: RegExp;
}

export interface YesNoWords {
  yes: RegExp;
  no: RegExp;
  unsure: RegExp;
  /** Taken out before anything is read: "thanks", "喇". */
  polite: RegExp;
  /** Words that take back or qualify what came before: "yes but change the hour". */
  contrast: RegExp;
  not: RegExp;
  /** A yes or no word at the start of a Chinese text, before more words: "係呀成日一齊". */
  leading: RegExp;
  /** A plain "not" before a leaning word turns it around: "不在一起" is apart, "冇分開" together. */
  negating: Turning;
  /** A partial one makes it the user's to say: "rarely together", "間中一齊". */
  partial: Turning;
  leanings: Record<LeaningStep, Leanings>;
}

export function compileYesNoWords(words: YesNoAnswerWords): YesNoWords {
  const leaning = ({ yes, no }: { yes: string[]; no: string[] }): Leanings => ({
    yes: findWords(yes, "anywhere"),
    no: findWords(no, "anywhere"),
  });
  return {
    yes: wholeAnswer(words.yes),
    no: wholeAnswer(words.no),
    unsure: wholeAnswer(words.unsure),
    // A full stop is no word, but "ok." is "ok".
    polite: new RegExp(`${alternation([[words.polite, "as-words"]])}|\\.`, "gu"),
    contrast: findWords(words.contrast, "as-words"),
    not: findWords(words.not, "as-words"),
    // The word is kept apart from what follows it, which must be Chinese too.
    leading: new RegExp(`^(${alternation([[words.leading, "anywhere"]])})(?=\\p{Script=Han})`, "u"),
    negating: turning(words.turning),
    partial: turning(words.partly),
    leanings: {
      together: leaning(words.leanings.together),
      occasional: leaning(words.leanings.occasional),
      offer: leaning(words.leanings.offer),
      confirm: leaning(words.leanings.confirm),
    },
  };
}

function turning(words: readonly string[]): Turning {
  const isHan = (word: string) => /\p{Script=Han}/u.test(word);
  return {
    latin: findWords(
      words.filter((word) => !isHan(word)),
      "as-words",
    ),
    han: findWords(words.filter(isHan), "anywhere"),
  };
}

/**
 * What a turning word just before a leaning word makes of it: a word or two between in English
 * ("not always together"), a character or two in Chinese ("不在一起"), never across a break
 * (`¦`: "没有，大家每天都要用" answers no, then says why). The meaning, and where it starts;
 * "partial" when only the user can say.
 */
function turned(
  clauses: string,
  leanings: Leanings,
  words: YesNoWords,
): { meaning: boolean; at: number } | "partial" | undefined {
  const found: { meaning: boolean; at: number }[] = [];
  for (const [leaning, meaning] of [
    [leanings.yes, false],
    [leanings.no, true],
  ] as const) {
    // English words with a space or two between; Chinese characters next to each other, as a
    // space typed after 没有 is a break of its own ("没有 都要一直用").
    const near = (turning: Turning) =>
      [
        `(?:${turning.latin.source})(?: [a-z']+){0,2}? ?(?:${leaning.source})`,
        `(?:${turning.han.source})\\p{Script=Han}{0,2}?(?:${leaning.source})`,
      ]
        .map((pattern) => clauses.match(new RegExp(pattern, "u")))
        .find((match) => match !== null);
    if (near(words.partial)) return "partial";
    const negated = near(words.negating);
    if (negated) found.push({ meaning, at: negated.index ?? 0 });
  }
  if (found.length > 1) return "partial";
  return found[0];
}

/**
 * Yes or no, in the three languages. A text of yes (or no) words alone, with politeness around
 * them, is sure; so is one whose other words agree with it ("係呀，成日一齊", "nah we split up").
 * One that qualifies it ("yes but change the hour", "no, but my mum sometimes"), leans the other
 * way ("yeah we split up") or says "not" after a yes is asked, as is "thanks" on its own.
 */
export function readYesNo(
  text: string,
  words: YesNoWords,
  leanings?: Leanings,
  clauses?: string,
): Reading<boolean> {
  const { yes, no, unsure, polite, contrast, not, leading } = words;
  const bare = text.replace(polite, " ").replace(/\s+/g, " ").trim();
  const ask: Reading<boolean> = { kind: "ask", options: [true, false] };
  if (bare === "") return polite.test(text) ? ask : unreadable;
  if (yes.test(bare)) return sure(true);
  if (no.test(bare)) return sure(false);
  if (unsure.test(bare)) return ask;
  const split = bare.replace(leading, "$1 ").split(" ");
  // "ok sure", "好的好的", "no no": the leading words, each saying the same.
  const polarity = (word: string) => {
    const once = word.match(/^(.+?)\1*$/u)?.[1] ?? word;
    return yes.test(once) ? true : no.test(once) ? false : undefined;
  };
  const leansYes = leanings?.yes.test(bare) ?? false;
  const leansNo = leanings?.no.test(bare) ?? false;
  // "不在一起", "没有分开", "don't change anything": a leaning word turned around says the
  // opposite; "rarely together", "間中一齊" are the user's to confirm.
  const turn = leanings ? turned(clauses ?? bare, leanings, words) : undefined;
  if (turn === "partial") return ask;
  const said = polarity(split[0] ?? "");
  if (turn) {
    // At the start, the "not" is part of the phrase ("没有分开"), not an answer before it.
    // A "but" asks, unless what follows leans the same way ("唔啱，要改").
    const agreeing = turn.meaning ? leansYes : leansNo;
    if (turn.at === 0 || said === undefined) {
      return contrast.test(bare) && !agreeing ? ask : sure(turn.meaning);
    }
    return said === turn.meaning ? sure(said) : ask;
  }
  if (said === undefined) {
    // No yes or no word, but words that lean one way only: "we split up during the day".
    // "等陣，我想改": a wait before an edit is no contrast.
    if (leansYes === leansNo || not.test(bare) || (contrast.test(bare) && !leansNo)) {
      return unreadable;
    }
    return sure(leansYes);
  }
  let at = 1;
  while (at < split.length && polarity(split[at] ?? "") === said) at++;
  const rest = split.slice(at).join(" ");
  if (rest === "") return sure(said);
  const agrees = said ? leansYes && !leansNo : leansNo && !leansYes;
  const against = said ? leansNo : leansYes;
  if (against || polarity(rest) === !said) return ask;
  if (agrees && !(said && not.test(rest))) return sure(said);
  if (contrast.test(rest) || (said && not.test(rest))) return ask;
  return sure(said);
}
