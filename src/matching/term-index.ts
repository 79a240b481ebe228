import { IntList } from "./int-list.js";
import { MAX_QUERY_CHARS, type TermLookup, type TermNumbering } from "./normalize.js";

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
 * document counts once; a document without terms is skipped.
 *
 * A large knowledge base has millions of (document, term) pairs and hundreds of thousands of
 * terms, so each pass below touches a term's figures in one place: three figures side by side
 * in one array, one cache line, rather than one line in each of three arrays.
 */
export function buildTermIndex(
  subjects: readonly (readonly string[])[],
  numbering: TermNumbering,
): TermIndex {
  let documentsGiven = 0;
  let charactersRead = 0;
  for (const documents of subjects) {
    documentsGiven += documents.length;
    for (const document of documents) charactersRead += Math.min(document.length, MAX_QUERY_CHARS);
  }
  const documentSubjects = new IntList(documentsGiven);
  const documentTermStarts = new IntList(documentsGiven + 1);
  // Room for a term per character read, which a term almost always takes at least: no copying
  // as the list grows, and a page of the room that is never written is never touched.
  const documentTermList = new IntList(charactersRead);
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

  // Per term: [documents holding it, subjects holding it, 1 + the last subject seen].
  const figures = new Int32Array(termCount * FIGURES);
  for (let documentIndex = 0; documentIndex < documentCount; documentIndex++) {
    const subjectIndex = documentSubject[documentIndex] ?? 0;
    const end = documentTermStart[documentIndex + 1] ?? 0;
    for (let at = documentTermStart[documentIndex] ?? 0; at < end; at++) {
      const base = (documentTerms[at] ?? 0) * FIGURES;
      figures[base] = (figures[base] ?? 0) + 1;
      if (figures[base + 2] !== subjectIndex + 1) {
        figures[base + 1] = (figures[base + 1] ?? 0) + 1;
        figures[base + 2] = subjectIndex + 1;
      }
    }
  }
  const postingStart = new Int32Array(termCount + 1);
  const subjectPostingStart = new Int32Array(termCount + 1);
  for (let id = 0; id < termCount; id++) {
    const at = id * FIGURES;
    postingStart[id + 1] = (postingStart[id] ?? 0) + (figures[at] ?? 0);
    subjectPostingStart[id + 1] = (subjectPostingStart[id] ?? 0) + (figures[at + 1] ?? 0);
    // From here on: [next posting, last subject posting filled, 1 + its subject].
    figures[at] = postingStart[id] ?? 0;
    figures[at + 1] = (subjectPostingStart[id] ?? 0) - 1;
    figures[at + 2] = 0;
  }

  // Documents are visited in order, so every row comes out sorted.
  const postingDocuments = new Int32Array(documentTerms.length);
  const subjectPostingSubjects = new Int32Array(subjectPostingStart[termCount] ?? 0);
  const subjectPostingCounts = new Int32Array(subjectPostingSubjects.length);
  const subjectTermTotal = new Int32Array(subjects.length);
  for (let documentIndex = 0; documentIndex < documentCount; documentIndex++) {
    const subjectIndex = documentSubject[documentIndex] ?? 0;
    const start = documentTermStart[documentIndex] ?? 0;
    const end = documentTermStart[documentIndex + 1] ?? 0;
    for (let at = start; at < end; at++) {
      const base = (documentTerms[at] ?? 0) * FIGURES;
      const posting = figures[base] ?? 0;
      postingDocuments[posting] = documentIndex;
      figures[base] = posting + 1;
      let subjectPosting = figures[base + 1] ?? 0;
      if (figures[base + 2] !== subjectIndex + 1) {
        subjectPosting++;
        subjectPostingSubjects[subjectPosting] = subjectIndex;
        figures[base + 1] = subjectPosting;
        figures[base + 2] = subjectIndex + 1;
      }
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

/** Figures kept side by side for each term while the index is built. */
const FIGURES = 3;
