import type { Reading } from "../../reading/reading.js";
import { decodeAction } from "../callback-data.js";
import { escapeHtml } from "../html.js";
import { answerView, languageView } from "../views.js";
import type { FlowContext, FlowRuntime } from "./flow-runtime.js";
import { languageToFollow } from "./follow-language.js";
import { type Offered, REASK } from "./live-question.js";
import { BACK, type Question } from "./question.js";
import { replyToTypedMidway } from "./typed-midway.js";

/** What one update did to a question: answered it, went back, or left it waiting. */
type Outcome<T> = { answer: T } | typeof BACK | undefined;

/** Whether a text is /cancel, which leaves the flow wherever it is typed. */
export const isCancel = (text: string | undefined) => /^\/cancel\b/.test(text ?? "");

/**
 * Asks one question until it gets an answer: a button, a typed answer read surely or chosen
 * when asked back, or "back" (when `canGoBack`). The question is built by a function, so that a
 * change of language midway asks it again in the new one. Whatever else comes meanwhile is
 * handled (cancel, /help, /language, a question or usage report typed midway, another feature's
 * button) and the question asked again.
 */
export async function askQuestion<T>(
  runtime: FlowRuntime,
  ctx: FlowContext,
  build: () => Question<T>,
  canGoBack: boolean,
): Promise<T | typeof BACK> {
  const { conversation, deps, live, t } = runtime;
  let question = build();
  const offer = (ctx: FlowContext, html: string, choices: Offered<T>[], ticked?: T) =>
    runtime.deliver(() => live.offer(ctx, html, choices, { canGoBack, ticked }));
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
          await runtime.acknowledge(reply, t("button-expired"));
          return undefined;
        }
        await runtime.acknowledge(reply);
        if (pressed.kind === "cancel") return runtime.cancel(reply);
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
        await runtime.acknowledge(reply);
        const chosen = action.language;
        runtime.language = chosen;
        await conversation.external((outer) => {
          outer.session.language = chosen;
        });
        question = build();
        await askAgain(reply);
        return undefined;
      }
      case "ask": {
        // "Did you mean" and related questions under an answer given midway.
        await runtime.acknowledge(reply);
        const { kb } = deps.knowledge();
        const entry = kb.entryById.get(action.entryId);
        if (entry) {
          await live.retire(reply);
          await runtime.send(reply, answerView(kb, entry, runtime.language, t, { inFlow: true }));
        }
        await askAgain(reply);
        return undefined;
      }
      case "go":
        // Another flow would end this one: it waits until this one is over.
        await runtime.acknowledge(reply, t("flow-finish-first"));
        return undefined;
      default:
        // Any other button (a rating, the topic menu, a usage report's choice) does what it
        // does outside the flow, which goes on waiting for its answer.
        return conversation.skip({ next: true });
    }
  };

  const onText = async (reply: FlowContext, text: string | undefined): Promise<Outcome<T>> => {
    if (text === undefined) await askAgain(reply, question.expected);
    else if (isCancel(text)) return runtime.cancel(reply);
    else if (/^\/help\b/.test(text)) await askAgain(reply, t("flow-help"));
    else if (/^\/language\b/.test(text)) await runtime.send(reply, languageView(t));
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
        await replyToTypedMidway(runtime, reply, text, reading.what);
        await askAgain(reply);
        return undefined;
      case "unreadable":
        await askAgain(reply, question.expected);
        return undefined;
    }
  };

  /** The flow follows the language typed, unless the user chose one with /language. */
  const followLanguage = async (text: string) => {
    const written = languageToFollow(text, runtime.language);
    if (written === undefined) return;
    const chosen = await conversation.external((outer) => outer.session.language);
    if (chosen !== undefined) return;
    runtime.language = written;
    question = build();
  };

  await askAgain(ctx);
  for (;;) {
    const reply = await runtime.nextUpdate();
    // An edited message is the user's answer as they now want it.
    const text = (reply.message ?? reply.editedMessage)?.text?.trim();
    // The question never arrived: what the user sent answers nothing yet, so it is asked.
    if (!live.showing() && !isCancel(text)) {
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
}
