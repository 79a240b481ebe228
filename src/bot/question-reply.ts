import type { Entry } from "../kb/schema.js";
import type { ServedKnowledge } from "../knowledge.js";
import type { MatchResult } from "../matching/matcher.js";
import type { AskedQuestion } from "../storage/storage.js";
import type { Language } from "../text/language.js";
import type { BotContext } from "./context.js";
import { sendView } from "./reply.js";
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
  { kb, matcher }: ServedKnowledge,
  question: string,
  language: Language,
  t: Translate,
  options: AnswerViewOptions = {},
): { result: MatchResult; view: View; asked: Omit<AskedQuestion, "at"> } {
  const result = matcher.match(question);
  const view =
    result.decision === "answer"
      ? answerView(kb, result.entry, language, t, options)
      : result.decision === "suggest"
        ? suggestView(result.suggestions, language, t)
        : noneView(kb, result.outOfScope, language, t);
  const asked = {
    decision: result.decision,
    ...(result.decision === "answer" ? { entryId: result.entry.id } : {}),
    ...(result.decision === "suggest" ? { offered: result.suggestions.map((e) => e.id) } : {}),
    text: question,
    language,
  };
  return { result, view, asked };
}

/** Matches a question and replies with the answer, "did you mean", or an honest "I don't know". */
export async function answerQuestion(ctx: BotContext, question: string): Promise<void> {
  const { result, view, asked } = replyToQuestion(
    ctx.deps.knowledge(),
    question,
    ctx.language,
    ctx.t.bind(ctx),
    answerOptions(ctx),
  );
  ctx.decision = result.decision;
  await ctx.deps.storage.recordQuestion({ ...asked, at: ctx.deps.clock.now() });
  await sendView(ctx, view);
}

/** Sends one entry's answer as a new message: from a button or a deep link. */
export async function sendEntry(ctx: BotContext, entry: Entry): Promise<void> {
  const { kb } = ctx.deps.knowledge();
  await sendView(ctx, answerView(kb, entry, ctx.language, ctx.t.bind(ctx), answerOptions(ctx)));
}

/** Flows run in private chats only; anywhere else an answer's flow button links there. */
function answerOptions(ctx: BotContext): AnswerViewOptions {
  return ctx.chat?.type === "private" ? {} : { linkFlowsTo: ctx.me.username };
}
