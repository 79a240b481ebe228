import type { Flow } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { sendView } from "../reply.js";
import { privateOnlyView } from "../views.js";

/** Starts a guided flow, ending any other; in a group, a link to start it in a private chat. */
export async function enterFlow(ctx: BotContext, flow: Flow): Promise<void> {
  // Flows talk in a chat with one person; a group gets a link that starts the flow there.
  if (ctx.chat?.type !== "private") {
    await sendView(ctx, privateOnlyView(flow, ctx.me.username, ctx.t.bind(ctx)));
    return;
  }
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(flow, ctx.language);
}
