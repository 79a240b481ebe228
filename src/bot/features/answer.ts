import { Composer } from "grammy";
import { classifySmallTalk, type SmallTalk } from "../../text/small-talk.js";
import type { BotContext } from "../context.js";
import { answerQuestion } from "../question-reply.js";

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
