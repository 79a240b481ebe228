import type { Lexicon } from "../kb/schema.js";
import { MAX_QUERY_CHARS, prepare } from "./prepare.js";

/**
 * Where a message breaks into clauses: after a question mark (kept, it says the clause asks),
 * at other sentence and clause punctuation of both scripts and line breaks, at a full stop only
 * before a space or the end, so that "1.5GB" stays whole, and at a space between two Han
 * characters: Chinese puts none between words, so voice input that leaves out the commas marks
 * its pauses so ("我爸妈年纪大 基本唔点用data 咁使唔使每人都买张卡啊").
 */
export const CLAUSE_BREAK =
  /(?<=[?？])|[。！!；;，,、…~～\n]+|\.+(?=\s|$)|(?<=\p{Script=Han})\s+(?=\p{Script=Han})/u;
export const QUESTION_MARK = /[?？]\s*$/;
const HAN = /\p{Script=Han}/u;

interface Clause {
  text: string;
  /** The clause as the asking words are written: folded, lower case, one space between words. */
  prepared: string;
}

/**
 * The clauses of a message that ask, without those around them that only tell: "我下个月去香港，
 * 带着老婆孩子，港卡能共享吗" asks "港卡能共享吗". A clause asks when it ends in a question mark,
 * holds an asking word, or begins with an asking opening (lexicon `asking`). Undefined when the
 * message is one clause, or when none or all of its clauses ask: then the message is the question.
 */
export function createQuestionPart(
  asking: Lexicon["asking"],
): (text: string) => string | undefined {
  const words = asking.words.map(prepare);
  const hanWords = words.filter((word) => HAN.test(word));
  // Latin words match whole: padded with spaces, as the clause is.
  const latinWords = words.filter((word) => !HAN.test(word)).map((word) => ` ${word} `);
  const openings = asking.openings.map((word) => ` ${prepare(word)} `);

  const asks = (clause: Clause): boolean => {
    if (QUESTION_MARK.test(clause.text)) return true;
    const padded = ` ${clause.prepared} `;
    return (
      hanWords.some((word) => padded.includes(word)) ||
      latinWords.some((word) => padded.includes(word)) ||
      openings.some((opening) => padded.startsWith(opening))
    );
  };

  return (text) => {
    // The part the matcher reads of the whole message, and no more: a 4,000-character message
    // costs no more than a long question.
    const clauses = text
      .slice(0, MAX_QUERY_CHARS)
      .split(CLAUSE_BREAK)
      .map((part) => ({ text: part.trim(), prepared: prepare(part) }))
      .filter((clause) => clause.prepared !== "");
    if (clauses.length < 2) return undefined;
    const asked = clauses.filter(asks);
    if (asked.length === 0 || asked.length === clauses.length) return undefined;
    return asked.map((clause) => clause.text).join("，");
  };
}
