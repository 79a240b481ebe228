import type { Conversation } from "@grammyjs/conversations";
import type { I18n } from "@grammyjs/i18n";
import { type Context, InlineKeyboard } from "grammy";
import type { Language } from "../../kb/schema.js";
import type { Reading, Refusal } from "../../reading/reading.js";
import { classifySmallTalk } from "../../text/small-talk.js";
import { decodeAction, encodeAction } from "../callback-data.js";
import type { BotContext, BotDeps } from "../context.js";
import { escapeHtml } from "../html.js";
import { replyToQuestion } from "../question-reply.js";
import { reportUsage } from "../tracker-actions.js";
import { answerView, languageView } from "../views.js";

/** Inside a conversation, contexts come from the conversation's replay, not the bot's middleware. */
export type FlowContext = Context;
export type FlowConversation = Conversation<BotContext, FlowContext>;

/** A flow left alone this long has expired: the next message gets a note, then normal handling. */
export const FLOW_IDLE_MS = 30 * 60_000;

export interface Choice<T> {
  value: T;
  label: string;
}

export interface Question<T> {
  prompt: string;
  choices: Choice<T>[];
  /** The answer given before, when "back" returns here: its button is ticked. */
  previous?: T;
  /** Reads a typed answer; a question without one takes buttons only. */
  read?: (text: string) => Reading<T>;
  /** A reading as a button label when asking back which was meant: "500 MB", "2 Dec 2026". */
  describe: (value: T) => string;
  /** What a typed answer looks like, said with the buttons when a text could not be read. */
  expected: string;
  /** Why a reading cannot be taken, and choices that would do instead ("start today"). */
  refusal?: (reason: Refusal, value: T | undefined) => { text: string; choices?: Choice<T>[] };
}

/** A yes-or-no question: two buttons, and yes / no typed in the three languages. */
export function yesNoQuestion(
  prompt: string,
  labels: { yes: string; no: string },
  expected: string,
  read: (text: string) => Reading<boolean>,
): Question<boolean> {
  return {
    prompt,
    choices: [
      { value: true, label: labels.yes },
      { value: false, label: labels.no },
    ],
    read,
    describe: (value) => (value ? labels.yes : labels.no),
    expected,
  };
}

/** A flow's answer to "back": return to the previous question. */
export const BACK = Symbol("back");

export interface FlowKit {
  language: Language;
  t(key: string, variables?: Record<string, string | number>): string;
  /**
   * Asks one question until it gets an answer: a button, a typed answer read surely or chosen
   * when asked back, or "back". The question is built by a function, so that a change of
   * language midway asks it again in the new one.
   */
  ask<T>(ctx: FlowContext, build: () => Question<T>, canGoBack: boolean): Promise<T | typeof BACK>;
  /** Walks a list of steps, each a question, with "back" returning to the one before. */
  steps<S extends object>(
    ctx: FlowContext,
    questions: { [K in keyof S]: (answers: Partial<S>) => Question<S[K]> },
  ): Promise<S>;
  /** Sends a message that ends a part of the flow, and takes the buttons off the last question. */
  say(ctx: FlowContext, html: string, keyboard?: InlineKeyboard): Promise<void>;
}

/** The one message of a flow whose buttons are live, and what its buttons stand for. */
interface LiveQuestion<T> {
  messageId: number;
  number: number;
  html: string;
  choices: (Choice<T> | typeof REASK)[];
}
/** The "something else" button under an ask-back: asks the question again. */
const REASK = Symbol("reask");

/**
 * The tools every flow uses: translation in the flow's language, and questions that take a
 * button or a typed answer, ask back when unsure, go back, cancel, expire, and answer a question
 * or take a usage report typed midway. Only the newest question's buttons are live: each one
 * sent takes the buttons off the one before, and a press on an older one is stale.
 */
export function flowKit(
  conversation: FlowConversation,
  i18n: I18n<BotContext>,
  deps: BotDeps,
  initialLanguage: Language,
): FlowKit {
  let language = initialLanguage;
  let numbered = 0;
  let live: LiveQuestion<unknown> | undefined;
  const t = (key: string, variables?: Record<string, string | number>) =>
    i18n.t(language, key, variables);

  /** Takes the buttons off the live question, showing the answer given by a button. */
  const retire = async (ctx: FlowContext, chosen?: string) => {
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
  };

  const send = (ctx: FlowContext, view: { text: string; keyboard?: InlineKeyboard }) =>
    ctx.reply(view.text, {
      parse_mode: "HTML",
      ...(view.keyboard ? { reply_markup: view.keyboard } : {}),
    });

  /** Sends a question (or an ask-back) with its buttons, as the flow's one live keyboard. */
  const offer = async <T>(
    ctx: FlowContext,
    html: string,
    choices: (Choice<T> | typeof REASK)[],
    canGoBack: boolean,
    ticked?: T,
  ) => {
    await retire(ctx);
    const number = ++numbered;
    const keyboard = new InlineKeyboard();
    choices.forEach((choice, index) => {
      const label =
        choice === REASK
          ? t("flow-something-else")
          : ticked !== undefined && sameValue(choice.value, ticked)
            ? `✓ ${choice.label}`
            : choice.label;
      keyboard.text(label, encodeAction({ kind: "flow", question: number, choice: index }));
      if (index % 2 === 1) keyboard.row();
    });
    keyboard.row();
    if (canGoBack) {
      keyboard.text(
        t("flow-back"),
        encodeAction({ kind: "flow", question: number, choice: "back" }),
      );
    }
    keyboard.text(
      t("flow-cancel"),
      encodeAction({ kind: "flow", question: number, choice: "cancel" }),
    );
    const message = await send(ctx, { text: html, keyboard });
    live = { messageId: message.message_id, number, html, choices } as LiveQuestion<unknown>;
  };

  const acknowledge = (ctx: FlowContext, text?: string) =>
    ctx.answerCallbackQuery(text ? { text } : {}).catch(() => undefined);

  const cancel = async (ctx: FlowContext): Promise<never> => {
    await retire(ctx);
    await send(ctx, { text: escapeHtml(t("flow-cancelled")) });
    return conversation.halt();
  };

  /** A question typed midway: its answer, "did you mean" (buttons that keep the flow), or "I don't know". */
  const answerMidway = async (ctx: FlowContext, text: string): Promise<void> => {
    const { view, asked } = replyToQuestion(deps.knowledge(), text, language, t);
    await conversation.external(() => deps.storage.recordQuestion(asked));
    await retire(ctx);
    await send(ctx, view);
  };

  const kit: FlowKit = {
    get language() {
      return language;
    },
    t,
    async say(ctx, html, keyboard) {
      await retire(ctx);
      await send(ctx, keyboard ? { text: html, keyboard } : { text: html });
    },
    async ask<T>(ctx: FlowContext, build: () => Question<T>, canGoBack: boolean) {
      let question = build();
      const askAgain = (ctx: FlowContext, lead?: string) =>
        offer(
          ctx,
          lead ? `${escapeHtml(lead)}\n\n${question.prompt}` : question.prompt,
          question.choices,
          canGoBack,
          question.previous,
        );
      await askAgain(ctx);
      for (;;) {
        const asked = await conversation.now();
        const reply = await conversation.wait();
        if ((await conversation.now()) - asked > FLOW_IDLE_MS) {
          await retire(reply);
          await reply.reply(t("flow-expired"));
          return conversation.halt({ next: true });
        }
        // The user blocked the bot: nobody is there to ask.
        if (reply.myChatMember) return conversation.halt();
        // An edit of an earlier message is not an answer to this question.
        if (reply.editedMessage) continue;
        const data = reply.callbackQuery?.data;
        if (data !== undefined) {
          const action = decodeAction(data);
          if (action?.kind === "flow") {
            const choice =
              action.question === live?.number && typeof action.choice === "number"
                ? (live.choices[action.choice] as Choice<T> | typeof REASK | undefined)
                : undefined;
            const current = action.question === live?.number;
            if (!current || (typeof action.choice === "number" && choice === undefined)) {
              await acknowledge(reply, t("button-expired"));
              continue;
            }
            await acknowledge(reply);
            if (action.choice === "cancel") return cancel(reply);
            if (action.choice === "back") {
              if (!canGoBack) continue;
              await retire(reply);
              return BACK;
            }
            if (choice === REASK) {
              await askAgain(reply);
              continue;
            }
            if (choice) {
              await retire(reply, choice.label);
              return choice.value;
            }
            continue;
          }
          if (action?.kind === "lang") {
            await acknowledge(reply);
            const chosen = action.language;
            language = chosen;
            await conversation.external((outer) => {
              outer.session.language = chosen;
            });
            question = build();
            await askAgain(reply);
            continue;
          }
          if (action?.kind === "ask") {
            // "Did you mean" and related questions under an answer given midway.
            await acknowledge(reply);
            const { kb } = deps.knowledge();
            const entry = kb.entryById.get(action.entryId);
            if (entry) {
              await retire(reply);
              await send(reply, answerView(kb, entry, language, t));
            }
            await askAgain(reply);
            continue;
          }
          // A button from outside the flow (an old answer, the menu) waits until it is over.
          await acknowledge(reply, t("flow-finish-first"));
          continue;
        }
        const text = reply.message?.text?.trim();
        if (text === undefined) {
          await askAgain(reply, question.expected);
          continue;
        }
        if (/^\/cancel\b/.test(text)) return cancel(reply);
        if (/^\/help\b/.test(text)) {
          await askAgain(reply, t("flow-help"));
          continue;
        }
        if (/^\/language\b/.test(text)) {
          const view = languageView(t);
          await send(reply, view);
          continue;
        }
        if (text.startsWith("/")) {
          await askAgain(reply, t("flow-finish-first"));
          continue;
        }
        const reading: Reading<T> = question.read?.(text) ?? { kind: "unreadable" };
        switch (reading.kind) {
          case "sure":
            await retire(reply);
            return reading.value;
          case "ask": {
            const [only] = reading.options;
            const html =
              reading.options.length === 1 && only !== undefined
                ? escapeHtml(t("flow-did-you-mean", { answer: question.describe(only) }))
                : escapeHtml(t("flow-which"));
            const choices = reading.options.map((value) => ({
              value,
              label: question.describe(value),
            }));
            await offer(reply, html, [...choices, REASK], canGoBack);
            continue;
          }
          case "refused": {
            const refusal = question.refusal?.(reading.reason, reading.value) ?? {
              text: t(`flow-refused-${reading.reason}`),
            };
            await offer(
              reply,
              `${escapeHtml(refusal.text)}\n\n${question.prompt}`,
              refusal.choices ?? question.choices,
              canGoBack,
            );
            continue;
          }
          case "other":
            if (reading.what === "usage") {
              const reported = await conversation.external((outer) => reportUsage(outer, text));
              if (!reported) await send(reply, { text: escapeHtml(t("flow-usage-later")) });
            } else if (reading.what === "chat") {
              const talk = classifySmallTalk(text) ?? "greeting";
              await send(reply, { text: escapeHtml(t(`small-talk-${talk}`)) });
            } else {
              await answerMidway(reply, text);
            }
            await askAgain(reply);
            continue;
          case "unreadable":
            await askAgain(reply, question.expected);
            continue;
        }
      }
    },
    async steps(ctx, questions) {
      const keys = Object.keys(questions) as (keyof typeof questions)[];
      const answers: Record<string, unknown> = {};
      let at = 0;
      while (at < keys.length) {
        const key = keys[at] as keyof typeof questions;
        const build = () =>
          ({
            ...questions[key](answers as never),
            ...(key in answers ? { previous: answers[key as string] } : {}),
          }) as Question<unknown>;
        const answer = await kit.ask(ctx, build, at > 0);
        if (answer === BACK) {
          at--;
          continue;
        }
        answers[key as string] = answer;
        at++;
      }
      return answers as never;
    },
  };
  return kit;
}

/** Choices may be objects ({ percent: 20 }): compare them by content. */
function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** What a flow's steps work with. */
export interface FlowScope {
  kit: FlowKit;
  ctx: FlowContext;
  conversation: FlowConversation;
  deps: BotDeps;
}

/**
 * A flow from its steps: the conversation builder that createConversation takes, started in the
 * language the user was using, with its kit made once.
 */
export function defineFlow(steps: (scope: FlowScope) => Promise<void>) {
  return (i18n: I18n<BotContext>, deps: BotDeps) =>
    (conversation: FlowConversation, ctx: FlowContext, language: Language): Promise<void> =>
      steps({ kit: flowKit(conversation, i18n, deps, language), ctx, conversation, deps });
}
