import type { Entry, KnowledgeBase, OutOfScopeTopic } from "../kb/schema.js";
import { FuzzyTerms } from "./fuzzy-terms.js";
import { createNormalizer, type Normalizer } from "./normalize.js";

/** How a query is scored against the knowledge base; see DEFAULT_SCORING. */
export interface ScoringOptions {
  /** Weight of the best single stored question against the entry's coverage of the query. */
  questionWeight: number;
  /** Fβ of the question match: above 1 favours covering the stored question over the user's words. */
  beta: number;
  /** Weight of a word the index has never seen, as a share of the rarest known word's weight. */
  unknownWeight: number;
  /** Terms found in more than this share of entries are too common to show a topic. */
  genericShare: number;
  /** fuse.js score (0 = exact) up to which a misspelt word counts as the known one. */
  fuzzyThreshold: number;
}

/** An entry as ranked for one query, with a confidence in [0, 1], where 1 is a perfect fit. */
export interface RankedEntry {
  entry: Entry;
  score: number;
  /** Whether it shares a topic word with the query: not only words as common as 香港 or 流量卡. */
  specific: boolean;
}

/** An out-of-scope topic that fits the query, scored like an entry. */
export interface RankedTopic {
  topic: OutOfScopeTopic;
  score: number;
}

export interface Ranking {
  /** Every entry that shares a term with the query, best first. */
  entries: RankedEntry[];
  /** The out-of-scope topic that fits best, if any shares a term with the query. */
  outOfScope?: RankedTopic;
}

export interface SearchIndex {
  readonly normalizer: Normalizer;
  rank(query: string): Ranking;
}

/** One query term as the index understands it: the known term it stands for, if any. */
interface ResolvedTerm {
  target: string | undefined;
  similarity: number;
  weight: number;
}

/**
 * Builds the search index for a knowledge base. Each stored question (and each entry title) is a
 * document of canonical terms; a query is scored against the documents that share a term with it
 * (an inverted index keeps that cheap), by term rarity, in both directions: how much of the
 * user's question the stored one covers, and how much of the stored one the user's covers.
 *
 * Out-of-scope topics are indexed and scored exactly like entries (the "subjects" below are the
 * entries followed by the topics), so a question about prices finds the prices topic rather
 * than the nearest entry that mentions cards.
 */
export function createSearchIndex(kb: KnowledgeBase, options: ScoringOptions): SearchIndex {
  const normalizer = createNormalizer(kb.lexicon);
  const { entries, outOfScope } = kb;
  const subjectTexts = [
    ...entries.map((entry) => [...entry.questions, entry.title["zh-Hans"], entry.title.en]),
    ...outOfScope.map((topic) => topic.questions),
  ];
  const subjectCount = subjectTexts.length;

  const documentSubject: number[] = [];
  const documentWeight: number[] = [];
  const postings = new Map<string, number[]>();
  const subjectPostings = new Map<string, number[]>();
  const documentTerms: string[][] = [];

  subjectTexts.forEach((texts, subjectIndex) => {
    const profile = new Set<string>();
    for (const text of texts) {
      const terms = [...new Set(normalizer.terms(text))];
      if (terms.length === 0) continue;
      const documentIndex = documentSubject.length;
      documentSubject.push(subjectIndex);
      documentTerms.push(terms);
      for (const term of terms) {
        profile.add(term);
        append(postings, term, documentIndex);
      }
    }
    for (const term of profile) append(subjectPostings, term, subjectIndex);
  });

  // BM25's inverse document frequency over subjects: a term in every one weighs almost nothing.
  const idf = (subjectsWithTerm: number) =>
    Math.log(1 + (subjectCount - subjectsWithTerm + 0.5) / (subjectsWithTerm + 0.5));
  const termWeight = new Map<string, number>();
  for (const [term, list] of subjectPostings) termWeight.set(term, idf(list.length));
  for (const terms of documentTerms) {
    documentWeight.push(terms.reduce((sum, term) => sum + (termWeight.get(term) ?? 0), 0));
  }
  const unknownTermWeight = idf(0) * options.unknownWeight;
  const maxGenericSubjects = Math.max(1, subjectCount * options.genericShare);
  const knownWords = new Map(normalizer.lexiconWords);
  for (const term of termWeight.keys()) knownWords.set(term, term);
  const fuzzy = new FuzzyTerms(knownWords, options.fuzzyThreshold);

  // Scratch space reused by every query: the matcher runs one query at a time.
  const queryCovered = new Float64Array(documentSubject.length);
  const documentCovered = new Float64Array(documentSubject.length);
  const subjectCovered = new Float64Array(subjectCount);
  const subjectSpecific = new Uint8Array(subjectCount);

  const resolve = (term: string): ResolvedTerm => {
    const weight = termWeight.get(term);
    if (weight !== undefined) return { target: term, similarity: 1, weight };
    const hit = fuzzy.correct(term);
    if (hit)
      return {
        target: hit.term,
        similarity: hit.similarity,
        weight: termWeight.get(hit.term) ?? 0,
      };
    return { target: undefined, similarity: 0, weight: unknownTermWeight };
  };

  const rank = (query: string): Ranking => {
    const resolved = new Map<string, ResolvedTerm>();
    let totalWeight = 0;
    for (const term of new Set(normalizer.queryTerms(query))) {
      const result = resolve(term);
      totalWeight += result.weight;
      const key = result.target ?? term;
      const seen = resolved.get(key);
      if (!seen || seen.similarity < result.similarity) resolved.set(key, result);
    }
    if (totalWeight === 0) return { entries: [] };

    // Questions are scored only if they share a specific term with the query: walking the
    // postings of 香港 or 流量卡 would visit most of a large knowledge base for every query. The
    // common terms are then added to the questions already found, from their own term lists.
    const terms = [...resolved.values()].filter(
      (term): term is ResolvedTerm & { target: string } => term.target !== undefined,
    );
    const isCommon = (term: string) =>
      (subjectPostings.get(term)?.length ?? 0) > maxGenericSubjects;
    const walked = terms.some((term) => !isCommon(term.target))
      ? terms.filter((term) => !isCommon(term.target))
      : terms;
    const added = terms.filter((term) => !walked.includes(term));

    const touchedDocuments: number[] = [];
    const touchedSubjects: number[] = [];
    const cover = (documentIndex: number, { target, similarity, weight }: ResolvedTerm) => {
      queryCovered[documentIndex] = (queryCovered[documentIndex] ?? 0) + weight * similarity;
      documentCovered[documentIndex] =
        (documentCovered[documentIndex] ?? 0) + (termWeight.get(target ?? "") ?? 0) * similarity;
    };
    for (const term of walked) {
      for (const documentIndex of postings.get(term.target) ?? []) {
        if (queryCovered[documentIndex] === 0 && documentCovered[documentIndex] === 0) {
          touchedDocuments.push(documentIndex);
        }
        cover(documentIndex, term);
      }
    }
    for (const documentIndex of touchedDocuments) {
      const inDocument = documentTerms[documentIndex] ?? [];
      for (const term of added) if (inDocument.includes(term.target)) cover(documentIndex, term);
    }
    for (const { target, similarity, weight } of terms) {
      // A topic word is neither common to many entries nor a lone character split off a word.
      const specific = !isSingleHan(target) && !isCommon(target);
      for (const subjectIndex of subjectPostings.get(target) ?? []) {
        if (subjectCovered[subjectIndex] === 0) touchedSubjects.push(subjectIndex);
        subjectCovered[subjectIndex] = (subjectCovered[subjectIndex] ?? 0) + weight * similarity;
        if (specific) subjectSpecific[subjectIndex] = 1;
      }
    }

    const bestQuestion = new Map<number, number>();
    const betaSquared = options.beta * options.beta;
    for (const documentIndex of touchedDocuments) {
      const precision = (queryCovered[documentIndex] ?? 0) / totalWeight;
      const weightOfDocument = documentWeight[documentIndex] ?? 0;
      const recall =
        weightOfDocument > 0 ? (documentCovered[documentIndex] ?? 0) / weightOfDocument : 0;
      const f =
        precision + recall > 0
          ? ((1 + betaSquared) * precision * recall) / (betaSquared * recall + precision)
          : 0;
      const subjectIndex = documentSubject[documentIndex] ?? 0;
      bestQuestion.set(subjectIndex, Math.max(bestQuestion.get(subjectIndex) ?? 0, f));
      queryCovered[documentIndex] = 0;
      documentCovered[documentIndex] = 0;
    }

    const ranked: RankedEntry[] = [];
    let outOfScopeBest: RankedTopic | undefined;
    for (const subjectIndex of touchedSubjects) {
      const coverage = Math.min(1, (subjectCovered[subjectIndex] ?? 0) / totalWeight);
      const question = bestQuestion.get(subjectIndex) ?? 0;
      const score = options.questionWeight * question + (1 - options.questionWeight) * coverage;
      const entry = entries[subjectIndex];
      const topic = outOfScope[subjectIndex - entries.length];
      if (entry) ranked.push({ entry, score, specific: subjectSpecific[subjectIndex] === 1 });
      else if (topic && score > (outOfScopeBest?.score ?? 0)) outOfScopeBest = { topic, score };
      subjectCovered[subjectIndex] = 0;
      subjectSpecific[subjectIndex] = 0;
    }
    ranked.sort((a, b) => b.score - a.score);
    return outOfScopeBest ? { entries: ranked, outOfScope: outOfScopeBest } : { entries: ranked };
  };

  return { normalizer, rank };
}

function isSingleHan(term: string): boolean {
  return term.length === 1 && /\p{Script=Han}/u.test(term);
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
