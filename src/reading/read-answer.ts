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
import {
  type Carrier,
  type Leanings,
  readCarrier,
  readPeople,
  readStay,
  readUse,
  readYesNo,
} from "./choices.js";
import { findShare } from "./percent.js";
import {
  type CheckIn,
  MAX_PLAN_MB,
  readCheckIn,
  readDays,
  readStart,
  readThreshold,
  readTotal,
} from "./plan.js";
import { prepare } from "./prepare.js";
import { asksSomething } from "./question.js";
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

/** A step's reader: the prepared text, its context, and the text with its clause breaks (`¦`). */
type Reader<S extends Step> = (
  text: string,
  context: ReadContext,
  clauses: string,
) => Reading<StepAnswers[S]>;

/** A plan size to read usage and thresholds against when none is known yet: the largest. */
const NO_PLAN_MB = MAX_PLAN_MB;

/** What leans each way in the answers to each yes-or-no question. */
const LEANINGS: Record<"together" | "occasional" | "offer" | "confirm", Leanings> = {
  together: {
    yes: /together|一齊|一齐|一起|一塊|一块|same place|all the time|成日|一直/u,
    no: /apart|split|separate|on (?:my|our|his|her) own|conference|分開|分开|各自|各忙|自己周圍|返工|上班|work/u,
  },
  occasional: {
    yes: /sometimes|only|hotel|wi-?fi|now and then|barely|rarely|間中|间中|偶爾|偶尔|淨係|只|酒店/u,
    no: /every ?day|all (?:of us )?need|always|all the time|日日|每天|每日|成日|一直|都要/u,
  },
  offer: {
    yes: /remind|track|run out|提|用爆|追蹤|追踪/u,
    no: /myself|my own|自己/u,
  },
  confirm: {
    yes: /looks good|good|correct|right|save|啱|冇錯|没错|保存|儲存/u,
    no: /edit|change|wrong|wait|改|錯|错|等/u,
  },
};

const READERS: { [S in Step]: Reader<S> } = {
  people: (_text, _context, clauses) => readPeople(clauses),
  stay: (text) => readStay(text),
  together: (text, _context, clauses) => readYesNo(text, LEANINGS.together, clauses),
  use: (text) => readUse(text),
  occasional: (text, _context, clauses) => readYesNo(text, LEANINGS.occasional, clauses),
  carrier: (text) => readCarrier(text),
  offer: (text, _context, clauses) => readYesNo(text, LEANINGS.offer, clauses),
  total: (text) => readTotal(text),
  days: (text, { today }) => readDays(text, today),
  start: (text, { today, plan }) => readStart(text, today, plan?.days),
  threshold: (text, { plan }) => readThreshold(text, plan?.totalMb ?? NO_PLAN_MB),
  "check-in": (text) => readCheckIn(text),
  confirm: (text, _context, clauses) => readYesNo(text, LEANINGS.confirm, clauses),
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
  // Where a clause ends: "no, all of us need it" answers no, then says why.
  const clauses = prepare(text.replace(/[,，。！!？?;；、]/gu, " ¦ "));
  const reading = READERS[step](prepared, context, clauses);
  if (reading.kind !== "unreadable") return reading;
  const talk = classifySmallTalk(text);
  if (talk !== undefined && talk !== "junk") return { kind: "other", what: "chat" };
  if (/[?？]/u.test(text) || wordCount(prepared) >= 6) return { kind: "other", what: "question" };
  return reading;
}

/**
 * A usage report typed at another step: a usage word and an amount or a share ("用咗 2G", "I
 * have 1GB left", "用咗一半"). A bare number is never one: "me + 2" answers how many people. The
 * threshold step tells "warn me when 8GB used" from "used 2.3 GB" itself.
 */
function isUsageReport(text: string, step: Step): boolean {
  if (step === "threshold") return false;
  return hasUsageCue(text) && (findAmounts(text).length > 0 || findShare(text) !== undefined);
}

function wordCount(text: string): number {
  const latin = text.match(/[a-z]+/g)?.length ?? 0;
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  return latin + Math.ceil(han / 2);
}
