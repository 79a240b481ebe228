import { InlineKeyboard } from "grammy";
import { MAX_PEOPLE } from "../../reading/choices.js";
import { readAnswer, type Step, type StepAnswers } from "../../reading/read-answer.js";
import {
  recommendSharing,
  type SharingAnswers,
  WORKAROUND_ENTRIES,
} from "../../sharing/recommend.js";
import { hongKongDate } from "../../tracker/usage.js";
import { encodeAction } from "../callback-data.js";
import { escapeHtml } from "../html.js";
import { defineFlow } from "./flow-kit.js";
import { type Choice, type Question, yesNoQuestion } from "./question.js";

/** /share: five questions the family-sharing article weighs, then a workaround and its reasons. */
export const createShareFlow = defineFlow(async ({ kit, ctx, deps }) => {
  const { t } = kit;
  const today = hongKongDate(await kit.now());
  const read =
    <S extends Step>(step: S) =>
    (text: string) =>
      readAnswer(step, text, { today, answerWords: deps.knowledge().kb.answerWords });
  /** A question whose typed answers are named like its buttons when asked back. */
  const choose = <S extends Step>(
    step: S,
    prompt: string,
    choices: Choice<StepAnswers[S]>[],
    expected: string,
  ): Question<StepAnswers[S]> => ({
    prompt,
    choices,
    read: read(step),
    describe: (value) => choices.find((choice) => choice.value === value)?.label ?? String(value),
    expected,
  });
  /** A question of a few named choices: its prompt, labels and hint are keyed by step and value. */
  const pick = <S extends "stay" | "use">(step: S, values: StepAnswers[S][]) =>
    choose(
      step,
      t(`share-${step}`),
      values.map((value) => ({ value, label: t(`share-${step}-${value}`) })),
      t(`share-${step}-expected`),
    );
  const yesNo = (step: "together" | "occasional") =>
    yesNoQuestion(
      t(`share-${step}`),
      { yes: t(`share-${step}-yes`), no: t(`share-${step}-no`) },
      t("flow-yes-no"),
      read(step),
    );

  await kit.say(ctx, escapeHtml(t("share-intro")));
  const answers = await kit.steps<SharingAnswers>(ctx, {
    people: () => ({
      ...choose(
        "people",
        t("share-people"),
        [1, 2, 3, 4, 5].map((n) => ({ value: n, label: n === 5 ? "5+" : String(n) })),
        t("share-people-expected", { max: MAX_PEOPLE }),
      ),
      describe: (people) => t("share-people-count", { people }),
      refusal: () => ({ text: t("share-people-too-many", { max: MAX_PEOPLE }) }),
    }),
    stay: () => pick("stay", ["trip", "regular"]),
    together: () => yesNo("together"),
    use: () => pick("use", ["light", "medium", "heavy"]),
    occasional: () => yesNo("occasional"),
  });

  const workaround = recommendSharing(answers);
  const { kb } = deps.knowledge();
  const keyboard = new InlineKeyboard();
  for (const id of WORKAROUND_ENTRIES[workaround]) {
    const entry = kb.entryById.get(id);
    if (entry)
      keyboard.text(entry.title[kit.language], encodeAction({ kind: "ask", entryId: id })).row();
  }
  await kit.say(
    ctx,
    [
      `<b>${escapeHtml(t(`share-result-${workaround}`))}</b>`,
      "",
      escapeHtml(t(`share-why-${workaround}`)),
      "",
      `⚠️ ${escapeHtml(t(`share-caveat-${workaround}`))}`,
    ].join("\n"),
    keyboard,
  );
});
