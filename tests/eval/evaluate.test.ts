import { describe, expect, it } from "vitest";
import type { EvalItem } from "../../src/eval/eval-set.js";
import { CI_GATE, evaluate, gateFigures, percentile } from "../../src/eval/evaluate.js";
import type { Entry } from "../../src/kb/schema.js";
import type { Matcher, MatchResult } from "../../src/matching/matcher.js";
import { createNormalizer } from "../../src/matching/normalize.js";

const entry = (id: string) => ({ id }) as Entry;

/** A matcher that returns a scripted result for each question. */
function scripted(results: Record<string, MatchResult>): Matcher {
  return {
    normalizer: createNormalizer({ synonyms: [], cantonese: {}, stopwords: [] }),
    match: (query) => results[query] ?? { decision: "none", candidates: [] },
  };
}
const answer = (id: string): MatchResult => ({
  decision: "answer",
  entry: entry(id),
  candidates: [{ entry: entry(id), score: 0.9 }],
});
const suggest = (...ids: string[]): MatchResult => ({
  decision: "suggest",
  suggestions: ids.map(entry),
  candidates: ids.map((id) => ({ entry: entry(id), score: 0.4 })),
});

describe("evaluate", () => {
  const items: EvalItem[] = [
    { q: "right", expect: "a", accept: [] },
    { q: "accepted", expect: "a", accept: ["b"] },
    { q: "offered", expect: "c", accept: [] },
    { q: "wrong", expect: "a", accept: [] },
    { q: "held", expect: null, accept: [] },
    { q: "leaked", expect: null, accept: [] },
  ];
  const report = evaluate(
    scripted({
      right: answer("a"),
      accepted: answer("b"),
      offered: suggest("d", "c"),
      wrong: answer("z"),
      held: suggest("a"),
      leaked: answer("a"),
    }),
    items,
  );

  it("counts each figure as the eval defines it", () => {
    expect(report).toMatchObject({
      total: 6,
      inScope: 4,
      outOfScope: 2,
      answeredRight: 2,
      answeredOrSuggestedRight: 3,
      rankedFirst: 2,
      heldBack: 1,
      confidentlyWrong: 2,
    });
  });

  it("fails the CI gate on these figures", () => {
    const { figures, passed } = gateFigures(report, CI_GATE);
    expect(figures.answeredRight).toBe(0.5);
    expect(figures.confidentlyWrong).toBeCloseTo(2 / 6);
    expect(passed).toBe(false);
  });
});

describe("percentile", () => {
  it("takes the nearest rank", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 0.5)).toBe(50);
    expect(percentile(values, 0.99)).toBe(99);
    expect(percentile([], 0.5)).toBe(0);
  });
});
