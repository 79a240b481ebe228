import type { Matcher, MatchResult } from "../matching/matcher.js";
import { acceptedIds, type EvalItem } from "./eval-set.js";

export interface Outcome {
  item: EvalItem;
  result: MatchResult;
  milliseconds: number;
  /** Answered outright with an accepted id, or held back when nothing should answer. */
  right: boolean;
}

export interface EvalReport {
  total: number;
  inScope: number;
  outOfScope: number;
  /** In-scope questions answered outright with an accepted id. */
  answeredRight: number;
  /** In-scope questions whose accepted id was answered or offered as "did you mean". */
  answeredOrSuggestedRight: number;
  /** In-scope questions whose first-ranked candidate is accepted, whatever the decision. */
  rankedFirst: number;
  /** Out-of-scope questions not answered outright. */
  heldBack: number;
  /** Questions answered outright with an id that is not accepted, over all questions. */
  confidentlyWrong: number;
  latencyP50: number;
  latencyP99: number;
  outcomes: Outcome[];
}

export interface Gate {
  answeredRight: number;
  answeredOrSuggestedRight: number;
  heldBack: number;
  /** The most that may be confidently wrong. */
  confidentlyWrong: number;
}

/** The floor CI holds the held-out test set to. */
export const CI_GATE: Gate = {
  answeredRight: 0.85,
  answeredOrSuggestedRight: 0.95,
  heldBack: 0.9,
  confidentlyWrong: 0.03,
};

export function evaluate(matcher: Matcher, items: EvalItem[]): EvalReport {
  const outcomes = items.map((item): Outcome => {
    const started = performance.now();
    const result = matcher.match(item.q);
    const milliseconds = performance.now() - started;
    const answered = result.decision === "answer" ? result.entry.id : undefined;
    const right =
      item.expect === null ? answered === undefined : acceptedIds(item).includes(answered ?? "");
    return { item, result, milliseconds, right };
  });

  return tally(outcomes);
}

/** The figures of a set of outcomes. */
function tally(outcomes: Outcome[]): EvalReport {
  let answeredRight = 0;
  let answeredOrSuggestedRight = 0;
  let rankedFirst = 0;
  let heldBack = 0;
  let confidentlyWrong = 0;
  for (const { item, result, right } of outcomes) {
    const accepted = acceptedIds(item);
    if (item.expect === null) {
      if (result.decision === "answer") confidentlyWrong++;
      else heldBack++;
      continue;
    }
    if (right) answeredRight++;
    else if (result.decision === "answer") confidentlyWrong++;
    const offered =
      result.decision === "suggest" ? result.suggestions.map((entry) => entry.id) : [];
    if (right || offered.some((id) => accepted.includes(id))) answeredOrSuggestedRight++;
    if (accepted.includes(result.candidates[0]?.entry.id ?? "")) rankedFirst++;
  }

  const latencies = outcomes.map((outcome) => outcome.milliseconds).sort((a, b) => a - b);
  const inScope = outcomes.filter(({ item }) => item.expect !== null).length;
  return {
    total: outcomes.length,
    inScope,
    outOfScope: outcomes.length - inScope,
    answeredRight,
    answeredOrSuggestedRight,
    rankedFirst,
    heldBack,
    confidentlyWrong,
    latencyP50: percentile(latencies, 0.5),
    latencyP99: percentile(latencies, 0.99),
    outcomes,
  };
}

/**
 * The floor for each gated eval set, by file name; hard-dev is measured only. The held-out sets
 * are held to what the matcher reached on them, less a point, so that no change slips back: a
 * ratchet, raised as the matcher improves. Issue #18's target for hard-test is 90 % answered
 * right, 98 % answered or suggested right, 95 % held back and at most 1 % confidently wrong.
 */
export const GATES: Readonly<Record<string, Gate>> = {
  "dev.yaml": CI_GATE,
  // Reached 91.3, 98.6, 100, 1.1 % (all 40 out-of-scope questions held back, from 37, once the
  // topics knew their own words); each floor is that less a point, the wrong ceiling a point above,
  // except held back: one of its 40 questions is 2.5 points, and the floor allows one. Floors are
  // only raised: it reaches 91.3, 97.8, 97.5, 1.7 % since issue #18's reading of negated questions
  // and of the asking clause, one question fewer offered and one more out-of-scope one answered.
  "test.yaml": {
    answeredRight: 0.903,
    answeredOrSuggestedRight: 0.976,
    heldBack: 0.975,
    confidentlyWrong: 0.021,
  },
  // Reached 90.8, 98.0, 97.0, 1.9 % on all 417 (84.1, 95.6, 98.2, 1.2 % before issue #18's trained
  // classifier, which took its held-back and wrong floors down from 97.8 % and 1.9 %). Floors are
  // only raised: held back less a point is below its floor, which stays, and the wrong answers
  // (8 of 417, from 7) stay under their ceiling.
  "hard-test.yaml": {
    answeredRight: 0.898,
    answeredOrSuggestedRight: 0.97,
    heldBack: 0.966,
    confidentlyWrong: 0.024,
  },
};

/** The sets only measured, never tuned on: their misses are never printed. */
export const HELD_OUT: ReadonlySet<string> = new Set(["test.yaml", "hard-test.yaml"]);

/** The four figures of each group of a report's questions: by style, or by language. */
export function breakdown(
  report: EvalReport,
  groupOf: (item: EvalItem) => string | undefined,
): { group: string; questions: number; figures: Figures }[] {
  const groups = new Map<string, Outcome[]>();
  for (const outcome of report.outcomes) {
    const group = groupOf(outcome.item);
    if (group !== undefined) groups.set(group, [...(groups.get(group) ?? []), outcome]);
  }
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, outcomes]) => ({
      group,
      questions: outcomes.length,
      figures: figuresOf(tally(outcomes)),
    }));
}

export type Figures = Record<keyof Gate, number>;

/** Share of the report's questions for each gated figure. */
export function figuresOf(report: EvalReport): Figures {
  const share = (count: number, of: number) => (of === 0 ? 1 : count / of);
  return {
    answeredRight: share(report.answeredRight, report.inScope),
    answeredOrSuggestedRight: share(report.answeredOrSuggestedRight, report.inScope),
    heldBack: share(report.heldBack, report.outOfScope),
    confidentlyWrong: report.total === 0 ? 0 : report.confidentlyWrong / report.total,
  };
}

/** The gated figures, and whether the gate holds. */
export function gateFigures(report: EvalReport, gate: Gate) {
  const figures = figuresOf(report);
  const passed =
    figures.answeredRight >= gate.answeredRight &&
    figures.answeredOrSuggestedRight >= gate.answeredOrSuggestedRight &&
    figures.heldBack >= gate.heldBack &&
    figures.confidentlyWrong <= gate.confidentlyWrong;
  return { figures, passed };
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil(fraction * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? 0;
}
