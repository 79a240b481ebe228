import { AsyncLocalStorage } from "node:async_hooks";
import { GrammyError } from "grammy";
import type { BotContext } from "./context.js";
import type { View } from "./views.js";

const sendingView = new AsyncLocalStorage<true>();

/**
 * Whether an API call may ride back in the webhook's HTTP response instead of a request of its
 * own: only the message `sendView` sends, whose result nobody reads (the response carries none).
 */
export function canUseWebhookReply(method: string): boolean {
  return method === "sendMessage" && sendingView.getStore() === true;
}

/** Sends a view as a new message; in groups, as a reply to the message that asked. */
export async function sendView(ctx: BotContext, view: View): Promise<void> {
  const inGroup = ctx.chat?.type !== "private";
  const messageId = ctx.msg?.message_id;
  await sendingView.run(true, () =>
    ctx.reply(view.text, {
      parse_mode: "HTML",
      reply_markup: view.keyboard,
      link_preview_options: { is_disabled: true },
      ...(inGroup && messageId
        ? { reply_parameters: { message_id: messageId, allow_sending_without_reply: true } }
        : {}),
    }),
  );
}

/** Replaces the button's message with a view; sends it anew when the old one cannot be edited. */
export async function editView(ctx: BotContext, view: View): Promise<void> {
  try {
    await ctx.editMessageText(view.text, {
      parse_mode: "HTML",
      reply_markup: view.keyboard,
      link_preview_options: { is_disabled: true },
    });
  } catch (error) {
    // Pressing the button that shows what is already shown is no failure.
    if (error instanceof GrammyError && /message is not modified/.test(error.description)) return;
    // Too old to edit, or a message inline mode sent (no chat to edit in): send it instead.
    if (error instanceof GrammyError && error.error_code === 400 && ctx.chat) {
      await sendView(ctx, view);
      return;
    }
    throw error;
  }
}

/** A button this bot did not make, or one for an entry removed since: a notice, never a crash. */
export async function expired(ctx: BotContext): Promise<void> {
  await ctx.answerCallbackQuery({ text: ctx.t("button-expired"), show_alert: false });
}
