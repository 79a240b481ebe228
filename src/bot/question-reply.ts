import type { Language } from "../kb/schema.js";
import type { MatchResult } from "../matching/matcher.js";
import type { AskedQuestion } from "../storage/storage.js";
import type { Knowledge } from "./context.js";
import {
  type AnswerViewOptions,
  answerView,
  noneView,
  suggestView,
  type Translate,
  type View,
} from "./views.js";

/**
 * A question's reply, wherever it is asked (a private chat, a group, midway through a flow): the
 * answer, "did you mean", or an honest "I don't know"; and the question as the operator keeps it.
 */
export function replyToQuestion(
  { kb, matcher }: Knowledge,
  question: string,
  language: Language,
  t: Translate,
  options: AnswerViewOptions = {},
): { result: MatchResult; view: View; asked: AskedQuestion } {
  const result = matcher.match(question);
  const view =
    result.decision === "answer"
      ? answerView(kb, result.entry, language, t, options)
      : result.decision === "suggest"
        ? suggestView(result.suggestions, language, t)
        : noneView(kb, result.outOfScope, language, t);
  const asked: AskedQuestion = {
    decision: result.decision,
    ...(result.decision === "answer" ? { entryId: result.entry.id } : {}),
    ...(result.decision === "suggest" ? { offered: result.suggestions.map((e) => e.id) } : {}),
    text: question,
    language,
    at: new Date(),
  };
  return { result, view, asked };
}
