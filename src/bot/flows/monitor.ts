import { CARRIERS, type Carrier } from "../../kb/schema.js";
import { MAX_PLAN_DAYS, NO_CHECK_IN } from "../../reading/plan.js";
import { readAnswer, type Step } from "../../reading/read-answer.js";
import { formatData, MB_PER_GB } from "../../tracker/amounts.js";
import { describeThreshold, formatDay, formatHour } from "../../tracker/display.js";
import { addDays, hongKongDate, type Plan, type Threshold } from "../../tracker/usage.js";
import { escapeHtml } from "../html.js";
import { saveTrackerPlan } from "../tracker-plan.js";
import { defineFlow, type FlowScope } from "./flow-kit.js";
import { yesNoQuestion } from "./question.js";

/** Carriers that issue their own cards and run their own self-service apps and sites. */
const CARRIERS_WITH_OWN_APPS: readonly Carrier[] = ["cmhk", "hkt", "smartone", "three", "unicom"];

interface TrackerAnswers {
  totalMb: number;
  days: number;
  startDate: string;
  threshold: Threshold;
  checkIn: number | typeof NO_CHECK_IN;
}

/** /monitor: how to check usage with one's carrier, then, if wanted, the bot's own tracker. */
export const createMonitorFlow = defineFlow(async (scope) => {
  const { kit, ctx, deps } = scope;
  const { t } = kit;
  const today = hongKongDate(await kit.now());

  const carriers = CARRIERS.map((value) => ({ value, label: t(`carrier-${value}`) }));
  const carrier = await kit.ask<Carrier>(
    ctx,
    () => ({
      prompt: t("monitor-carrier"),
      choices: carriers,
      read: (text) =>
        readAnswer("carrier", text, { today, answerWords: deps.knowledge().kb.answerWords }),
      describe: (value) => t(`carrier-${value}`),
      expected: t("monitor-carrier-expected"),
    }),
    false,
  );
  const howToCheck = CARRIERS_WITH_OWN_APPS.includes(carrier) ? "major" : carrier;
  await kit.say(
    ctx,
    [t(`monitor-how-${howToCheck}`), "", t("monitor-how-sms"), "", t("monitor-how-phone")]
      .map(escapeHtml)
      .join("\n"),
  );

  const wantsTracker = await kit.ask<boolean>(
    ctx,
    () =>
      yesNoQuestion(
        t("monitor-offer"),
        { yes: t("monitor-offer-yes"), no: t("monitor-offer-no") },
        t("flow-yes-no"),
        (text) =>
          readAnswer("offer", text, { today, answerWords: deps.knowledge().kb.answerWords }),
      ),
    false,
  );
  if (wantsTracker !== true) {
    await kit.say(ctx, escapeHtml(t("monitor-done")));
    return;
  }

  await setUpTracker(scope);
});

/**
 * "✏️ Edit the plan": the tracker's questions with the plan's answers ticked; the readings since
 * the (new) start are kept.
 */
export const createPlanFlow = defineFlow(async (scope) => {
  const record = await scope.conversation.external((outer) =>
    outer.from ? outer.deps.storage.trackers.get(outer.from.id) : undefined,
  );
  if (!record) {
    await scope.kit.say(scope.ctx, escapeHtml(scope.kit.t("tracker-none")));
    return;
  }
  const { plan, checkInHour } = record;
  await setUpTracker(scope, { ...plan, checkIn: checkInHour ?? NO_CHECK_IN });
});

/** The tracker's five questions and a summary to save or edit, then the tracker saved. */
async function setUpTracker(
  { kit, ctx, conversation, deps }: FlowScope,
  before?: TrackerAnswers,
): Promise<void> {
  const { t } = kit;
  const today = hongKongDate(await kit.now());
  const read =
    <S extends Step>(step: S, plan?: { totalMb?: number; days?: number }) =>
    (text: string) =>
      readAnswer(step, text, {
        today,
        answerWords: deps.knowledge().kb.answerWords,
        ...(plan ? { plan } : {}),
      });
  const describeCheckIn = (checkIn: TrackerAnswers["checkIn"]) =>
    checkIn === NO_CHECK_IN ? t("tracker-check-in-none") : formatHour(checkIn);
  let previous = before;
  for (;;) {
    const answers: TrackerAnswers = await kit.steps<TrackerAnswers>(
      ctx,
      {
        totalMb: () => ({
          prompt: t("tracker-ask-total"),
          choices: [1, 5, 10, 20].map((gb) => ({ value: gb * MB_PER_GB, label: `${gb} GB` })),
          read: read("total"),
          describe: formatData,
          expected: t("tracker-expected-total"),
        }),
        days: () => ({
          prompt: t("tracker-ask-days"),
          choices: [1, 3, 7, 30].map((days) => ({
            value: days,
            label: t("tracker-days", { days }),
          })),
          read: read("days"),
          describe: (days) => t("tracker-days", { days }),
          expected: t("tracker-expected-days", { max: MAX_PLAN_DAYS }),
        }),
        startDate: (answered) => {
          const startToday = { value: today, label: t("tracker-start-today") };
          return {
            prompt: t("tracker-ask-start"),
            choices: [
              startToday,
              { value: addDays(today, -1), label: t("tracker-start-yesterday") },
            ],
            read: read("start", { ...(answered.days ? { days: answered.days } : {}) }),
            describe: (date) => formatDay(date, kit.language),
            expected: t("tracker-expected-start"),
            refusal: (reason, date) =>
              reason === "ended"
                ? {
                    text: t("tracker-start-ended", {
                      days: answered.days ?? 0,
                      start: date ? formatDay(date, kit.language) : "",
                    }),
                    choices: [startToday],
                  }
                : { text: t(`flow-refused-${reason}`) },
          };
        },
        threshold: (answered) => ({
          prompt: t("tracker-ask-threshold"),
          choices: [10, 20, 30].map((percent) => ({
            value: { percent } as Threshold,
            label: `${percent}%`,
          })),
          read: read("threshold", { ...(answered.totalMb ? { totalMb: answered.totalMb } : {}) }),
          describe: describeThreshold,
          expected: t("tracker-expected-threshold"),
          refusal: (reason) => ({
            text: t(`flow-refused-${reason}`, { total: formatData(answered.totalMb ?? 0) }),
          }),
        }),
        checkIn: () => ({
          prompt: t("tracker-ask-check-in"),
          choices: [
            { value: 9, label: formatHour(9) },
            { value: 21, label: formatHour(21) },
            { value: NO_CHECK_IN, label: t("tracker-check-in-none") },
          ],
          read: read("check-in"),
          describe: describeCheckIn,
          expected: t("tracker-expected-check-in"),
        }),
      },
      previous,
    );
    previous = answers;
    const { checkIn, ...plan } = answers satisfies Plan & { checkIn: unknown };
    const confirmed = await kit.ask<boolean>(
      ctx,
      () =>
        yesNoQuestion(
          escapeHtml(
            t("tracker-confirm", {
              total: formatData(plan.totalMb),
              days: plan.days,
              start: formatDay(plan.startDate, kit.language),
              threshold: describeThreshold(plan.threshold),
              checkIn: describeCheckIn(checkIn),
            }),
          ),
          { yes: t("tracker-confirm-save"), no: t("tracker-confirm-edit") },
          t("flow-yes-no"),
          read("confirm"),
        ),
      false,
    );
    if (confirmed !== true) continue;
    const now = await kit.now();
    const hour = checkIn === NO_CHECK_IN ? undefined : checkIn;
    const keepReadings = before !== undefined;
    await conversation.external((outer) =>
      saveTrackerPlan(outer, plan, hour, now, { keepReadings }),
    );
    await kit.say(ctx, escapeHtml(t("tracker-saved")));
    return;
  }
}
