import type { Entry, KnowledgeBase, OutOfScopeTopic } from "../kb/schema.js";
import type { Normalizer } from "./normalize.js";
import { createQuestionPart } from "./question-part.js";
import { createSearchIndex, type Ranking, type ScoringOptions } from "./search-index.js";

/** An entry and how well it fits the question: a confidence in [0, 1], where 1 is a perfect fit. */
export interface Candidate {
  entry: Entry;
  score: number;
}

export type MatchResult =
  | { decision: "answer"; entry: Entry; candidates: Candidate[] }
  | { decision: "suggest"; suggestions: Entry[]; candidates: Candidate[] }
  | {
      decision: "none";
      candidates: Candidate[];
      /** The known out-of-scope topic the question is about, when it is one. */
      outOfScope?: OutOfScopeTopic;
    };

export type Decision = MatchResult["decision"];

/** When the ranking is trusted enough to answer, to offer "did you mean", or neither. */
export interface DecisionOptions {
  /** The best candidate is answered outright only from this score… */
  answerScore: number;
  /** …and only this far ahead of the runner-up. */
  answerMargin: number;
  /**
   * …or from this lower score, when it is `leadMargin` ahead of every other candidate: a long
   * or chatty question fits no stored one closely, yet only one entry fits it at all.
   */
  leadScore: number;
  /** How far ahead of every other candidate, out-of-scope topics included, `leadScore` asks. */
  leadMargin: number;
  /**
   * Whatever its score, the best candidate's own words must fit the question this well
   * (`RankedEntry.match`). The classifiers are sure of an entry that is the only one to share
   * the question's topic word, even when the question is about something else:
   * "难道港卡打电话都要先拨852" shares 打电话 with card-what-is, which says cards come with
   * calls, and asks about dialling codes, which no entry covers.
   */
  answerMatch: number;
  /**
   * A stored question fitting the user's this closely is answered even when the only words they
   * share are common ones: "港卡是什么" is all common words, and exactly what card-what-is answers.
   */
  closeMatch: number;
  /** Candidates below this score are never offered as "did you mean". */
  suggestScore: number;
  /** Suggestions must score at least this share of the best candidate's score. */
  suggestRatio: number;
  /**
   * An out-of-scope topic that explains a word the best entry does not, and scores this share of
   * the best entry's score, declines the question: topics hold fewer phrasings than entries, so
   * they rarely fit as closely.
   */
  declineRatio: number;
  /**
   * …and from this lower share when that word is one no entry holds at all: "Spotify 的 family
   * plan 在香港可以跟内地家人一起共享吗" fits sharing-supported in every word but the one it is about.
   */
  ownSubjectRatio: number;
}

export type MatcherOptions = ScoringOptions & DecisionOptions;

/**
 * Tuned on tests/eval/dev.yaml and hard-dev.yaml with `npm run tune`, never on the held-out sets.
 * A confidently wrong answer costs more than a "did you mean", so the answer bar is set where the
 * dev sets have almost none.
 */
export const DEFAULT_MATCHER_OPTIONS: MatcherOptions = {
  questionWeight: 0.8,
  beta: 1,
  unknownWeight: 0.4,
  genericShare: 0.3,
  fuzzyThreshold: 0.34,
  classifierWeight: 0.6,
  answerScore: 0.65,
  answerMargin: 0.12,
  leadScore: 0.55,
  leadMargin: 0.3,
  answerMatch: 0.35,
  closeMatch: 0.95,
  suggestScore: 0.2,
  suggestRatio: 0.5,
  declineRatio: 0.8,
  ownSubjectRatio: 0.4,
};

export interface Matcher {
  match(query: string): MatchResult;
  readonly normalizer: Normalizer;
}

const MAX_CANDIDATES = 5;
const MAX_SUGGESTIONS = 3;

export function createMatcher(kb: KnowledgeBase, overrides: Partial<MatcherOptions> = {}): Matcher {
  const options = { ...DEFAULT_MATCHER_OPTIONS, ...overrides };
  const index = createSearchIndex(kb, options);
  const questionPart = createQuestionPart(kb.lexicon.asking);
  return {
    normalizer: index.normalizer,
    match: (query) => matchQuery(query, index.rank, questionPart, options),
  };
}

/**
 * The decision on a message: on its whole text, and, when that is neither answered nor declined,
 * on the clauses that ask (`questionPart`) alone. Clauses that only tell (the trip, the family,
 * a greeting) dilute the one that asks, but may also hold what it is about ("…大运营商的卡，
 * 能共享吗"), so where neither reading is sure, both readings' suggestions are offered. The
 * asking clause's answer stands only where the whole message ranks that entry among its
 * candidates too: read alone, "…keep checking my usage. Is that really necessary?" asks whether
 * anything at all is necessary. A whole message declined as a known out-of-scope topic stays
 * declined: what it tells ("in Macau") may be what no entry covers.
 */
export function matchQuery(
  query: string,
  rank: (text: string) => Ranking,
  questionPart: (text: string) => string | undefined,
  options: DecisionOptions,
): MatchResult {
  const whole = decide(rank(query), options);
  if (whole.decision === "answer" || (whole.decision === "none" && whole.outOfScope)) return whole;
  const asked = questionPart(query);
  if (asked === undefined) return whole;
  const focused = decide(rank(asked), options);
  if (whole.decision === "none") return focused;
  if (focused.decision === "none") return whole;
  if (focused.decision === "answer") {
    const { entry } = focused;
    if (whole.candidates.some((candidate) => candidate.entry.id === entry.id)) return focused;
  }
  // Both unsure: the asking clause's guesses first, then the whole message's.
  const guesses = focused.decision === "answer" ? [focused.entry] : focused.suggestions;
  const suggestions = [...guesses, ...whole.suggestions].filter(
    (entry, at, all) => all.findIndex((other) => other.id === entry.id) === at,
  );
  return {
    decision: "suggest",
    suggestions: suggestions.slice(0, MAX_SUGGESTIONS),
    candidates: focused.candidates,
  };
}

/**
 * Whether the ranking's out-of-scope topic declines the question: it fits better than every
 * entry; or nearly as well, knowing a word of it that the best entry does not; or, from a lower
 * score, knowing a word of it that no entry holds at all.
 */
function topicDeclines({ entries, outOfScope: topic }: Ranking, options: DecisionOptions): boolean {
  if (!topic || topic.score < options.suggestScore) return false;
  const bestScore = entries[0]?.score ?? 0;
  return (
    topic.score >= bestScore ||
    (topic.explainsMore && topic.score >= bestScore * options.declineRatio) ||
    (topic.namesItsOwnSubject && topic.score >= bestScore * options.ownSubjectRatio)
  );
}

/**
 * Turns a ranking into a decision: answer only a clear, on-topic winner, and decline a question
 * that an out-of-scope topic claims (`topicDeclines`).
 */
export function decide(ranking: Ranking, options: DecisionOptions): MatchResult {
  const ranked = ranking.entries;
  const candidates = ranked.slice(0, MAX_CANDIDATES).map(({ entry, score }) => ({ entry, score }));
  const [best, runnerUp] = ranked;
  const topic = ranking.outOfScope;
  if (topic && topicDeclines(ranking, options)) {
    return { decision: "none", candidates, outOfScope: topic.topic };
  }
  if (!best || best.score < options.suggestScore) return { decision: "none", candidates };
  const lead = best.score - Math.max(runnerUp?.score ?? 0, topic?.score ?? 0);
  const onTopic = best.specific || best.question >= options.closeMatch;
  const sure =
    (best.score >= options.answerScore && lead >= options.answerMargin) ||
    (best.score >= options.leadScore && lead >= options.leadMargin);
  if (sure && onTopic && best.match >= options.answerMatch) {
    return { decision: "answer", entry: best.entry, candidates };
  }
  const floor = Math.max(options.suggestScore, best.score * options.suggestRatio);
  const suggestions = ranked
    .filter((candidate) => candidate.score >= floor)
    .slice(0, MAX_SUGGESTIONS)
    .map((candidate) => candidate.entry);
  return { decision: "suggest", suggestions, candidates };
}
