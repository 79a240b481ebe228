import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toProbabilities, trainClassifier } from "../../src/matching/classifier.js";
import { buildTermIndex, type TermIndex } from "../../src/matching/term-index.js";
import { split, splitNumbering } from "../helpers.js";

/** The subject the trained weights rank first for a query, scored as the search index scores it. */
function classify(index: TermIndex, weights: Float64Array, query: string): number | undefined {
  const logits = new Map<number, number>();
  for (const term of split(query)) {
    const id = index.termIds.get(term);
    if (id === undefined) continue;
    for (
      let at = index.subjectPostingStart[id] ?? 0;
      at < (index.subjectPostingStart[id + 1] ?? 0);
      at++
    ) {
      const subject = index.subjectPostingSubjects[at] ?? 0;
      logits.set(subject, (logits.get(subject) ?? 0) + (weights[at] ?? 0));
    }
  }
  return [...logits].sort((a, b) => b[1] - a[1])[0]?.[0];
}

// Siblings that share most of their words, and a third subject of trip words.
const subjects = [
  ["can cards share", "share data family", "can family share data", "share card"],
  ["big carrier share", "carrier cards share family", "can big carrier cards share"],
  ["trip next week wife kids card", "next week trip", "wife kids trip card data"],
];

describe("trainClassifier", () => {
  const index = buildTermIndex(subjects, splitNumbering());
  const weights = trainClassifier(index);

  it("learns the word that sets a sibling apart", () => {
    expect(classify(index, weights, "carrier share")).toBe(1);
    expect(classify(index, weights, "family share")).toBe(0);
  });

  it("sends each stored question to its own subject", () => {
    for (const [subject, questions] of subjects.entries()) {
      for (const question of questions) expect(classify(index, weights, question)).toBe(subject);
    }
  });

  it("stops at its budget of postings, on part of the questions", () => {
    // Each question visits its terms' postings twice: one question's worth, and no more.
    const partial = trainClassifier(index, 1);
    const trained = partial.filter((weight) => weight !== 0).length;
    expect(trained).toBeGreaterThan(0);
    expect(trained).toBeLessThan(weights.filter((weight) => weight !== 0).length);
  });

  it("trains the same weights from the same knowledge base", () => {
    expect(trainClassifier(buildTermIndex(subjects, splitNumbering()))).toEqual(weights);
  });
});

describe("toProbabilities", () => {
  it("turns the listed subjects' log scores into probabilities, in their order, and leaves the rest", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), { minLength: 1, maxLength: 8 }),
        (logs) => {
          const scores = Float64Array.from([...logs, 7]);
          const subjects = logs.map((_, at) => at);
          toProbabilities(scores, subjects, subjects.length);
          const probabilities = [...scores.subarray(0, logs.length)];
          expect(probabilities.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 9);
          for (const [at, p] of probabilities.entries()) {
            expect(p).toBeGreaterThanOrEqual(0);
            const other = (at + 1) % logs.length;
            if ((logs[at] ?? 0) > (logs[other] ?? 0))
              expect(p).toBeGreaterThanOrEqual(probabilities[other] ?? 0);
          }
          expect(scores[logs.length]).toBe(7);
        },
      ),
    );
  });
});
