import { Composer } from "grammy";
import type { Entry } from "../../kb/schema.js";
import { classifySmallTalk, type SmallTalk } from "../../text/small-talk.js";
import type { BotContext } from "../context.js";
import { replyToQuestion } from "../question-reply.js";
import { sendView } from "../reply.js";
import { type AnswerViewOptions, answerView } from "../views.js";

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
  await ctx.deps.storage.recordQuestion(asked);
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

/** Small talk's own replies; junk gets a hint. None of it is a question to record. */
const SMALL_TALK_REPLIES: Record<SmallTalk, string> = {
  thanks: "small-talk-thanks",
  greeting: "small-talk-greeting",
  goodbye: "small-talk-goodbye",
  okay: "small-talk-okay",
  junk: "small-talk-junk",
};

/** In private chats every text but small talk is a question; an edited one is asked again. */
export const answerFeature = new Composer<BotContext>();
answerFeature.chatType("private").on(["message:text", "edited_message:text"], async (ctx) => {
  const smallTalk = classifySmallTalk(ctx.msg.text);
  if (smallTalk) await ctx.reply(ctx.t(SMALL_TALK_REPLIES[smallTalk]));
  else await answerQuestion(ctx, ctx.msg.text);
});
