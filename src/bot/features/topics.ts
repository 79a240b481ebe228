import { Composer } from "grammy";
import { decodeAction } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { sendEntry } from "../question-reply.js";
import { editView, expired, sendView } from "../reply.js";
import { categoryView, menuAnswerView, topicsView } from "../views.js";

/** Topic menu: categories → questions → answer, all in one message edited in place. */
export const topicsFeature = new Composer<BotContext>();

topicsFeature.chatType("private").command("topics", (ctx) => {
  const { kb } = ctx.deps.knowledge();
  return sendView(ctx, topicsView(kb, ctx.language, ctx.t.bind(ctx)));
});

topicsFeature.on("callback_query:data", async (ctx, next) => {
  const action = decodeAction(ctx.callbackQuery.data);
  const { kb } = ctx.deps.knowledge();
  const t = ctx.t.bind(ctx);
  switch (action?.kind) {
    case "menu": {
      if (action.categoryId === undefined) {
        await editView(ctx, topicsView(kb, ctx.language, t));
        break;
      }
      const category = kb.categories.find((c) => c.id === action.categoryId);
      if (!category) return expired(ctx);
      await editView(ctx, categoryView(kb, category, ctx.language, t));
      break;
    }
    case "show": {
      const entry = kb.entryById.get(action.entryId);
      if (!entry) return expired(ctx);
      await editView(ctx, menuAnswerView(kb, entry, ctx.language, t));
      break;
    }
    case "ask": {
      const entry = kb.entryById.get(action.entryId);
      if (!entry) return expired(ctx);
      await sendEntry(ctx, entry);
      break;
    }
    default:
      return next();
  }
});
