import { subjectsHolding, type TermIndex } from "./term-index.js";

/** Passes over the stored questions: 10 answer four fewer right on dev and hard-dev, 30 no more. */
const EPOCHS = 20;
/** The step of gradient descent: at 0.5 the weights settle within the epochs, none beyond ±10. */
const LEARNING_RATE = 0.5;
/**
 * The most postings training may visit, some 200 ms: the shipped knowledge base needs 3.6 million
 * for its epochs, about 65 ms. A knowledge base of thousands of entries would need billions, and
 * is not trained at all: a classifier trained on a sample of its questions would pull every
 * ranking toward the few entries it happened to see.
 */
const TRAINING_BUDGET = 12_000_000;

/**
 * A softmax classifier over subjects, trained on their documents (stored questions and titles) by
 * stochastic gradient descent on the log loss: one weight per (term, subject) posting, the
 * evidence that a question holding the term is about the subject. The weights line up with the
 * index's subject postings. Undefined when training would visit more than `budget` postings.
 *
 * It is scored, as it is trained, over the subjects that share a term with the question, and a
 * term a subject lacks counts neither for nor against it. Naive Bayes charges a subject for every
 * word it lacks, so the context around a long question ("next week, with my wife and kids…")
 * pulls it to the broad entries that hold the most words; trained to tell subjects apart, the
 * weights also learn which words set siblings apart ("大运营商" beside "能共享吗").
 */
export function trainClassifier(
  index: TermIndex,
  budget = TRAINING_BUDGET,
): Float64Array | undefined {
  const { subjectPostingStart, subjectPostingSubjects, documentTermStart, documentTerms } = index;
  // Each epoch visits every document's postings twice: to score it, then to correct the weights.
  let visitsPerEpoch = 0;
  for (let at = 0; at < documentTerms.length; at++) {
    visitsPerEpoch += 2 * subjectsHolding(index, documentTerms[at] ?? 0);
  }
  if (visitsPerEpoch * EPOCHS > budget) return undefined;

  const weights = new Float64Array(subjectPostingSubjects.length);
  const subjectCount = index.subjectTermTotal.length;
  const logits = new Float64Array(subjectCount);
  const isTouched = new Uint8Array(subjectCount);
  const touched: number[] = [];
  const order = Int32Array.from({ length: index.documentCount }, (_, at) => at);
  const random = seededRandom(1);

  /** Calls `visit` with each posting of a document's terms: its place and its subject. */
  const eachPosting = (
    documentIndex: number,
    visit: (posting: number, subject: number) => void,
  ) => {
    const end = documentTermStart[documentIndex + 1] ?? 0;
    for (let at = documentTermStart[documentIndex] ?? 0; at < end; at++) {
      const id = documentTerms[at] ?? 0;
      const last = subjectPostingStart[id + 1] ?? 0;
      for (let posting = subjectPostingStart[id] ?? 0; posting < last; posting++) {
        visit(posting, subjectPostingSubjects[posting] ?? 0);
      }
    }
  };

  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    shuffle(order, random);
    for (const documentIndex of order) {
      eachPosting(documentIndex, (posting, subject) => {
        if (isTouched[subject] === 0) {
          isTouched[subject] = 1;
          touched.push(subject);
        }
        logits[subject] = (logits[subject] ?? 0) + (weights[posting] ?? 0);
      });
      toProbabilities(logits, touched, touched.length);
      // The log loss's gradient on a posting: the subject's probability, less 1 for the right one.
      const answer = index.documentSubject[documentIndex] ?? 0;
      eachPosting(documentIndex, (posting, subject) => {
        const error = (logits[subject] ?? 0) - (subject === answer ? 1 : 0);
        weights[posting] = (weights[posting] ?? 0) - LEARNING_RATE * error;
      });
      for (const subject of touched) {
        logits[subject] = 0;
        isTouched[subject] = 0;
      }
      touched.length = 0;
    }
  }
  return weights;
}

/** Turns the log scores of the first `count` listed subjects into probabilities summing to 1, in place. */
export function toProbabilities(
  scores: Float64Array,
  subjects: ArrayLike<number>,
  count: number,
): void {
  let max = Number.NEGATIVE_INFINITY;
  for (let at = 0; at < count; at++) max = Math.max(max, scores[subjects[at] ?? 0] ?? 0);
  let sum = 0;
  for (let at = 0; at < count; at++) {
    const subject = subjects[at] ?? 0;
    const relative = Math.exp((scores[subject] ?? 0) - max);
    scores[subject] = relative;
    sum += relative;
  }
  for (let at = 0; at < count; at++) {
    const subject = subjects[at] ?? 0;
    scores[subject] = (scores[subject] ?? 0) / sum;
  }
}

/** mulberry32: the same knowledge base trains the same weights, run after run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Fisher–Yates, in place. */
function shuffle(values: Int32Array, random: () => number): void {
  for (let at = values.length - 1; at > 0; at--) {
    const other = Math.floor(random() * (at + 1));
    const value = values[at] ?? 0;
    values[at] = values[other] ?? 0;
    values[other] = value;
  }
}
