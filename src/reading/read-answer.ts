/**
 * One reader for every typed answer a flow or the tracker takes. It reads the whole text for the
 * step it was typed at and says what it is: a sure reading, readings to ask about, an impossible
 * one, something other than an answer (a usage report, a question, small talk), or nothing
 * readable. No step takes the first digit it finds.
 */
import type { Stay, Use } from "../sharing/recommend.js";
import { classifySmallTalk } from "../text/small-talk.js";
import type { Threshold } from "../tracker/usage.js";
import { findAmounts } from "./amounts.js";
import { type Carrier, readCarrier, readPeople, readStay, readUse, readYesNo } from "./choices.js";
import {
  type CheckIn,
  readCheckIn,
  readDays,
  readStart,
  readThreshold,
  readTotal,
} from "./plan.js";
import { FILLERS, leftover, prepare } from "./prepare.js";
import type { Reading } from "./reading.js";
import { hasUsageCue, type PlanSize, readUsageReport, type UsageReport } from "./usage-report.js";

/** What each step asks for, and the type of its answer. */
export interface StepAnswers {
  people: number;
  stay: Stay;
  together: boolean;
  use: Use;
  occasional: boolean;
  carrier: Carrier;
  offer: boolean;
  total: number;
  days: number;
  start: string;
  threshold: Threshold;
  "check-in": CheckIn;
  confirm: boolean;
  usage: UsageReport;
}
export type Step = keyof StepAnswers;

export interface ReadContext {
  /** Today in Hong Kong, YYYY-MM-DD. */
  today: string;
  /** The plan so far: its size for thresholds and usage, its length for the start date. */
  plan?: Partial<PlanSize> & { days?: number };
}

type Reader<S extends Step> = (text: string, context: ReadContext) => Reading<StepAnswers[S]>;

/** A plan size to read usage and thresholds against when none is known yet. */
const NO_PLAN_MB = 1024 * 1024;

const READERS: { [S in Step]: Reader<S> } = {
  people: (text) => readPeople(text),
  stay: (text) => readStay(text),
  together: (text) => readYesNo(text),
  use: (text) => readUse(text),
  occasional: (text) => readYesNo(text),
  carrier: (text) => readCarrier(text),
  offer: (text) => readYesNo(text),
  total: (text) => readTotal(text),
  days: (text, { today }) => readDays(text, today),
  start: (text, { today, plan }) => readStart(text, today, plan?.days),
  threshold: (text, { plan }) => readThreshold(text, plan?.totalMb ?? NO_PLAN_MB),
  "check-in": (text) => readCheckIn(text),
  confirm: (text) => readYesNo(text),
  usage: (text, { plan }) => readUsageReport(text, { totalMb: plan?.totalMb ?? NO_PLAN_MB }),
};

/** Reads a text typed at a step. */
export function readAnswer<S extends Step>(
  step: S,
  text: string,
  context: ReadContext,
): Reading<StepAnswers[S]> {
  const prepared = prepare(text);
  if (prepared === "" || !/[\p{L}\p{N}]/u.test(prepared)) return { kind: "unreadable" };
  if (asksSomething(prepared)) return { kind: "other", what: "question" };
  if (step !== "usage" && isUsageReport(prepared, step)) return { kind: "other", what: "usage" };
  const reading = READERS[step](prepared, context);
  if (reading.kind !== "unreadable") return reading;
  const talk = classifySmallTalk(text);
  if (talk !== undefined && talk !== "junk") return { kind: "other", what: "chat" };
  if (/[?？]/u.test(text) || wordCount(prepared) >= 6) return { kind: "other", what: "question" };
  return reading;
}

const QUESTION_ZH =
  /吗|嗎|麼$|么$|咩|點樣|点样|點解|点解|怎么|怎麼|怎样|怎樣|如何|为什么|為什麼|为啥|為啥|可唔可以|可不可以|能不能|能唔能|會唔會|会不会|會不會|係唔係|系唔系|是不是|是否|有冇|有没有|有沒有|邊個|边个|邊間|边间|哪|邊度|边度|幾時|几时|幾多|几多|多少|好唔好|得唔得|使唔使|要唔要|需唔需要|需不需要|抵唔抵|夠唔夠|够不够|夠不夠|什么|什麼|甚麼|乜嘢|咩嘢|點先|点先|未[?]?$|呢[?]?$/u;
const QUESTION_EN =
  /^(?:what|how|can|could|should|is|are|do|does|did|will|would|why|where|which|who|whats|what's|hows|how's|any|anyone|isn'?t|won'?t|shall)\b(?! about)|\b(?:how (?:do|can|much|many|long|to|does)|what (?:is|if|happens|does)|can i|can we|could i|should i|do i|do we|does it|is it|is there|are there|will it|which one|is this|enough)\b/u;

/** A text that asks something is never forced into an answer ("is 10GB enough?"). */
function asksSomething(text: string): boolean {
  // "不怎么看视频" (hardly watch videos) holds 怎么 without asking anything.
  const plain = text.replace(/不怎么|不怎麼|唔點|冇幾多|没多少|沒多少/gu, " ");
  return QUESTION_ZH.test(plain) || QUESTION_EN.test(plain);
}

const USAGE_OR_MORE =
  /用咗|用左|用了|用掉|已用|使咗|\bused\b|\bmore\b|another|又用|再用|多咗|(?:^|\s)\+/u;

/**
 * A usage report typed at another step: a usage word and an amount ("用咗 2G", "I have 1GB
 * left"). At the threshold step "1GB left" answers the question, so only use counts there.
 */
function isUsageReport(text: string, step: Step): boolean {
  const cue = step === "threshold" ? USAGE_OR_MORE.test(text) : hasUsageCue(text);
  if (!cue) return false;
  if (findAmounts(text).length > 0) return true;
  return /^\d+(?:\.\d+)?$/.test(
    leftover(text, [new RegExp(USAGE_OR_MORE.source, "gu"), /剩|left|remaining/gu, ...FILLERS]),
  );
}

function wordCount(text: string): number {
  const latin = text.match(/[a-z]+/g)?.length ?? 0;
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  return latin + Math.ceil(han / 2);
}
