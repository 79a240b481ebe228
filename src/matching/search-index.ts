import type { Entry, KnowledgeBase, OutOfScopeTopic } from "../kb/schema.js";
import { isSingleHan } from "./characters.js";
import { toProbabilities, trainClassifier } from "./classifier.js";
import { FuzzyTerms } from "./fuzzy-terms.js";
import { TouchedList } from "./int-list.js";
import { createNormalizer, type Normalizer } from "./normalize.js";
import {
  buildTermIndex,
  firstSubjectHolding,
  subjectHoldsTerm,
  subjectsHolding,
} from "./term-index.js";

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
  /**
   * Weight of the classifiers' posterior in a subject's score, against the question match above.
   * The question match looks at one stored question at a time; the posterior weighs the
   * evidence of all of a subject's questions together, which tells sibling entries apart.
   */
  classifierWeight: number;
}

/** An entry as ranked for one query, with a confidence in [0, 1], where 1 is a perfect fit. */
export interface RankedEntry {
  entry: Entry;
  score: number;
  /** Whether it shares a topic word with the query: not only words as common as 香港 or 流量卡. */
  specific: boolean;
  /** How closely its best stored question fits the query, in [0, 1]. */
  question: number;
  /** How well its words fit the query, before the classifiers weigh in: in [0, 1]. */
  match: number;
}

/** An out-of-scope topic that fits the query, scored like an entry. */
export interface RankedTopic {
  topic: OutOfScopeTopic;
  score: number;
  /**
   * Whether it shares a topic word with the query that the best entry lacks: "港卡去日本可以漫游吗"
   * asks about roaming, which no entry explains, whereas every word of "港卡 查询 剩余流量" that
   * the short-codes topic knows, the best entry knows too. Never for small talk, which names no
   * subject.
   */
  explainsMore: boolean;
  /**
   * Whether that word is one no entry holds at all (Netflix, 澳门, APN): what the question is
   * about is then something no entry answers, however well the rest of it fits one.
   */
  namesItsOwnSubject: boolean;
}

export interface Ranking {
  /** The best of the entries that share a term with the query (at most RANKED_ENTRIES), best first. */
  entries: RankedEntry[];
  /** The out-of-scope topic that fits best, if any shares a term with the query. */
  outOfScope?: RankedTopic;
}

/** What the index reads of a knowledge base. */
export type IndexedKnowledge = Pick<KnowledgeBase, "entries" | "outOfScope" | "lexicon">;

export interface SearchIndex {
  readonly normalizer: Normalizer;
  rank(query: string): Ranking;
}

/** One query term as the index understands it: the number of the known term it stands for, if any. */
interface ResolvedTerm {
  id: number | undefined;
  similarity: number;
  weight: number;
}

type KnownTerm = ResolvedTerm & { id: number };

/**
 * How many postings a query walks before the commoner of its terms are only added to the
 * questions already found. Far above the shipped knowledge base's size: it binds only on large ones.
 */
const WALK_BUDGET = 20_000;

/** Additive smoothing of the naive Bayes term counts: a subject without a term is unlikely, not impossible. */
const SMOOTHING = 0.1;
/** log(1 + count / SMOOTHING) for the small counts that almost every posting has. */
const COUNT_EVIDENCE = Float64Array.from({ length: 64 }, (_, count) =>
  Math.log1p(count / SMOOTHING),
);
const countEvidence = (count: number) => COUNT_EVIDENCE[count] ?? Math.log1p(count / SMOOTHING);

/** Entries a ranking keeps: enough for an answer, its runner-up, the candidates and suggestions. */
export const RANKED_ENTRIES = 10;

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
export function createSearchIndex(kb: IndexedKnowledge, options: ScoringOptions): SearchIndex {
  const normalizer = createNormalizer(kb.lexicon);
  const { entries, outOfScope } = kb;
  const subjectTexts = subjectDocuments(kb);
  const subjectCount = subjectTexts.length;

  const index = buildTermIndex(subjectTexts, normalizer.numbering());
  const {
    termIds,
    terms: termTexts,
    documentCount,
    documentSubject,
    documentTermStart,
    documentTerms,
    postingStart,
    postingDocuments,
    subjectPostingStart,
    subjectPostingSubjects,
    subjectPostingCounts,
  } = index;
  const termCount = termIds.size;
  const postingCount = (id: number) => (postingStart[id + 1] ?? 0) - (postingStart[id] ?? 0);

  // BM25's inverse document frequency over subjects: a term in every one weighs almost nothing.
  const idf = (subjectsWithTerm: number) =>
    Math.log(1 + (subjectCount - subjectsWithTerm + 0.5) / (subjectsWithTerm + 0.5));
  const termWeight = new Float64Array(termCount);
  for (let id = 0; id < termCount; id++) termWeight[id] = idf(subjectsHolding(index, id));
  const documentWeight = new Float64Array(documentCount);
  for (let documentIndex = 0; documentIndex < documentCount; documentIndex++) {
    const end = documentTermStart[documentIndex + 1] ?? 0;
    let weight = 0;
    for (let at = documentTermStart[documentIndex] ?? 0; at < end; at++) {
      weight += termWeight[documentTerms[at] ?? 0] ?? 0;
    }
    documentWeight[documentIndex] = weight;
  }
  const unknownTermWeight = idf(0) * options.unknownWeight;
  // The naive Bayes denominator of each subject, in logs: its term count plus the smoothing.
  const subjectLogTotal = Float64Array.from(index.subjectTermTotal, (total) =>
    Math.log(total + SMOOTHING * termCount),
  );
  // Undefined on a knowledge base too large to train: Bayes alone weighs its subjects.
  const learnedWeights = trainClassifier(index);
  const maxGenericSubjects = Math.max(1, subjectCount * options.genericShare);
  // A term of the index stands for itself, whatever the lexicon would fold the word to. A word
  // only the lexicon knows is as common as the term it folds to: "chek" is "check" (查询), which
  // many questions ask, sooner than "cheap", which one question holds.
  const fuzzy = new FuzzyTerms(options.fuzzyThreshold, (add) => {
    for (let id = 0; id < termCount; id++) {
      const term = termTexts[id] ?? "";
      add(term, term, postingCount(id));
    }
    for (const [word, term] of normalizer.lexiconWords) {
      const id = termIds.get(term);
      if (!termIds.has(word)) add(word, term, id === undefined ? 0 : postingCount(id));
    }
  });

  // Scratch space reused by every query: the matcher runs one query at a time.
  const queryCovered = new Float64Array(documentCount);
  const documentCovered = new Float64Array(documentCount);
  const subjectCovered = new Float64Array(subjectCount);
  const subjectSpecific = new Uint8Array(subjectCount);
  const bestQuestion = new Float64Array(subjectCount);
  const bayesEvidence = new Float64Array(subjectCount);
  const learnedEvidence = new Float64Array(subjectCount);
  const addedTerm: (KnownTerm | undefined)[] = new Array(termCount);
  const touchedDocuments = new TouchedList(documentCount);
  const touchedSubjects = new TouchedList(subjectCount);

  const resolve = (term: string): ResolvedTerm => {
    const id = termIds.get(term);
    if (id !== undefined) return { id, similarity: 1, weight: termWeight[id] ?? 0 };
    const hit = fuzzy.correct(term);
    const hitId = hit ? termIds.get(hit.term) : undefined;
    if (hit && hitId !== undefined)
      return { id: hitId, similarity: hit.similarity, weight: termWeight[hitId] ?? 0 };
    return { id: undefined, similarity: 0, weight: unknownTermWeight };
  };
  const isCommon = (term: KnownTerm) => subjectsHolding(index, term.id) > maxGenericSubjects;
  const holds = (subjectIndex: number, term: KnownTerm) =>
    subjectHoldsTerm(index, subjectIndex, term.id);
  // Subjects are numbered entries first: a term's first subject tells whether any entry holds it.
  const heldByAnEntry = (term: KnownTerm) =>
    (firstSubjectHolding(index, term.id) ?? entries.length) < entries.length;
  const subjectOfEntry = new Map(entries.map((entry, subjectIndex) => [entry, subjectIndex]));

  const rank = (query: string): Ranking => {
    const resolved = new Map<number | string, ResolvedTerm>();
    let totalWeight = 0;
    for (const term of new Set(normalizer.queryTerms(query))) {
      const result = resolve(term);
      totalWeight += result.weight;
      const key = result.id ?? term;
      const seen = resolved.get(key);
      if (!seen || seen.similarity < result.similarity) resolved.set(key, result);
    }
    if (totalWeight === 0) return { entries: [] };

    // Questions are scored only if they share a specific term with the query: walking the
    // postings of 香港 or 流量卡 would visit most of a large knowledge base for every query. The
    // rarest terms are walked, up to a budget of postings; the others are then added to the
    // questions already found, from their own term lists. A question that shares only common
    // words with the query covers little of it, so it could not have ranked high anyway.
    const terms = [...resolved.values()]
      .filter((term): term is KnownTerm => term.id !== undefined)
      .sort((a, b) => postingCount(a.id) - postingCount(b.id));
    const specificTerms = terms.filter((term) => !isCommon(term));
    const walked: KnownTerm[] = [];
    let budget = WALK_BUDGET;
    for (const term of specificTerms.length > 0 ? specificTerms : terms) {
      const length = postingCount(term.id);
      if (walked.length > 0 && length > budget) break;
      walked.push(term);
      budget -= length;
    }
    const added = terms.filter((term) => !walked.includes(term));

    touchedDocuments.clear();
    touchedSubjects.clear();
    const cover = (documentIndex: number, { id, similarity, weight }: KnownTerm) => {
      queryCovered[documentIndex] = (queryCovered[documentIndex] ?? 0) + weight * similarity;
      documentCovered[documentIndex] =
        (documentCovered[documentIndex] ?? 0) + (termWeight[id] ?? 0) * similarity;
    };
    for (const term of walked) {
      const end = postingStart[term.id + 1] ?? 0;
      for (let at = postingStart[term.id] ?? 0; at < end; at++) {
        const documentIndex = postingDocuments[at] ?? 0;
        if (queryCovered[documentIndex] === 0 && documentCovered[documentIndex] === 0) {
          touchedDocuments.add(documentIndex);
        }
        cover(documentIndex, term);
      }
    }
    if (added.length > 0) {
      for (const term of added) addedTerm[term.id] = term;
      for (let at = 0; at < touchedDocuments.length; at++) {
        const documentIndex = touchedDocuments.indices[at] ?? 0;
        const end = documentTermStart[documentIndex + 1] ?? 0;
        for (let at = documentTermStart[documentIndex] ?? 0; at < end; at++) {
          const term = addedTerm[documentTerms[at] ?? 0];
          if (term) cover(documentIndex, term);
        }
      }
      for (const term of added) addedTerm[term.id] = undefined;
    }
    // A topic word is neither common to many entries nor a lone character split off a word.
    const isSpecific = (term: KnownTerm) => !isSingleHan(termTexts[term.id]) && !isCommon(term);
    for (const term of terms) {
      const specific = isSpecific(term);
      const end = subjectPostingStart[term.id + 1] ?? 0;
      for (let at = subjectPostingStart[term.id] ?? 0; at < end; at++) {
        const subjectIndex = subjectPostingSubjects[at] ?? 0;
        if (subjectCovered[subjectIndex] === 0) touchedSubjects.add(subjectIndex);
        subjectCovered[subjectIndex] =
          (subjectCovered[subjectIndex] ?? 0) + term.weight * term.similarity;
        bayesEvidence[subjectIndex] =
          (bayesEvidence[subjectIndex] ?? 0) + countEvidence(subjectPostingCounts[at] ?? 0);
        if (learnedWeights) {
          learnedEvidence[subjectIndex] =
            (learnedEvidence[subjectIndex] ?? 0) + (learnedWeights[at] ?? 0) * term.similarity;
        }
        if (specific) subjectSpecific[subjectIndex] = 1;
      }
    }

    const betaSquared = options.beta * options.beta;
    for (let at = 0; at < touchedDocuments.length; at++) {
      const documentIndex = touchedDocuments.indices[at] ?? 0;
      const precision = (queryCovered[documentIndex] ?? 0) / totalWeight;
      const weightOfDocument = documentWeight[documentIndex] ?? 0;
      const recall =
        weightOfDocument > 0 ? (documentCovered[documentIndex] ?? 0) / weightOfDocument : 0;
      const f =
        precision + recall > 0
          ? ((1 + betaSquared) * precision * recall) / (betaSquared * recall + precision)
          : 0;
      const subjectIndex = documentSubject[documentIndex] ?? 0;
      bestQuestion[subjectIndex] = Math.max(bestQuestion[subjectIndex] ?? 0, f);
      queryCovered[documentIndex] = 0;
      documentCovered[documentIndex] = 0;
    }

    // Two classifiers over the subjects that share a term with the query (the others are all but
    // ruled out), averaged: naive Bayes, the log likelihood of the query's known terms up to a
    // shared constant, and the trained softmax (classifier.ts). On dev and hard-dev their mean is
    // confidently wrong less often than either alone.
    for (let at = 0; at < touchedSubjects.length; at++) {
      const subjectIndex = touchedSubjects.indices[at] ?? 0;
      bayesEvidence[subjectIndex] =
        (bayesEvidence[subjectIndex] ?? 0) - terms.length * (subjectLogTotal[subjectIndex] ?? 0);
    }
    toProbabilities(bayesEvidence, touchedSubjects.indices, touchedSubjects.length);
    if (learnedWeights) {
      toProbabilities(learnedEvidence, touchedSubjects.indices, touchedSubjects.length);
    }

    const ranked: RankedEntry[] = [];
    let bestTopic: { index: number; score: number } | undefined;
    for (let at = 0; at < touchedSubjects.length; at++) {
      const subjectIndex = touchedSubjects.indices[at] ?? 0;
      const coverage = Math.min(1, (subjectCovered[subjectIndex] ?? 0) / totalWeight);
      const question = bestQuestion[subjectIndex] ?? 0;
      const match = options.questionWeight * question + (1 - options.questionWeight) * coverage;
      const bayes = bayesEvidence[subjectIndex] ?? 0;
      const posterior = learnedWeights ? (bayes + (learnedEvidence[subjectIndex] ?? 0)) / 2 : bayes;
      const score = (1 - options.classifierWeight) * match + options.classifierWeight * posterior;
      if (subjectIndex < entries.length) {
        const entry = entries[subjectIndex] as Entry;
        const specific = subjectSpecific[subjectIndex] === 1;
        keepBest(ranked, { entry, score, specific, question, match });
      } else if (score > (bestTopic?.score ?? 0)) {
        bestTopic = { index: subjectIndex, score };
      }
      subjectCovered[subjectIndex] = 0;
      subjectSpecific[subjectIndex] = 0;
      bayesEvidence[subjectIndex] = 0;
      learnedEvidence[subjectIndex] = 0;
      bestQuestion[subjectIndex] = 0;
    }
    if (!bestTopic) return { entries: ranked };
    const topicIndex = bestTopic.index;
    const bestEntryIndex = ranked[0] && subjectOfEntry.get(ranked[0].entry);
    const topic = outOfScope[topicIndex - entries.length] as OutOfScopeTopic;
    // Small talk names no subject: "thanks! one more thing, can my kids…" asks about the kids.
    const unexplained = topic.smallTalk
      ? []
      : terms.filter(
          (term) =>
            isSpecific(term) &&
            holds(topicIndex, term) &&
            (bestEntryIndex === undefined || !holds(bestEntryIndex, term)),
        );
    return {
      entries: ranked,
      outOfScope: {
        topic,
        score: bestTopic.score,
        explainsMore: unexplained.length > 0,
        namesItsOwnSubject: unexplained.some((term) => !heldByAnEntry(term)),
      },
    };
  };

  return { normalizer, rank };
}

/** The documents of each subject, as the index reads them: the entries' questions and titles, then the topics' questions. */
export function subjectDocuments({ entries, outOfScope }: IndexedKnowledge): string[][] {
  return [
    ...entries.map((entry) => [...entry.questions, entry.title["zh-Hans"], entry.title.en]),
    ...outOfScope.map((topic) => topic.questions),
  ];
}

/** Inserts an entry into a list kept sorted best first and at most RANKED_ENTRIES long. */
function keepBest(ranked: RankedEntry[], candidate: RankedEntry): void {
  if (ranked.length === RANKED_ENTRIES && candidate.score <= (ranked.at(-1)?.score ?? 0)) return;
  let at = ranked.length;
  while (at > 0 && (ranked[at - 1]?.score ?? 0) < candidate.score) at--;
  ranked.splice(at, 0, candidate);
  if (ranked.length > RANKED_ENTRIES) ranked.pop();
}
