import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toProbabilities, trainClassifier } from "../../src/matching/classifier.js";
import { createNormalizer } from "../../src/matching/normalize.js";
import { subjectDocuments } from "../../src/matching/search-index.js";
import { buildTermIndex, subjectsHolding, type TermIndex } from "../../src/matching/term-index.js";
import { shippedKnowledgeBase, split, splitNumbering } from "../helpers.js";

/** Each subject's log score for a query, as the search index sums it: subjects sharing no term have none. */
function logits(index: TermIndex, weights: Float64Array, query: string): Map<number, number> {
  const scores = new Map<number, number>();
  for (const term of split(query)) {
    const id = index.termIds.get(term);
    if (id === undefined) continue;
    const end = index.subjectPostingStart[id + 1] ?? 0;
    for (let at = index.subjectPostingStart[id] ?? 0; at < end; at++) {
      const subject = index.subjectPostingSubjects[at] ?? 0;
      scores.set(subject, (scores.get(subject) ?? 0) + (weights[at] ?? 0));
    }
  }
  return scores;
}

/** How far a subject's log score is ahead of the best other subject's: above 0 when it ranks first. */
function lead(index: TermIndex, weights: Float64Array, query: string, subject: number): number {
  const scores = logits(index, weights, query);
  const others = [...scores].filter(([other]) => other !== subject).map(([, score]) => score);
  return (scores.get(subject) ?? Number.NEGATIVE_INFINITY) - Math.max(...others);
}

function trained(index: TermIndex): Float64Array {
  const weights = trainClassifier(index);
  if (!weights) throw new Error("the index was not trained");
  return weights;
}

// Siblings that share most of their words, and a third subject of trip words.
const subjects = [
  ["can cards share", "share data family", "can family share data", "share card"],
  ["big carrier share", "carrier cards share family", "can big carrier cards share"],
  ["trip next week wife kids card", "next week trip", "wife kids trip card data"],
];

describe("trainClassifier", () => {
  const index = buildTermIndex(subjects, splitNumbering());
  const weights = trained(index);

  it("learns the word that sets a sibling apart", () => {
    expect(lead(index, weights, "share carrier", 1)).toBeGreaterThan(0);
    expect(lead(index, weights, "share family", 0)).toBeGreaterThan(0);
  });

  it("sends each stored question to its own subject", () => {
    for (const [subject, questions] of subjects.entries()) {
      for (const question of questions) {
        expect(lead(index, weights, question, subject)).toBeGreaterThan(0);
      }
    }
  });

  it("trains the same weights from the same knowledge base", () => {
    expect(trainClassifier(buildTermIndex(subjects, splitNumbering()))).toEqual(weights);
  });

  it("leaves untrained a knowledge base whose training would pass its budget", () => {
    // 20 epochs, each visiting every document's postings twice.
    let visits = 0;
    for (const id of index.documentTerms) visits += 2 * subjectsHolding(index, id);
    expect(trainClassifier(index, visits * 20)).toEqual(weights);
    expect(trainClassifier(index, visits * 20 - 1)).toBeUndefined();
  });

  it("trains the shipped knowledge base within its budget", async () => {
    const kb = await shippedKnowledgeBase();
    const shipped = buildTermIndex(subjectDocuments(kb), createNormalizer(kb.lexicon).numbering());
    expect(trainClassifier(shipped)).toBeInstanceOf(Float64Array);
  });
});

describe("toProbabilities", () => {
  it("turns the listed subjects' log scores into probabilities, in their order, and leaves the rest", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), { minLength: 1, maxLength: 8 }),
        (logs) => {
          const scores = Float64Array.from([...logs, 7]);
          const listed = logs.map((_, at) => at);
          toProbabilities(scores, listed, listed.length);
          const probabilities = [...scores.subarray(0, logs.length)];
          expect(probabilities.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 9);
          for (const [at, p] of probabilities.entries()) {
            expect(p).toBeGreaterThanOrEqual(0);
            const other = (at + 1) % logs.length;
            if ((logs[at] ?? 0) > (logs[other] ?? 0)) {
              expect(p).toBeGreaterThanOrEqual(probabilities[other] ?? 0);
            }
          }
          expect(scores[logs.length]).toBe(7);
        },
      ),
    );
  });
});
