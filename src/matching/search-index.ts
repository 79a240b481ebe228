import type { Entry, KnowledgeBase } from "../kb/schema.js";
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

export interface SearchIndex {
  readonly normalizer: Normalizer;
  /** Every entry that shares a term with the query, best first. */
  rank(query: string): RankedEntry[];
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
 */
export function createSearchIndex(kb: KnowledgeBase, options: ScoringOptions): SearchIndex {
  const normalizer = createNormalizer(kb.lexicon);
  const entries = kb.entries;

  const documentEntry: number[] = [];
  const documentWeight: number[] = [];
  const postings = new Map<string, number[]>();
  const entryPostings = new Map<string, number[]>();
  const documentTerms: string[][] = [];

  entries.forEach((entry, entryIndex) => {
    const texts = [...entry.questions, entry.title["zh-Hans"], entry.title.en];
    const profile = new Set<string>();
    for (const text of texts) {
      const terms = [...new Set(normalizer.terms(text))];
      if (terms.length === 0) continue;
      const documentIndex = documentEntry.length;
      documentEntry.push(entryIndex);
      documentTerms.push(terms);
      for (const term of terms) {
        profile.add(term);
        append(postings, term, documentIndex);
      }
    }
    for (const term of profile) append(entryPostings, term, entryIndex);
  });

  // BM25's inverse document frequency over entries: a term in every entry weighs almost nothing.
  const idf = (entryCount: number) =>
    Math.log(1 + (entries.length - entryCount + 0.5) / (entryCount + 0.5));
  const termWeight = new Map<string, number>();
  for (const [term, list] of entryPostings) termWeight.set(term, idf(list.length));
  for (const terms of documentTerms) {
    documentWeight.push(terms.reduce((sum, term) => sum + (termWeight.get(term) ?? 0), 0));
  }
  const unknownTermWeight = idf(0) * options.unknownWeight;
  const maxGenericEntries = Math.max(1, entries.length * options.genericShare);
  const knownWords = new Map(normalizer.lexiconWords);
  for (const term of termWeight.keys()) knownWords.set(term, term);
  const fuzzy = new FuzzyTerms(knownWords, options.fuzzyThreshold);

  // Scratch space reused by every query: the matcher runs one query at a time.
  const queryCovered = new Float64Array(documentEntry.length);
  const documentCovered = new Float64Array(documentEntry.length);
  const entryCovered = new Float64Array(entries.length);
  const entrySpecific = new Uint8Array(entries.length);

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

  const rank = (query: string): RankedEntry[] => {
    const resolved = new Map<string, ResolvedTerm>();
    let totalWeight = 0;
    for (const term of new Set(normalizer.terms(query))) {
      const result = resolve(term);
      totalWeight += result.weight;
      const key = result.target ?? term;
      const seen = resolved.get(key);
      if (!seen || seen.similarity < result.similarity) resolved.set(key, result);
    }
    if (totalWeight === 0) return [];

    const touchedDocuments: number[] = [];
    const touchedEntries: number[] = [];
    for (const { target, similarity, weight } of resolved.values()) {
      if (target === undefined) continue;
      // A topic word is neither common to many entries nor a lone character split off a word.
      const specific =
        !isSingleHan(target) &&
        (entryPostings.get(target)?.length ?? Infinity) <= maxGenericEntries;
      for (const documentIndex of postings.get(target) ?? []) {
        if (queryCovered[documentIndex] === 0 && documentCovered[documentIndex] === 0) {
          touchedDocuments.push(documentIndex);
        }
        queryCovered[documentIndex] = (queryCovered[documentIndex] ?? 0) + weight * similarity;
        documentCovered[documentIndex] =
          (documentCovered[documentIndex] ?? 0) + (termWeight.get(target) ?? 0) * similarity;
      }
      for (const entryIndex of entryPostings.get(target) ?? []) {
        if (entryCovered[entryIndex] === 0) touchedEntries.push(entryIndex);
        entryCovered[entryIndex] = (entryCovered[entryIndex] ?? 0) + weight * similarity;
        if (specific) entrySpecific[entryIndex] = 1;
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
      const entryIndex = documentEntry[documentIndex] ?? 0;
      bestQuestion.set(entryIndex, Math.max(bestQuestion.get(entryIndex) ?? 0, f));
      queryCovered[documentIndex] = 0;
      documentCovered[documentIndex] = 0;
    }

    const candidates: RankedEntry[] = [];
    for (const entryIndex of touchedEntries) {
      const coverage = Math.min(1, (entryCovered[entryIndex] ?? 0) / totalWeight);
      const question = bestQuestion.get(entryIndex) ?? 0;
      const score = options.questionWeight * question + (1 - options.questionWeight) * coverage;
      const entry = entries[entryIndex];
      if (entry && score > 0)
        candidates.push({ entry, score, specific: entrySpecific[entryIndex] === 1 });
      entryCovered[entryIndex] = 0;
      entrySpecific[entryIndex] = 0;
    }
    return candidates.sort((a, b) => b.score - a.score);
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
