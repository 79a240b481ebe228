import type { Conversation } from "@grammyjs/conversations";
import type { Context, InlineKeyboard } from "grammy";
import type { Reading, Refusal } from "../../reading/reading.js";
import type { Language } from "../../text/language.js";
import { languageOfText } from "../../text/language.js";
import { classifySmallTalk } from "../../text/small-talk.js";
import { decodeAction } from "../callback-data.js";
import type { BotContext, BotDeps } from "../context.js";
import { escapeHtml } from "../html.js";
import { replyToQuestion } from "../question-reply.js";
import { describeFailure, isTelegramFailure, refusedForGood } from "../telegram-fetch.js";
import { reportUsage } from "../tracker-actions.js";
import { answerView, languageView } from "../views.js";
import { type Choice, liveQuestions, type Offered, REASK } from "./live-question.js";

export type { Choice } from "./live-question.js";

/** Inside a conversation, contexts come from the conversation's replay, not the bot's middleware. */
export type FlowContext = Context;
export type FlowConversation = Conversation<BotContext, FlowContext>;

/** A flow left alone this long has expired: the next message gets a note, then normal handling. */
export const FLOW_IDLE_MS = 30 * 60_000;

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
  ask<T>(ctx: FlowContext, build: () => Question<T>, canGoBack: true): Promise<T | typeof BACK>;
  ask<T>(ctx: FlowContext, build: () => Question<T>, canGoBack: false): Promise<T>;
  ask<T>(ctx: FlowContext, build: () => Question<T>, canGoBack: boolean): Promise<T | typeof BACK>;
  /**
   * Walks a list of steps, each a question, with "back" returning to the one before; answers
   * given before (`initial`, when a plan is edited) are ticked.
   */
  steps<S extends object>(
    ctx: FlowContext,
    questions: { [K in keyof S]: (answers: Partial<S>) => Question<S[K]> },
    initial?: Partial<S>,
  ): Promise<S>;
  /** Sends a message that ends a part of the flow, and takes the buttons off the last question. */
  say(ctx: FlowContext, html: string, keyboard?: InlineKeyboard): Promise<void>;
}

/** What became of a message the flow sent: see `tolerate`. */
type Delivery = "sent" | "again" | "refused";

/** What one update did to a question: answered it, went back, or left it waiting. */
type Outcome<T> = { answer: T } | typeof BACK | undefined;

/**
 * The tools every flow uses: translation in the flow's language, and questions that take a
 * button or a typed answer, ask back when unsure, go back, cancel, expire, and answer a question
 * or take a usage report typed midway. Only the newest question's buttons are live: each one
 * sent takes the buttons off the one before, and a press on an older one is stale.
 */
export function flowKit(
  conversation: FlowConversation,
  deps: BotDeps,
  { language: initialLanguage, started }: { language: Language; started: number },
): FlowKit {
  let language = initialLanguage;
  const t = (key: string, variables?: Record<string, string | number>) =>
    deps.i18n.t(language, key, variables);
  const live = liveQuestions(t, started);

  /**
   * Runs a call to Telegram: "sent", or after a failure (the client's retries spent), "again"
   * when a later try may do (the next update makes it) or "refused" when none will (a 400, a
   * 403). Never thrown: a thrown error would end the conversation and lose its answers.
   */
  const tolerate = async (call: () => Promise<unknown>): Promise<Delivery> => {
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
  };

  const send = (ctx: FlowContext, view: { text: string; keyboard?: InlineKeyboard }) =>
    tolerate(() =>
      ctx.reply(view.text, {
        parse_mode: "HTML",
        ...(view.keyboard ? { reply_markup: view.keyboard } : {}),
      }),
    );

  /**
   * Stops the button's spinner through the bot's own context, which answers each callback once
   * and takes a refusal calmly; outside the replay, so that it happens once.
   */
  const acknowledge = (ctx: FlowContext, text?: string) =>
    ctx.callbackQuery
      ? conversation.external(async (outer) => {
          await outer.answerCallbackQuery(text ? { text } : {});
        })
      : Promise.resolve();

  const cancel = async (ctx: FlowContext): Promise<never> => {
    await live.retire(ctx);
    await send(ctx, { text: escapeHtml(t("flow-cancelled")) });
    return conversation.halt();
  };

  /**
   * The chat's next message or button tap. A member update (the user blocked the bot) is
   * nobody's answer and passes by, so nothing is sent to a user who just left; a flow left
   * alone too long expires, and the update is handled as if there were none.
   */
  const nextUpdate = async (): Promise<FlowContext> => {
    const asked = await conversation.now();
    const update = await conversation.wait();
    if (!update.message && !update.editedMessage && !update.callbackQuery) {
      return conversation.skip();
    }
    if ((await conversation.now()) - asked > FLOW_IDLE_MS) {
      await live.retire(update);
      await send(update, { text: escapeHtml(t("flow-expired")) });
      return conversation.halt({ next: true });
    }
    return update;
  };

  /** A question typed midway: its answer, "did you mean" (buttons that keep the flow), or "I don't know". */
  const answerMidway = async (ctx: FlowContext, text: string): Promise<void> => {
    const { view, asked } = replyToQuestion(deps.knowledge(), text, language, t, { inFlow: true });
    await conversation.external(() =>
      deps.storage.recordQuestion({ ...asked, at: deps.clock.now() }),
    );
    await live.retire(ctx);
    await send(ctx, view);
  };

  const kit: FlowKit = {
    get language() {
      return language;
    },
    t,
    async say(ctx, html, keyboard) {
      await live.retire(ctx);
      // What a part of the flow ends with is not lost to a failed send: the user's next message
      // or flow button brings it again (other buttons do what they do meanwhile).
      const view = keyboard ? { text: html, keyboard } : { text: html };
      for (let current = ctx; (await send(current, view)) === "again"; ) {
        current = await nextUpdate();
        const data = current.callbackQuery?.data;
        if (data !== undefined && decodeAction(data)?.kind !== "flow") {
          return conversation.skip({ next: true });
        }
        if (/^\/cancel\b/.test(current.message?.text ?? "")) return cancel(current);
      }
    },
    async ask<T>(ctx: FlowContext, build: () => Question<T>, canGoBack: boolean) {
      let question = build();
      const offer = (ctx: FlowContext, html: string, choices: Offered<T>[], ticked?: T) =>
        tolerate(() => live.offer(ctx, html, choices, { canGoBack, ticked }));
      // A question whose send failed is not on screen: the next update asks it again.
      const askAgain = (ctx: FlowContext, lead?: string) =>
        offer(
          ctx,
          lead ? `${escapeHtml(lead)}\n\n${question.prompt}` : question.prompt,
          question.choices,
          question.previous,
        );

      const onButton = async (reply: FlowContext, data: string): Promise<Outcome<T>> => {
        const action = decodeAction(data);
        switch (action?.kind) {
          case "flow": {
            const pressed = live.pressed<T>(action.question, action.choice);
            if (pressed.kind === "stale") {
              await acknowledge(reply, t("button-expired"));
              return undefined;
            }
            await acknowledge(reply);
            if (pressed.kind === "cancel") return cancel(reply);
            if (pressed.kind === "back") {
              if (!canGoBack) return undefined;
              await live.retire(reply);
              return BACK;
            }
            if (pressed.choice === REASK) {
              await askAgain(reply);
              return undefined;
            }
            await live.retire(reply, pressed.choice.label);
            return { answer: pressed.choice.value };
          }
          case "lang": {
            await acknowledge(reply);
            const chosen = action.language;
            language = chosen;
            await conversation.external((outer) => {
              outer.session.language = chosen;
            });
            question = build();
            await askAgain(reply);
            return undefined;
          }
          case "ask": {
            // "Did you mean" and related questions under an answer given midway.
            await acknowledge(reply);
            const { kb } = deps.knowledge();
            const entry = kb.entryById.get(action.entryId);
            if (entry) {
              await live.retire(reply);
              await send(reply, answerView(kb, entry, language, t, { inFlow: true }));
            }
            await askAgain(reply);
            return undefined;
          }
          case "go":
            // Another flow would end this one: it waits until this one is over.
            await acknowledge(reply, t("flow-finish-first"));
            return undefined;
          default:
            // Any other button (a rating, the topic menu, a usage report's choice) does what it
            // does outside the flow, which goes on waiting for its answer.
            return conversation.skip({ next: true });
        }
      };

      const onText = async (reply: FlowContext, text: string | undefined): Promise<Outcome<T>> => {
        if (text === undefined) await askAgain(reply, question.expected);
        else if (/^\/cancel\b/.test(text)) return cancel(reply);
        else if (/^\/help\b/.test(text)) await askAgain(reply, t("flow-help"));
        else if (/^\/language\b/.test(text)) await send(reply, languageView(t));
        else if (text.startsWith("/")) await askAgain(reply, t("flow-finish-first"));
        else {
          await followLanguage(text);
          return onReading(reply, text, question.read?.(text) ?? { kind: "unreadable" });
        }
        return undefined;
      };

      /** A typed answer: taken when sure, asked back, refused with why, or sent where it belongs. */
      const onReading = async (
        reply: FlowContext,
        text: string,
        reading: Reading<T>,
      ): Promise<Outcome<T>> => {
        switch (reading.kind) {
          case "sure":
            await live.retire(reply, question.describe(reading.value));
            return { answer: reading.value };
          case "ask": {
            const [only, ...others] = reading.options;
            const html =
              only !== undefined && others.length === 0
                ? escapeHtml(t("flow-did-you-mean", { answer: question.describe(only) }))
                : escapeHtml(t("flow-which"));
            const choices = reading.options.map((value) => ({
              value,
              label: question.describe(value),
            }));
            await offer(reply, html, [...choices, REASK]);
            return undefined;
          }
          case "refused": {
            const refusal = question.refusal?.(reading.reason, reading.value) ?? {
              text: t(`flow-refused-${reading.reason}`),
            };
            const html = `${escapeHtml(refusal.text)}\n\n${question.prompt}`;
            await offer(reply, html, refusal.choices ?? question.choices);
            return undefined;
          }
          case "other":
            if (reading.what === "usage") {
              // Stored before it is shown: a failed reply loses no reading, and ends no flow.
              const reported = await conversation.external((outer) =>
                reportUsage(outer, text).catch((error: unknown) => {
                  if (!isTelegramFailure(error)) throw error;
                  outer.deps.logger.warn(
                    { description: error.message },
                    "usage reply not delivered",
                  );
                  return true;
                }),
              );
              if (!reported) await send(reply, { text: escapeHtml(t("flow-usage-later")) });
            } else if (reading.what === "chat") {
              const talk = classifySmallTalk(text) ?? "greeting";
              await send(reply, { text: escapeHtml(t(`small-talk-${talk}`)) });
            } else {
              await answerMidway(reply, text);
            }
            await askAgain(reply);
            return undefined;
          case "unreadable":
            await askAgain(reply, question.expected);
            return undefined;
        }
      };

      /**
       * A user who types in another language than the flow's gets the flow in theirs, unless
       * they chose one with /language. Only what the script makes plain counts: Chinese text
       * in an English flow, English words in a Chinese one, Traditional in a Simplified one.
       */
      const followLanguage = async (text: string) => {
        const written = languageOfText(text);
        if (!written || written === language) return;
        const englishWords = (text.match(/[a-z]{2,}/gi) ?? []).length >= 2 && !/\d/.test(text);
        const plain =
          (written !== "en" && language === "en") ||
          (written === "en" && englishWords) ||
          (written === "zh-Hant" && language === "zh-Hans");
        if (!plain) return;
        const chosen = await conversation.external((outer) => outer.session.language);
        if (chosen !== undefined) return;
        language = written;
        question = build();
      };

      await askAgain(ctx);
      for (;;) {
        const reply = await nextUpdate();
        // An edited message is the user's answer as they now want it.
        const text = (reply.message ?? reply.editedMessage)?.text?.trim();
        // The question never arrived: what the user sent answers nothing yet, so it is asked.
        if (!live.showing() && !/^\/cancel\b/.test(text ?? "")) {
          await askAgain(reply);
          continue;
        }
        const outcome = reply.callbackQuery
          ? await onButton(reply, reply.callbackQuery.data ?? "")
          : await onText(reply, text);
        if (outcome === BACK) return BACK;
        if (outcome !== undefined) return outcome.answer;
        if (!live.showing()) await askAgain(reply);
      }
    },
    async steps(ctx, questions, initial) {
      const keys = Object.keys(questions) as (keyof typeof questions)[];
      const answers: Record<string, unknown> = { ...initial };
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
  return (deps: BotDeps) =>
    async (conversation: FlowConversation, ctx: FlowContext, language: Language) => {
      // When the flow began numbers its questions, so that no two flows' buttons are alike.
      const started = await conversation.now();
      const kit = flowKit(conversation, deps, { language, started });
      await steps({ kit, ctx, conversation, deps });
    };
}
