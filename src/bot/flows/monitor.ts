import { formatData, readDataAmount, readDays } from "../../tracker/amounts.js";
import { readHour } from "../../tracker/reminders.js";
import { addDays, hongKongDate, type Plan, type Threshold } from "../../tracker/usage.js";
import { escapeHtml } from "../html.js";
import { describeThreshold, startTracker } from "../tracker-actions.js";
import { BACK, defineFlow, yesNoQuestion } from "./flow-kit.js";

const CARRIERS = ["cmhk", "hkt", "smartone", "three", "unicom", "mvno", "unsure"] as const;
type Carrier = (typeof CARRIERS)[number];
/** Carriers that issue their own cards and run their own self-service apps and sites. */
const MAJOR: readonly Carrier[] = ["cmhk", "hkt", "smartone", "three", "unicom"];
const MAX_PLAN_DAYS = 365;
const MAX_PLAN_MB = 1024 * 1024;

interface TrackerAnswers {
  totalMb: number;
  days: number;
  startDate: string;
  threshold: Threshold;
  /** Hong Kong hour for a daily check-in; -1 for none (a step's answer cannot be undefined). */
  checkInHour: number;
}
const NO_CHECK_IN = -1;

/** /monitor: how to check usage with one's carrier, then, if wanted, the bot's own tracker. */
export const createMonitorFlow = defineFlow(async ({ kit, ctx, conversation }) => {
  const { t } = kit;

  const carrier = await kit.ask<Carrier>(
    ctx,
    () => ({
      prompt: t("monitor-carrier"),
      choices: CARRIERS.map((value) => ({ value, label: t(`carrier-${value}`) })),
      parse: (text) =>
        /中国移动|中國移動|cmhk|china mobile/i.test(text)
          ? "cmhk"
          : /hkt|csl|1o1o|1010|香港电讯|香港電訊/i.test(text)
            ? "hkt"
            : /smartone|数码通|數碼通/i.test(text)
              ? "smartone"
              : /3hk|three|和记|和記/i.test(text)
                ? "three"
                : /联通|聯通|unicom/i.test(text)
                  ? "unicom"
                  : /mvno|虚拟|虛擬/i.test(text)
                    ? "mvno"
                    : /不知|唔知|not sure|unsure|don.?t know/i.test(text)
                      ? "unsure"
                      : undefined,
      expected: t("monitor-carrier-expected"),
    }),
    false,
  );
  if (carrier === BACK) return;
  const how = MAJOR.includes(carrier) ? "major" : carrier;
  await ctx.reply(
    [
      escapeHtml(t(`monitor-how-${how}`)),
      "",
      escapeHtml(t("monitor-how-sms")),
      "",
      escapeHtml(t("monitor-how-phone")),
    ].join("\n"),
    { parse_mode: "HTML" },
  );

  const wantsTracker = await kit.ask<boolean>(
    ctx,
    () =>
      yesNoQuestion(
        t("monitor-offer"),
        { yes: t("monitor-offer-yes"), no: t("monitor-offer-no") },
        t("flow-yes-no"),
      ),
    false,
  );
  if (wantsTracker !== true) {
    await ctx.reply(t("monitor-done"));
    return;
  }

  const today = hongKongDate(new Date(await conversation.now()));
  for (;;) {
    const answers = await kit.steps<TrackerAnswers>(ctx, {
      totalMb: () => ({
        prompt: t("tracker-ask-total"),
        choices: [1, 5, 10, 20].map((gb) => ({ value: gb * 1024, label: `${gb} GB` })),
        parse: (text) => {
          const mb = readDataAmount(text);
          return mb !== undefined && mb > 0 && mb <= MAX_PLAN_MB ? mb : undefined;
        },
        expected: t("tracker-expected-total"),
      }),
      days: () => ({
        prompt: t("tracker-ask-days"),
        choices: [1, 3, 7, 30].map((days) => ({
          value: days,
          label: t("tracker-days", { days }),
        })),
        parse: (text) => {
          const days = readDays(text);
          return days !== undefined && days >= 1 && days <= MAX_PLAN_DAYS ? days : undefined;
        },
        expected: t("tracker-expected-days", { max: MAX_PLAN_DAYS }),
      }),
      startDate: () => ({
        prompt: t("tracker-ask-start"),
        choices: [
          { value: today, label: t("tracker-start-today") },
          { value: addDays(today, -1), label: t("tracker-start-yesterday") },
        ],
        parse: (text) => readDate(text, today),
        expected: t("tracker-expected-start"),
      }),
      threshold: (so) => ({
        prompt: t("tracker-ask-threshold"),
        choices: [10, 20, 30].map((percent) => ({
          value: { percent } as Threshold,
          label: `${percent}%`,
        })),
        parse: (text) => {
          const percent = text.match(/(\d+(?:\.\d+)?)\s*[%％]/)?.[1];
          if (percent !== undefined && Number(percent) > 0 && Number(percent) < 100) {
            return { percent: Number(percent) };
          }
          const mb = readDataAmount(text);
          return mb !== undefined && mb > 0 && mb < (so.totalMb ?? Infinity)
            ? { megabytes: mb }
            : undefined;
        },
        expected: t("tracker-expected-threshold"),
      }),
      checkInHour: () => ({
        prompt: t("tracker-ask-check-in"),
        choices: [
          { value: 9, label: "09:00" },
          { value: 21, label: "21:00" },
          { value: NO_CHECK_IN, label: t("tracker-check-in-none") },
        ],
        parse: (text) =>
          /^(不|不用|唔使|唔要|no|none|never)/i.test(text) ? NO_CHECK_IN : readHour(text),
        expected: t("tracker-expected-check-in"),
      }),
    });
    const { checkInHour, ...plan } = answers satisfies Plan & { checkInHour: number };
    const confirmed = await kit.ask<boolean>(
      ctx,
      () => ({
        prompt: t("tracker-confirm", {
          total: formatData(plan.totalMb),
          days: plan.days,
          start: plan.startDate,
          threshold: describeThreshold(plan.threshold),
          checkIn:
            checkInHour === NO_CHECK_IN
              ? t("tracker-check-in-none")
              : `${String(checkInHour).padStart(2, "0")}:00`,
        }),
        choices: [
          { value: true, label: t("tracker-confirm-save") },
          { value: false, label: t("tracker-confirm-edit") },
        ],
        parse: (text) => (/^(是|好|ok|yes|save|確認|确认)$/i.test(text) ? true : undefined),
        expected: t("flow-yes-no"),
      }),
      false,
    );
    if (confirmed !== true) continue;
    const now = new Date(await conversation.now());
    const hour = checkInHour === NO_CHECK_IN ? undefined : checkInHour;
    await conversation.external((outer) => startTracker(outer, plan, hour, now));
    await ctx.reply(t("tracker-saved"));
    return;
  }
});

/** A start date as typed: 今天 / today, 昨天 / yesterday, or a month and day (11/20, 11月20日). */
function readDate(text: string, today: string): string | undefined {
  if (/今天|今日|today/i.test(text)) return today;
  if (/昨天|尋日|寻日|琴日|yesterday/i.test(text)) return addDays(today, -1);
  const match = text.normalize("NFKC").match(/(\d{1,2})\s*[/月-]\s*(\d{1,2})/);
  if (!match) return undefined;
  const year = today.slice(0, 4);
  const date = `${year}-${match[1]?.padStart(2, "0")}-${match[2]?.padStart(2, "0")}`;
  if (Number.isNaN(Date.parse(date))) return undefined;
  // A plan starts today or earlier: a later date this year means last year.
  return date > today ? `${Number(year) - 1}${date.slice(4)}` : date;
}
