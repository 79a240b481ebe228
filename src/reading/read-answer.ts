/**
 * One reader for every typed answer a flow or the tracker takes. It reads the whole text for the
 * step it was typed at and says what it is: a sure reading, readings to ask about, an impossible
 * one, something other than an answer (a usage report, a question, small talk), or nothing
 * readable. No step takes the first digit it finds.
 */
import type { AnswerWords, Carrier } from "../kb/schema.js";
import type { Stay, Use } from "../sharing/recommend.js";
import { classifySmallTalk } from "../text/small-talk.js";
import type { Threshold } from "../tracker/usage.js";
import { findAmounts } from "./amounts.js";
import {
  type ChoiceWords,
  compileChoiceWords,
  readCarrier,
  readPeople,
  readStay,
  readUse,
} from "./choices.js";
import { findShare } from "./percent.js";
import {
  type CheckIn,
  type CheckInWords,
  compileCheckInWords,
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
import { compileYesNoWords, type LeaningStep, readYesNo, type YesNoWords } from "./yes-no.js";

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
  /** The knowledge base's answer words, which the steps read by. */
  answerWords: AnswerWords;
}

/** The answer words as the readers look for them: compiled once for each knowledge base. */
interface Vocabulary {
  yesNo: YesNoWords;
  choices: ChoiceWords;
  checkIn: CheckInWords;
}
const vocabularies = new WeakMap<AnswerWords, Vocabulary>();

function vocabularyOf(words: AnswerWords): Vocabulary {
  let vocabulary = vocabularies.get(words);
  if (!vocabulary) {
    vocabulary = {
      yesNo: compileYesNoWords(words["yes-no"]),
      choices: compileChoiceWords(words),
      checkIn: compileCheckInWords(words["check-in"]),
    };
    vocabularies.set(words, vocabulary);
  }
  return vocabulary;
}

/**
 * A step's reader: the prepared text, its context, the text with its clause breaks (`¦`), and
 * the answer words.
 */
type Reader<S extends Step> = (
  text: string,
  context: ReadContext,
  clauses: string,
  words: Vocabulary,
) => Reading<StepAnswers[S]>;

/** A plan size to read usage and thresholds against when none is known yet: the largest. */
const NO_PLAN_MB = MAX_PLAN_MB;

/** A yes or no, read by what leans each way in the answers to its question. */
const yesNo =
  (step: LeaningStep) =>
  (text: string, _context: ReadContext, clauses: string, { yesNo }: Vocabulary) =>
    readYesNo(text, yesNo, yesNo.leanings[step], clauses);

const READERS: { [S in Step]: Reader<S> } = {
  people: (_text, _context, clauses, { choices }) => readPeople(clauses, choices),
  stay: (text, _context, _clauses, { choices }) => readStay(text, choices),
  together: yesNo("together"),
  use: (text, _context, _clauses, { choices }) => readUse(text, choices),
  occasional: yesNo("occasional"),
  carrier: (text, _context, _clauses, { choices }) => readCarrier(text, choices),
  offer: yesNo("offer"),
  total: (text) => readTotal(text),
  days: (text, { today }) => readDays(text, today),
  start: (text, { today, plan }) => readStart(text, today, plan?.days),
  threshold: (text, { plan }) => readThreshold(text, plan?.totalMb ?? NO_PLAN_MB),
  "check-in": (text, _context, _clauses, { checkIn }) => readCheckIn(text, checkIn),
  confirm: yesNo("confirm"),
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
  const reading = READERS[step](prepared, context, clauses, vocabularyOf(context.answerWords));
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
