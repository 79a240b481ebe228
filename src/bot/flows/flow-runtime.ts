import type { Conversation } from "@grammyjs/conversations";
import type { Context, InlineKeyboard } from "grammy";
import type { Language } from "../../text/language.js";
import type { BotContext, BotDeps } from "../context.js";
import { escapeHtml } from "../html.js";
import { describeFailure, isTelegramFailure, refusedForGood } from "../telegram-fetch.js";
import type { Translate } from "../views.js";
import { type LiveQuestions, liveQuestions } from "./live-question.js";

/** Inside a conversation, contexts come from the conversation's replay, not the bot's middleware. */
export type FlowContext = Context;
export type FlowConversation = Conversation<BotContext, FlowContext>;

/** A flow left alone this long has expired: the next message gets a note, then normal handling. */
export const FLOW_IDLE_MS = 30 * 60_000;

/** What became of a message the flow sent: see `deliver`. */
export type Delivery = "sent" | "again" | "refused";

/**
 * The time by the bot's clock, read once outside the replay: every replay of the conversation
 * sees the time it saw then, and a test's clock sets it.
 */
export async function flowTime(conversation: FlowConversation, deps: BotDeps): Promise<Date> {
  // Kept as a number: the replay log is stored as JSON, which has no dates.
  return new Date(await conversation.external(() => deps.clock.now().getTime()));
}

/**
 * What one run of a flow works with: its language (which a user may change midway), translation
 * in it, the one question with live buttons, the time, and sending, waiting and leaving that
 * survive Telegram's failures.
 */
export interface FlowRuntime {
  conversation: FlowConversation;
  deps: BotDeps;
  language: Language;
  t: Translate;
  live: LiveQuestions;
  now(): Promise<Date>;
  /**
   * Runs a call to Telegram: "sent", or after a failure (the client's retries spent), "again"
   * when a later try may do (the next update makes it) or "refused" when none will (a 400, a
   * 403). Never thrown: a thrown error would end the conversation and lose its answers.
   */
  deliver(call: () => Promise<unknown>): Promise<Delivery>;
  /** Sends a message (HTML) with its buttons, if any, as `deliver` does. */
  send(ctx: FlowContext, view: { text: string; keyboard?: InlineKeyboard }): Promise<Delivery>;
  /**
   * Stops a button's spinner through the bot's own context, which answers each callback once
   * and takes a refusal calmly; outside the replay, so that it happens once.
   */
  acknowledge(ctx: FlowContext, text?: string): Promise<void>;
  /** Leaves the flow with a note, taking the buttons off its question. */
  cancel(ctx: FlowContext): Promise<never>;
  /**
   * The chat's next message or button tap. A member update (the user blocked the bot) is
   * nobody's answer and passes by, so nothing is sent to a user who just left; a flow left
   * alone too long (by the bot's clock) expires, and the update is handled as if there were none.
   */
  nextUpdate(): Promise<FlowContext>;
}

export function createFlowRuntime(
  conversation: FlowConversation,
  deps: BotDeps,
  { language, started }: { language: Language; started: Date },
): FlowRuntime {
  const runtime: FlowRuntime = {
    conversation,
    deps,
    language,
    t: (key, variables) => deps.i18n.t(runtime.language, key, variables),
    live: liveQuestions((key) => runtime.t(key), started.getTime()),
    now: () => flowTime(conversation, deps),
    async deliver(call) {
      try {
        await call();
        return "sent";
      } catch (error) {
        if (!isTelegramFailure(error)) throw error;
        const failure = describeFailure(error);
        const delivery = refusedForGood(error) ? "refused" : "again";
        // Outside the replay, so that the failure is logged when it happens and not on every replay.
        await conversation.external(() => {
          if (delivery === "again")
            deps.logger.warn(failure, "a flow's message failed; it goes again");
          // Blocked by the user: theirs to decide, not an error.
          else if (failure.code === 403) deps.logger.info(failure, "chat unavailable");
          else deps.logger.error(failure, "Telegram refused a flow's message");
        });
        return delivery;
      }
    },
    send: (ctx, view) =>
      runtime.deliver(() =>
        ctx.reply(view.text, {
          parse_mode: "HTML",
          ...(view.keyboard ? { reply_markup: view.keyboard } : {}),
        }),
      ),
    acknowledge: async (ctx, text) => {
      if (!ctx.callbackQuery) return;
      await conversation.external(async (outer) => {
        await outer.answerCallbackQuery(text ? { text } : {});
      });
    },
    async cancel(ctx) {
      await runtime.live.retire(ctx);
      await runtime.send(ctx, { text: escapeHtml(runtime.t("flow-cancelled")) });
      return conversation.halt();
    },
    async nextUpdate() {
      const asked = await runtime.now();
      const update = await conversation.wait();
      if (!update.message && !update.editedMessage && !update.callbackQuery) {
        return conversation.skip();
      }
      if ((await runtime.now()).getTime() - asked.getTime() > FLOW_IDLE_MS) {
        await runtime.live.retire(update);
        await runtime.send(update, { text: escapeHtml(runtime.t("flow-expired")) });
        return conversation.halt({ next: true });
      }
      return update;
    },
  };
  return runtime;
}
