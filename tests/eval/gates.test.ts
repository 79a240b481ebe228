import { describe, expect, it } from "vitest";
import { loadEvalSet } from "../../src/eval/eval-set.js";
import { evaluate, GATES, gateFigures } from "../../src/eval/evaluate.js";
import { createMatcher } from "../../src/matching/matcher.js";
import { projectPath, shippedKnowledgeBase } from "../helpers.js";

// Only the four figures are compared: a held-out set's misses are never printed, here or in CI.
describe("answer quality on the gated eval sets", async () => {
  const matcher = createMatcher(await shippedKnowledgeBase());

  it.each(Object.entries(GATES))("meets the floor of %s", async (name, gate) => {
    const set = await loadEvalSet(projectPath(`tests/eval/${name}`));
    if (!set.ok) throw new Error(`${name}: ${set.problems.length} problem(s)`);
    const { figures } = gateFigures(evaluate(matcher, set.items), gate);
    expect(figures.answeredRight).toBeGreaterThanOrEqual(gate.answeredRight);
    expect(figures.answeredOrSuggestedRight).toBeGreaterThanOrEqual(gate.answeredOrSuggestedRight);
    expect(figures.heldBack).toBeGreaterThanOrEqual(gate.heldBack);
    expect(figures.confidentlyWrong).toBeLessThanOrEqual(gate.confidentlyWrong);
  });
});
