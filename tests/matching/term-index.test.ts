import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildTermIndex, subjectHoldsTerm, type TermIndex } from "../../src/matching/term-index.js";
import { split, splitNumbering } from "../helpers.js";

/** A row of one of the index's compressed lists. */
const row = (starts: Int32Array, values: Int32Array, at: number) => [
  ...values.subarray(starts[at], starts[at + 1]),
];

/** What the index should say, worked out the slow way with sets and maps. */
function expected(subjects: string[][]) {
  const documents = subjects.flatMap((texts, subject) =>
    texts
      .map((text) => ({ subject, terms: [...new Set(split(text))] }))
      .filter((d) => d.terms.length),
  );
  const terms = [...new Set(documents.flatMap((document) => document.terms))];
  const subjectsOf = (term: string) => {
    const counts = new Map<number, number>();
    for (const document of documents) {
      if (document.terms.includes(term))
        counts.set(document.subject, (counts.get(document.subject) ?? 0) + 1);
    }
    return counts;
  };
  return { documents, terms, subjectsOf };
}

function describeIndex(index: TermIndex) {
  const termText = index.terms;
  const documents = Array.from({ length: index.documentCount }, (_, at) => ({
    subject: index.documentSubject[at],
    terms: row(index.documentTermStart, index.documentTerms, at).map((id) => termText[id]),
  }));
  const subjectsOf = (term: string) => {
    const id = index.termIds.get(term) ?? -1;
    const subjects = row(index.subjectPostingStart, index.subjectPostingSubjects, id);
    const counts = row(index.subjectPostingStart, index.subjectPostingCounts, id);
    return new Map(subjects.map((subject, at) => [subject, counts[at]]));
  };
  return { documents, terms: termText, subjectsOf };
}

describe("buildTermIndex", () => {
  it("files each document's distinct terms, skips empty documents, and counts per subject", () => {
    const index = buildTermIndex([["a b a", "", "b c"], ["c"]], splitNumbering());
    const { documents, subjectsOf } = describeIndex(index);
    expect(documents).toEqual([
      { subject: 0, terms: ["a", "b"] },
      { subject: 0, terms: ["b", "c"] },
      { subject: 1, terms: ["c"] },
    ]);
    expect(row(index.postingStart, index.postingDocuments, index.termIds.get("b") ?? -1)).toEqual([
      0, 1,
    ]);
    expect(subjectsOf("b")).toEqual(new Map([[0, 2]]));
    expect(subjectsOf("c")).toEqual(
      new Map([
        [0, 1],
        [1, 1],
      ]),
    );
    expect([...index.subjectTermTotal]).toEqual([4, 1]);
  });

  it("agrees with a plain reading of any knowledge base, with every row sorted", () => {
    const word = fc.constantFrom("a", "b", "c", "d", "e", "f");
    const text = fc.array(word, { maxLength: 5 }).map((words) => words.join(" "));
    fc.assert(
      fc.property(fc.array(fc.array(text, { maxLength: 4 }), { maxLength: 6 }), (subjects) => {
        const index = buildTermIndex(subjects, splitNumbering());
        const actual = describeIndex(index);
        const plain = expected(subjects);
        expect(actual.documents).toEqual(
          plain.documents.map(({ subject, terms }) => ({ subject, terms })),
        );
        expect(actual.terms).toEqual(plain.terms);
        for (const term of plain.terms) {
          expect(actual.subjectsOf(term)).toEqual(plain.subjectsOf(term));
          const id = index.termIds.get(term) ?? -1;
          const postings = row(index.postingStart, index.postingDocuments, id);
          expect(postings).toEqual(
            plain.documents.flatMap((document, at) => (document.terms.includes(term) ? [at] : [])),
          );
          const subjects = row(index.subjectPostingStart, index.subjectPostingSubjects, id);
          expect(subjects).toEqual([...subjects].sort((a, b) => a - b));
          for (let subject = 0; subject < subjects.length; subject++) {
            expect(subjectHoldsTerm(index, subject, id)).toBe(plain.subjectsOf(term).has(subject));
          }
        }
      }),
    );
  });
});
