import type { InlineKeyboard } from "grammy";
import type { Language } from "../../text/language.js";
import { decodeAction } from "../callback-data.js";
import type { BotDeps } from "../context.js";
import type { Translate } from "../views.js";
import { askQuestion, isCancel } from "./ask-question.js";
import {
  createFlowRuntime,
  type FlowContext,
  type FlowConversation,
  flowTime,
} from "./flow-runtime.js";
import { BACK, type Question } from "./question.js";

export type { FlowContext, FlowConversation } from "./flow-runtime.js";

export interface FlowKit {
  readonly language: Language;
  t: Translate;
  /** The time by the bot's clock, the same on every replay. */
  now(): Promise<Date>;
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

/**
 * The tools every flow uses: translation in the flow's language, the time, and questions that
 * take a button or a typed answer, ask back when unsure, go back, cancel, expire, and answer a
 * question or take a usage report typed midway. Only the newest question's buttons are live:
 * each one sent takes the buttons off the one before, and a press on an older one is stale.
 */
export function flowKit(
  conversation: FlowConversation,
  deps: BotDeps,
  options: { language: Language; started: Date },
): FlowKit {
  const runtime = createFlowRuntime(conversation, deps, options);
  const kit: FlowKit = {
    get language() {
      return runtime.language;
    },
    t: runtime.t,
    now: () => runtime.now(),
    ask: <T>(ctx: FlowContext, build: () => Question<T>, canGoBack: boolean) =>
      askQuestion(runtime, ctx, build, canGoBack),
    async say(ctx, html, keyboard) {
      await runtime.live.retire(ctx);
      // What a part of the flow ends with is not lost to a failed send: the user's next message
      // or flow button brings it again (other buttons do what they do meanwhile).
      const view = keyboard ? { text: html, keyboard } : { text: html };
      for (let current = ctx; (await runtime.send(current, view)) === "again"; ) {
        current = await runtime.nextUpdate();
        const data = current.callbackQuery?.data;
        if (data !== undefined && decodeAction(data)?.kind !== "flow") {
          return conversation.skip({ next: true });
        }
        if (isCancel(current.message?.text)) return runtime.cancel(current);
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
      const started = await flowTime(conversation, deps);
      const kit = flowKit(conversation, deps, { language, started });
      await steps({ kit, ctx, conversation, deps });
    };
}
