import type { Conversation } from "@grammyjs/conversations";
import type { I18n } from "@grammyjs/i18n";
import { type Context, InlineKeyboard } from "grammy";
import type { Language } from "../../kb/schema.js";
import { decodeAction } from "../callback-data.js";
import type { BotContext, BotDeps } from "../context.js";
import { escapeHtml } from "../html.js";
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
  /** Reads a typed answer; undefined when the text is not one. */
  parse?: (text: string) => T | undefined;
  /** What a typed answer looks like, said when one could not be read. */
  expected: string;
}

const YES = /^(是|是的|对|對|係|系|有|要|好|好呀|得|yes|y|yeah|yep|sure|ok)$/i;
const NO = /^(不|不是|否|没有|冇|唔係|不要|唔要|no|n|nope)$/i;

/** A yes-or-no question: two buttons, and typed yes / no in the three languages. */
export function yesNoQuestion(
  prompt: string,
  labels: { yes: string; no: string },
  expected: string,
): Question<boolean> {
  return {
    prompt,
    choices: [
      { value: true, label: labels.yes },
      { value: false, label: labels.no },
    ],
    parse: (text) => (YES.test(text) ? true : NO.test(text) ? false : undefined),
    expected,
  };
}

/** A flow's answer to "back": return to the previous question. */
export const BACK = Symbol("back");

export interface FlowKit {
  language: Language;
  t(key: string, variables?: Record<string, string | number>): string;
  /**
   * Asks one question until it gets an answer: a button, a typed answer, or "back". The question
   * is built by a function, so that a change of language midway asks it again in the new one.
   */
  ask<T>(ctx: FlowContext, build: () => Question<T>, canGoBack: boolean): Promise<T | typeof BACK>;
  /** Walks a list of steps, each a question, with "back" returning to the one before. */
  steps<S extends object>(
    ctx: FlowContext,
    questions: { [K in keyof S]: (answers: Partial<S>) => Question<S[K]> },
  ): Promise<S>;
}

/**
 * The tools every flow uses: translation in the flow's language, and questions that take a
 * button or a typed answer, go back, cancel, expire, and answer a FAQ question asked midway.
 */
export function flowKit(
  conversation: FlowConversation,
  i18n: I18n<BotContext>,
  deps: BotDeps,
  initialLanguage: Language,
): FlowKit {
  let language = initialLanguage;
  const t = (key: string, variables?: Record<string, string | number>) =>
    i18n.t(language, key, variables);

  const keyboardOf = <T>(question: Question<T>, canGoBack: boolean) => {
    const keyboard = new InlineKeyboard();
    question.choices.forEach((choice, index) => {
      const ticked = question.previous !== undefined && sameValue(choice.value, question.previous);
      keyboard.text(ticked ? `✓ ${choice.label}` : choice.label, `flow:${index}`);
      if (index % 2 === 1) keyboard.row();
    });
    keyboard.row();
    if (canGoBack) keyboard.text(t("flow-back"), "flow:back");
    return keyboard.text(t("flow-cancel"), "flow:cancel");
  };

  const send = (ctx: FlowContext, text: string, keyboard?: InlineKeyboard) =>
    ctx.reply(text, { parse_mode: "HTML", ...(keyboard ? { reply_markup: keyboard } : {}) });

  const cancel = async (ctx: FlowContext): Promise<never> => {
    await send(ctx, escapeHtml(t("flow-cancelled")));
    return conversation.halt();
  };

  const kit: FlowKit = {
    get language() {
      return language;
    },
    t,
    async ask(ctx, build, canGoBack) {
      let question = build();
      await send(ctx, question.prompt, keyboardOf(question, canGoBack));
      for (;;) {
        const asked = await conversation.now();
        const reply = await conversation.wait();
        if ((await conversation.now()) - asked > FLOW_IDLE_MS) {
          await reply.reply(t("flow-expired"));
          return conversation.halt({ next: true });
        }
        const data = reply.callbackQuery?.data;
        if (data !== undefined) {
          const action = decodeAction(data);
          if (!data.startsWith("flow:") && action?.kind !== "lang") {
            // A button from outside the flow (an old answer, the menu) waits until it is over.
            await reply.answerCallbackQuery({ text: t("flow-finish-first") });
            continue;
          }
          await reply.answerCallbackQuery();
          if (data === "flow:back" && canGoBack) return BACK;
          if (data === "flow:cancel") return cancel(reply);
          if (action?.kind === "lang") {
            const chosen = action.language;
            language = chosen;
            await conversation.external((outer) => {
              outer.session.language = chosen;
            });
            question = build();
            await send(reply, question.prompt, keyboardOf(question, canGoBack));
            continue;
          }
          const choice = question.choices[Number(data.slice(5))];
          if (choice) return choice.value;
          continue;
        }
        const text = reply.message?.text?.trim();
        if (text === undefined) {
          await send(reply, escapeHtml(question.expected));
          continue;
        }
        if (/^\/cancel\b/.test(text)) return cancel(reply);
        if (/^\/help\b/.test(text)) {
          await send(reply, t("flow-help"));
          continue;
        }
        if (/^\/language\b/.test(text)) {
          const view = languageView(t);
          await send(reply, view.text, view.keyboard);
          continue;
        }
        if (text.startsWith("/")) {
          await send(reply, escapeHtml(t("flow-finish-first")));
          continue;
        }
        const typed = question.parse?.(text);
        if (typed !== undefined) return typed;
        // Not an answer: maybe a question about cards. Answer it, then ask again.
        const { kb, matcher } = deps.knowledge();
        const result = matcher.match(text);
        if (result.decision === "answer") {
          const view = answerView(kb, result.entry, language, t);
          await send(reply, view.text);
          await send(reply, question.prompt, keyboardOf(question, canGoBack));
          continue;
        }
        await send(reply, escapeHtml(question.expected));
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
