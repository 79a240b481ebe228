import { CARRIERS, type Carrier } from "../../reading/choices.js";
import { NO_CHECK_IN } from "../../reading/plan.js";
import { readAnswer, type Step } from "../../reading/read-answer.js";
import { formatData, MB_PER_GB } from "../../tracker/amounts.js";
import { addDays, hongKongDate, type Plan, type Threshold } from "../../tracker/usage.js";
import { escapeHtml } from "../html.js";
import { describeThreshold, formatDay, formatHour, startTracker } from "../tracker-actions.js";
import { BACK, defineFlow, yesNoQuestion } from "./flow-kit.js";

/** Carriers that issue their own cards and run their own self-service apps and sites. */
const MAJOR: readonly Carrier[] = ["cmhk", "hkt", "smartone", "three", "unicom"];

interface TrackerAnswers {
  totalMb: number;
  days: number;
  startDate: string;
  threshold: Threshold;
  checkIn: number | typeof NO_CHECK_IN;
}

/** /monitor: how to check usage with one's carrier, then, if wanted, the bot's own tracker. */
export const createMonitorFlow = defineFlow(async ({ kit, ctx, conversation }) => {
  const { t } = kit;
  const today = hongKongDate(new Date(await conversation.now()));
  const read =
    <S extends Step>(step: S, plan?: { totalMb?: number; days?: number }) =>
    (text: string) =>
      readAnswer(step, text, { today, ...(plan ? { plan } : {}) });
  const describeCheckIn = (checkIn: TrackerAnswers["checkIn"]) =>
    checkIn === NO_CHECK_IN ? t("tracker-check-in-none") : formatHour(checkIn);

  const carriers = CARRIERS.map((value) => ({ value, label: t(`carrier-${value}`) }));
  const carrier = await kit.ask<Carrier>(
    ctx,
    () => ({
      prompt: t("monitor-carrier"),
      choices: carriers,
      read: read("carrier"),
      describe: (value) => t(`carrier-${value}`),
      expected: t("monitor-carrier-expected"),
    }),
    false,
  );
  if (carrier === BACK) return;
  const how = MAJOR.includes(carrier) ? "major" : carrier;
  await kit.say(
    ctx,
    [t(`monitor-how-${how}`), "", t("monitor-how-sms"), "", t("monitor-how-phone")]
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
        read("offer"),
      ),
    false,
  );
  if (wantsTracker !== true) {
    await kit.say(ctx, escapeHtml(t("monitor-done")));
    return;
  }

  for (;;) {
    const answers = await kit.steps<TrackerAnswers>(ctx, {
      totalMb: () => ({
        prompt: t("tracker-ask-total"),
        choices: [1, 5, 10, 20].map((gb) => ({ value: gb * MB_PER_GB, label: `${gb} GB` })),
        read: read("total"),
        describe: formatData,
        expected: t("tracker-expected-total"),
      }),
      days: () => ({
        prompt: t("tracker-ask-days"),
        choices: [1, 3, 7, 30].map((days) => ({ value: days, label: t("tracker-days", { days }) })),
        read: read("days"),
        describe: (days) => t("tracker-days", { days }),
        expected: t("tracker-expected-days", { max: 365 }),
      }),
      startDate: (so) => {
        const startToday = { value: today, label: t("tracker-start-today") };
        return {
          prompt: t("tracker-ask-start"),
          choices: [startToday, { value: addDays(today, -1), label: t("tracker-start-yesterday") }],
          read: read("start", { ...(so.days ? { days: so.days } : {}) }),
          describe: (date) => formatDay(date, kit.language),
          expected: t("tracker-expected-start"),
          refusal: (reason, date) =>
            reason === "ended"
              ? {
                  text: t("tracker-start-ended", {
                    days: so.days ?? 0,
                    start: date ? formatDay(date, kit.language) : "",
                  }),
                  choices: [startToday],
                }
              : { text: t(`flow-refused-${reason}`) },
        };
      },
      threshold: (so) => ({
        prompt: t("tracker-ask-threshold"),
        choices: [10, 20, 30].map((percent) => ({
          value: { percent } as Threshold,
          label: `${percent}%`,
        })),
        read: read("threshold", { ...(so.totalMb ? { totalMb: so.totalMb } : {}) }),
        describe: describeThreshold,
        expected: t("tracker-expected-threshold"),
        refusal: (reason) => ({
          text: t(`flow-refused-${reason}`, { total: formatData(so.totalMb ?? 0) }),
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
    });
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
    const now = new Date(await conversation.now());
    const hour = checkIn === NO_CHECK_IN ? undefined : checkIn;
    await conversation.external((outer) => startTracker(outer, plan, hour, now));
    await kit.say(ctx, escapeHtml(t("tracker-saved")));
    return;
  }
});
