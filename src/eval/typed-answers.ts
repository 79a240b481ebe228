/**
 * The typed-answer table: texts people type at a step, with what the reader should make of them.
 * Loaded with its file and line for every problem, and measured: how many were read as expected,
 * and, the figure that must stay at zero, how many were read surely as something else.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { ANSWER_WORDS_FILE } from "../kb/load.js";
import { answerWordsSchema } from "../kb/schema.js";
import { type Problem, readYamlFile } from "../kb/yaml-source.js";
import {
  type ReadContext,
  readAnswer,
  type Step,
  type StepAnswers,
} from "../reading/read-answer.js";
import type { Reading } from "../reading/reading.js";
import { MB_PER_GB } from "../tracker/amounts.js";

const STEPS = [
  "people",
  "stay",
  "together",
  "use",
  "occasional",
  "carrier",
  "offer",
  "total",
  "days",
  "start",
  "threshold",
  "check-in",
  "confirm",
  "usage",
] as const satisfies readonly Step[];

const expectation = z.union([
  z.literal("unreadable"),
  z.strictObject({ read: z.unknown() }),
  z.strictObject({ ask: z.array(z.unknown()).min(1) }),
  z.strictObject({
    refuse: z.enum(["future", "ended", "invalid-date", "above-plan", "negative", "out-of-range"]),
  }),
  z.strictObject({ other: z.enum(["usage", "question", "chat"]) }),
]);

const itemSchema = z.strictObject({ step: z.enum(STEPS), text: z.string(), expect: expectation });
/** A text typed at a step, what the reader should make of it, and what it is read against. */
export type TypedAnswer = z.infer<typeof itemSchema> & { context: ReadContext };

export type TableResult = { ok: true; items: TypedAnswer[] } | { ok: false; problems: Problem[] };

/** The knowledge base the tables are written for: its answer words read them. */
const SHIPPED_KNOWLEDGE = fileURLToPath(new URL("../../knowledge/", import.meta.url));

/** The day the tables were written for, and one plan. */
const TABLE_DAY_AND_PLAN: Omit<ReadContext, "answerWords"> = {
  today: "2026-12-03",
  plan: { totalMb: 10 * MB_PER_GB, days: 7 },
};

/** A table, each item read with the shipped answer words on the day and plan above. */
export async function loadTypedAnswers(file: string): Promise<TableResult> {
  const words = await readYamlFile(join(SHIPPED_KNOWLEDGE, ANSWER_WORDS_FILE), answerWordsSchema);
  if (!words.ok) return words;
  const parsed = await readYamlFile(file, z.array(itemSchema));
  if (!parsed.ok) return parsed;
  const { data: items, source } = parsed;
  const problems: Problem[] = [];
  items.forEach((item, index) => {
    const { expect } = item;
    const values =
      expect === "unreadable"
        ? []
        : "read" in expect
          ? [expect.read]
          : "ask" in expect
            ? expect.ask
            : [];
    for (const value of values) {
      if (tableValue(item.step, value) === undefined) {
        problems.push(
          source.problemAt(
            [index, "expect"],
            `not a ${item.step} answer: ${JSON.stringify(value)}`,
          ),
        );
      }
    }
  });
  if (problems.length > 0) return { ok: false, problems };
  const context: ReadContext = { ...TABLE_DAY_AND_PLAN, answerWords: words.data };
  return { ok: true, items: items.map((item) => ({ ...item, context })) };
}

export type Verdict = "as-expected" | "misread" | "safe-miss";
export interface TypedAnswerOutcome {
  item: TypedAnswer;
  reading: Reading<unknown>;
  verdict: Verdict;
}

export interface TypedAnswerReport {
  outcomes: TypedAnswerOutcome[];
  asExpected: number;
  /** Sure readings that differ from what was meant: the outcome that must never happen. */
  misread: number;
}

export function evaluateTypedAnswers(items: readonly TypedAnswer[]): TypedAnswerReport {
  const outcomes = items.map((item): TypedAnswerOutcome => {
    const reading = readAnswer(item.step, item.text, item.context) as Reading<unknown>;
    return { item, reading, verdict: judge(item, reading) };
  });
  return {
    outcomes,
    asExpected: outcomes.filter((outcome) => outcome.verdict === "as-expected").length,
    misread: outcomes.filter((outcome) => outcome.verdict === "misread").length,
  };
}

function judge({ step, expect }: TypedAnswer, reading: Reading<unknown>): Verdict {
  const same = (a: unknown, b: unknown) =>
    JSON.stringify(canonical(step, a)) === JSON.stringify(canonical(step, tableValue(step, b)));
  if (reading.kind === "sure") {
    return typeof expect === "object" && "read" in expect && same(reading.value, expect.read)
      ? "as-expected"
      : "misread";
  }
  if (expect === "unreadable") return reading.kind === "unreadable" ? "as-expected" : "safe-miss";
  if ("ask" in expect && reading.kind === "ask") {
    const wanted = expect.ask.map((value) =>
      JSON.stringify(canonical(step, tableValue(step, value))),
    );
    const got = reading.options.map((value) => JSON.stringify(canonical(step, value)));
    return wanted.length === got.length && wanted.every((value) => got.includes(value))
      ? "as-expected"
      : "safe-miss";
  }
  if ("refuse" in expect && reading.kind === "refused" && reading.reason === expect.refuse) {
    return "as-expected";
  }
  if ("other" in expect && reading.kind === "other" && reading.what === expect.other) {
    return "as-expected";
  }
  return "safe-miss";
}

/** Values compared by content, amounts rounded to the megabyte. */
function canonical(step: Step, value: unknown): unknown {
  if (step === "total") return Math.round(Number(value));
  if (step === "threshold" && value && typeof value === "object" && "megabytes" in value) {
    return { megabytes: Math.round(Number(value.megabytes)) };
  }
  if (step === "usage" && value && typeof value === "object" && "megabytes" in value) {
    return { ...value, megabytes: Math.round(Number(value.megabytes)) };
  }
  return value;
}

const AMOUNT = /^(\d+(?:\.\d+)?)\s*(GB|MB)$/i;
const amount = (value: unknown): number | undefined => {
  const match = String(value).match(AMOUNT);
  if (!match) return undefined;
  return Number(match[1]) * ((match[2] ?? "").toUpperCase() === "GB" ? MB_PER_GB : 1);
};

/** A value as the table writes it ("10GB", "20%", "yes", {left: "1GB"}) in the reader's terms. */
export function tableValue<S extends Step>(step: S, value: unknown): StepAnswers[S] | undefined {
  const result = ((): unknown => {
    switch (step) {
      case "together":
      case "occasional":
      case "offer":
      case "confirm":
        return value === "yes" || value === true
          ? true
          : value === "no" || value === false
            ? false
            : undefined;
      case "total":
        return amount(value);
      case "threshold": {
        const percent = String(value).match(/^(\d+(?:\.\d+)?)%$/);
        if (percent) return { percent: Number(percent[1]) };
        const megabytes = amount(value);
        return megabytes === undefined ? undefined : { megabytes };
      }
      case "usage": {
        if (!value || typeof value !== "object") return undefined;
        const [meaning, figure] = Object.entries(value)[0] ?? [];
        const megabytes = amount(figure);
        return megabytes !== undefined && ["used", "more", "left"].includes(meaning ?? "")
          ? { meaning, megabytes }
          : undefined;
      }
      case "check-in":
        return value === "none" ||
          (Number.isInteger(value) && Number(value) >= 0 && Number(value) < 24)
          ? value
          : undefined;
      case "people":
      case "days":
        return Number.isInteger(value) ? value : undefined;
      case "start":
        return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
      default:
        return typeof value === "string" ? value : undefined;
    }
  })();
  return result as StepAnswers[S] | undefined;
}

/** The typed-answer gate: no confident misreading anywhere, and 95 % as expected on tuned tables. */
export const TYPED_GATE = { asExpected: 0.95 };

/** A table's figures and, unless it is only measured (held out), whether it passes the gate. */
export function formatTypedReport(
  file: string,
  report: TypedAnswerReport,
  { heldOut, showMisses }: { heldOut: boolean; showMisses: boolean },
): { text: string; passed: boolean } {
  const total = report.outcomes.length;
  const share = total ? report.asExpected / total : 1;
  const passed = report.misread === 0 && (heldOut || share >= TYPED_GATE.asExpected);
  const asked = report.outcomes.filter(
    (outcome) => outcome.verdict === "safe-miss" && outcome.reading.kind === "ask",
  ).length;
  const misses = report.outcomes.filter((outcome) => outcome.verdict !== "as-expected");
  const lines = [
    `${file}: ${total} typed answers${heldOut ? " (held out: measured, never tuned on)" : ""}`,
    `  read or asked back as expected  ${(share * 100).toFixed(1).padStart(5)} %  ${report.asExpected}/${total}${heldOut ? "" : `  gate ≥ ${TYPED_GATE.asExpected * 100} %`}`,
    `  confident misreadings           ${String(report.misread).padStart(7)}  gate = 0`,
    `  of the rest: asked back ${asked}, re-asked or sent elsewhere ${total - report.asExpected - report.misread - asked}`,
    ...(showMisses
      ? misses.map(
          ({ item, reading, verdict }) =>
            `    ${verdict === "misread" ? "✗ misread" : "~ missed "} ${item.step} ${JSON.stringify(item.text)} want ${JSON.stringify(item.expect)} · got ${JSON.stringify(reading)}`,
        )
      : []),
    passed ? "  gate: passed" : "  gate: FAILED",
    "",
  ];
  return { text: lines.join("\n"), passed };
}
