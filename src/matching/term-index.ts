import { IntList } from "./int-list.js";
import type { TermLookup, TermNumbering } from "./term-numbering.js";

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
  readonly termIds: TermLookup;
  /** Term texts by number. */
  readonly terms: readonly string[];
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
 * document counts once; a document without terms is skipped. The rows are sized by a first pass
 * over the documents and filled by a second.
 */
export function buildTermIndex(
  subjects: readonly (readonly string[])[],
  numbering: TermNumbering,
): TermIndex {
  const documentSubjects = new IntList();
  const documentTermStarts = new IntList();
  const documentTermList = new IntList();
  subjects.forEach((documents, subjectIndex) => {
    for (const document of documents) {
      const start = documentTermList.length;
      numbering.read(document, documentTermList);
      if (documentTermList.length === start) continue;
      documentTermList.keepDistinctFrom(start);
      documentSubjects.push(subjectIndex);
      documentTermStarts.push(start);
    }
  });
  documentTermStarts.push(documentTermList.length);

  const termIds = numbering.termIds;
  const termCount = termIds.size;
  const documentCount = documentSubjects.length;
  const documentSubject = documentSubjects.toArray();
  const documentTermStart = documentTermStarts.toArray();
  const documentTerms = documentTermList.toArray();

  // Per term: first how many documents and subjects hold it, then where its rows start.
  const postingStart = new Int32Array(termCount + 1);
  const subjectPostingStart = new Int32Array(termCount + 1);
  // Per term: 1 + the last subject seen holding it, so that a subject counts once.
  const lastSubject = new Int32Array(termCount);
  for (let documentIndex = 0; documentIndex < documentCount; documentIndex++) {
    const subjectIndex = documentSubject[documentIndex] ?? 0;
    const end = documentTermStart[documentIndex + 1] ?? 0;
    for (let at = documentTermStart[documentIndex] ?? 0; at < end; at++) {
      const id = documentTerms[at] ?? 0;
      postingStart[id + 1] = (postingStart[id + 1] ?? 0) + 1;
      if (lastSubject[id] !== subjectIndex + 1) {
        subjectPostingStart[id + 1] = (subjectPostingStart[id + 1] ?? 0) + 1;
        lastSubject[id] = subjectIndex + 1;
      }
    }
  }
  for (let id = 0; id < termCount; id++) {
    postingStart[id + 1] = (postingStart[id + 1] ?? 0) + (postingStart[id] ?? 0);
    subjectPostingStart[id + 1] =
      (subjectPostingStart[id + 1] ?? 0) + (subjectPostingStart[id] ?? 0);
  }

  // Documents are visited in order, so every row comes out sorted.
  const nextPosting = postingStart.slice(0, termCount);
  const nextSubjectPosting = subjectPostingStart.slice(0, termCount);
  lastSubject.fill(0);
  const postingDocuments = new Int32Array(documentTerms.length);
  const subjectPostingSubjects = new Int32Array(subjectPostingStart[termCount] ?? 0);
  const subjectPostingCounts = new Int32Array(subjectPostingSubjects.length);
  const subjectTermTotal = new Int32Array(subjects.length);
  for (let documentIndex = 0; documentIndex < documentCount; documentIndex++) {
    const subjectIndex = documentSubject[documentIndex] ?? 0;
    const start = documentTermStart[documentIndex] ?? 0;
    const end = documentTermStart[documentIndex + 1] ?? 0;
    for (let at = start; at < end; at++) {
      const id = documentTerms[at] ?? 0;
      const posting = nextPosting[id] ?? 0;
      postingDocuments[posting] = documentIndex;
      nextPosting[id] = posting + 1;
      if (lastSubject[id] !== subjectIndex + 1) {
        subjectPostingSubjects[nextSubjectPosting[id] ?? 0] = subjectIndex;
        nextSubjectPosting[id] = (nextSubjectPosting[id] ?? 0) + 1;
        lastSubject[id] = subjectIndex + 1;
      }
      const subjectPosting = (nextSubjectPosting[id] ?? 0) - 1;
      subjectPostingCounts[subjectPosting] = (subjectPostingCounts[subjectPosting] ?? 0) + 1;
    }
    subjectTermTotal[subjectIndex] = (subjectTermTotal[subjectIndex] ?? 0) + end - start;
  }

  return {
    termIds,
    terms: numbering.terms,
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

/** How many subjects hold a term: the length of its subject row. */
export function subjectsHolding(index: TermIndex, termId: number): number {
  return (index.subjectPostingStart[termId + 1] ?? 0) - (index.subjectPostingStart[termId] ?? 0);
}

/** The lowest-numbered subject that holds a term (its sorted row's first), if any does. */
export function firstSubjectHolding(index: TermIndex, termId: number): number | undefined {
  if (subjectsHolding(index, termId) === 0) return undefined;
  return index.subjectPostingSubjects[index.subjectPostingStart[termId] ?? 0];
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
