import type { TermNumbering } from "./normalize.js";

/**
 * The inverted index under the search: documents (stored questions) grouped by subject, their
 * terms numbered, and for each term the documents and subjects that hold it.
 *
 * Every list lives in one typed array, cut by a start array (row `i` is `start[i]` up to
 * `start[i + 1]`): a large knowledge base has a hundred thousand terms, and as many small
 * arrays each were most of the build's time and garbage.
 */
export interface TermIndex {
  /** Term numbers by text, as the numbering gave them. */
  readonly termIds: ReadonlyMap<string, number>;
  readonly documentCount: number;
  /** The subject of each document. */
  readonly documentSubject: Int32Array;
  /** Each document's distinct terms, in order: rows by document. */
  readonly documentTermStart: Int32Array;
  readonly documentTerms: Int32Array;
  /** The documents that hold each term, in order: rows by term. */
  readonly postingStart: Int32Array;
  readonly postingDocuments: Int32Array;
  /** The subjects that hold each term, in order, and how many of their documents do: rows by term. */
  readonly subjectPostingStart: Int32Array;
  readonly subjectPostingSubjects: Int32Array;
  readonly subjectPostingCounts: Int32Array;
  /** How many (document, term) pairs each subject has. */
  readonly subjectTermTotal: Int32Array;
}

/**
 * Indexes the documents of each subject, as a new numbering reads them. A term repeated within a
 * document counts once; a document without terms is skipped.
 */
export function buildTermIndex(
  subjects: readonly (readonly string[])[],
  numbering: TermNumbering,
): TermIndex {
  const documentSubjects: number[] = [];
  const documentTermStarts: number[] = [];
  const documentTermList: number[] = [];
  // Per term: documents and subjects holding it, and the last of each it was seen in.
  const documentFrequency: number[] = [];
  const subjectFrequency: number[] = [];
  const lastDocument: number[] = [];
  const lastSubject: number[] = [];

  subjects.forEach((documents, subjectIndex) => {
    for (const document of documents) {
      const ids = numbering.read(document);
      if (ids.length === 0) continue;
      const documentIndex = documentSubjects.length;
      documentSubjects.push(subjectIndex);
      documentTermStarts.push(documentTermList.length);
      for (const id of ids) {
        // A new numbering gives each new term the next number.
        while (lastDocument.length <= id) {
          documentFrequency.push(0);
          subjectFrequency.push(0);
          lastDocument.push(-1);
          lastSubject.push(-1);
        }
        if (lastDocument[id] === documentIndex) continue;
        lastDocument[id] = documentIndex;
        documentTermList.push(id);
        documentFrequency[id] = (documentFrequency[id] ?? 0) + 1;
        if (lastSubject[id] !== subjectIndex) {
          lastSubject[id] = subjectIndex;
          subjectFrequency[id] = (subjectFrequency[id] ?? 0) + 1;
        }
      }
    }
  });
  documentTermStarts.push(documentTermList.length);

  const termIds = numbering.termIds;
  const documentCount = documentSubjects.length;
  const documentSubject = Int32Array.from(documentSubjects);
  const documentTermStart = Int32Array.from(documentTermStarts);
  const documentTerms = Int32Array.from(documentTermList);
  const postingStart = startsOf(documentFrequency);
  const subjectPostingStart = startsOf(subjectFrequency);
  const postingDocuments = new Int32Array(documentTerms.length);
  const subjectPostingSubjects = new Int32Array(subjectPostingStart[termIds.size] ?? 0);
  const subjectPostingCounts = new Int32Array(subjectPostingSubjects.length);
  const subjectTermTotal = new Int32Array(subjects.length);

  // Documents are visited in order, so every row comes out sorted. The frequencies are reused
  // as each row's fill level.
  documentFrequency.fill(0);
  subjectFrequency.fill(0);
  lastSubject.fill(-1);
  for (let documentIndex = 0; documentIndex < documentCount; documentIndex++) {
    const subjectIndex = documentSubject[documentIndex] ?? 0;
    const end = documentTermStart[documentIndex + 1] ?? 0;
    for (let at = documentTermStart[documentIndex] ?? 0; at < end; at++) {
      const id = documentTerms[at] ?? 0;
      postingDocuments[(postingStart[id] ?? 0) + (documentFrequency[id] ?? 0)] = documentIndex;
      documentFrequency[id] = (documentFrequency[id] ?? 0) + 1;
      if (lastSubject[id] !== subjectIndex) {
        lastSubject[id] = subjectIndex;
        subjectPostingSubjects[(subjectPostingStart[id] ?? 0) + (subjectFrequency[id] ?? 0)] =
          subjectIndex;
        subjectFrequency[id] = (subjectFrequency[id] ?? 0) + 1;
      }
      const countAt = (subjectPostingStart[id] ?? 0) + (subjectFrequency[id] ?? 0) - 1;
      subjectPostingCounts[countAt] = (subjectPostingCounts[countAt] ?? 0) + 1;
      subjectTermTotal[subjectIndex] = (subjectTermTotal[subjectIndex] ?? 0) + 1;
    }
  }

  return {
    termIds,
    documentCount,
    documentSubject,
    documentTermStart,
    documentTerms,
    postingStart,
    postingDocuments,
    subjectPostingStart,
    subjectPostingSubjects,
    subjectPostingCounts,
    subjectTermTotal,
  };
}

/** Whether a subject holds a term: a binary search of the term's sorted subject row. */
export function subjectHoldsTerm(index: TermIndex, subject: number, termId: number): boolean {
  const subjects = index.subjectPostingSubjects;
  let low = index.subjectPostingStart[termId] ?? 0;
  let high = (index.subjectPostingStart[termId + 1] ?? 0) - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const found = subjects[middle] ?? 0;
    if (found === subject) return true;
    if (found < subject) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** Row starts for rows of the given lengths, with the total at the end. */
function startsOf(lengths: readonly number[]): Int32Array {
  const starts = new Int32Array(lengths.length + 1);
  for (let row = 0; row < lengths.length; row++) {
    starts[row + 1] = (starts[row] ?? 0) + (lengths[row] ?? 0);
  }
  return starts;
}
