import { type Context, InlineKeyboard } from "grammy";
import { encodeAction } from "../callback-data.js";
import { escapeHtml } from "../html.js";

export interface Choice<T> {
  value: T;
  label: string;
}

/** The "something else" button under an ask-back: asks the question again. */
export const REASK = Symbol("reask");
export type Offered<T> = Choice<T> | typeof REASK;

/** What a press on a flow button found: its choice, back, cancel, or a stale button. */
export type Pressed<T> =
  | { kind: "choice"; choice: Offered<T> }
  | { kind: "back" }
  | { kind: "cancel" }
  | { kind: "stale" };

/**
 * The one message of a flow whose buttons are live. Each question sent takes the buttons off the
 * one before (showing the answer a button gave), and is numbered, so that a press on an older
 * one, or on one of an earlier flow, is recognised as stale. Rebuilt the same on every replay
 * of the conversation.
 */
export function liveQuestions(t: (key: string) => string, started: number) {
  // Numbered from when the flow began: buttons of a flow before it never match this one's.
  let lastNumber = Math.floor(started / 1000) % 900_000;
  let live: { messageId: number; number: number; html: string; choices: unknown[] } | undefined;

  return {
    /** Sends a question (or an ask-back) with its buttons, as the flow's one live keyboard. */
    async offer<T>(
      ctx: Context,
      html: string,
      choices: Offered<T>[],
      { canGoBack, ticked }: { canGoBack: boolean; ticked?: T | undefined },
    ): Promise<void> {
      await this.retire(ctx);
      const number = ++lastNumber;
      const button = (choice: number | "back" | "cancel") =>
        encodeAction({ kind: "flow", question: number, choice });
      const keyboard = new InlineKeyboard();
      choices.forEach((choice, index) => {
        const label =
          choice === REASK
            ? t("flow-something-else")
            : ticked !== undefined && sameValue(choice.value, ticked)
              ? `✓ ${choice.label}`
              : choice.label;
        keyboard.text(label, button(index));
        if (index % 2 === 1) keyboard.row();
      });
      keyboard.row();
      if (canGoBack) keyboard.text(t("flow-back"), button("back"));
      keyboard.text(t("flow-cancel"), button("cancel"));
      const message = await ctx.reply(html, { parse_mode: "HTML", reply_markup: keyboard });
      live = { messageId: message.message_id, number, html, choices };
    },

    /** Whether a question is on screen with live buttons: false once its send failed. */
    showing(): boolean {
      return live !== undefined;
    },

    /** Takes the buttons off the live question, showing the answer given by a button. */
    async retire(ctx: Context, chosen?: string): Promise<void> {
      if (!live || ctx.chatId === undefined) return;
      const { messageId, html } = live;
      live = undefined;
      // The message may be gone or too old to edit; its buttons are stale all the same.
      const edit =
        chosen === undefined
          ? ctx.api.editMessageReplyMarkup(ctx.chatId, messageId)
          : ctx.api.editMessageText(ctx.chatId, messageId, `${html}\n\n✓ ${escapeHtml(chosen)}`, {
              parse_mode: "HTML",
            });
      await edit.catch(() => undefined);
    },

    /** What a press on button `choice` of question `number` stands for. */
    pressed<T>(number: number, choice: number | "back" | "cancel"): Pressed<T> {
      if (number !== live?.number) return { kind: "stale" };
      if (choice === "back" || choice === "cancel") return { kind: choice };
      const offered = live.choices[choice] as Offered<T> | undefined;
      return offered === undefined ? { kind: "stale" } : { kind: "choice", choice: offered };
    },
  };
}

/** The live question of one run of a flow. */
export type LiveQuestions = ReturnType<typeof liveQuestions>;

/** Choices may be objects ({ percent: 20 }): compare them by content. */
function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
