// npm run tune -- [dev file]: grid-searches the matcher's options on the dev set and prints the best.
// Tune on tests/eval/dev.yaml only: test.yaml is held out, and tuning on it would make its figures lie.
import { basename } from "node:path";
import { loadEvalSet } from "../eval/eval-set.js";
import { CI_GATE, evaluate, gateFigures } from "../eval/evaluate.js";
import { formatProblem } from "../kb/load.js";
import { DEFAULT_MATCHER_OPTIONS, decide, type MatcherOptions } from "../matching/matcher.js";
import { createSearchIndex } from "../matching/search-index.js";
import { loadKnowledgeBaseOrExit } from "./knowledge-dir.js";

const file = process.argv[2] ?? "tests/eval/dev.yaml";
if (basename(file).startsWith("test")) {
  console.error(`${file} is the held-out set: tune on the dev set instead.`);
  process.exit(2);
}
const set = await loadEvalSet(file);
if (!set.ok) {
  for (const problem of set.problems) console.error(formatProblem(problem));
  process.exit(1);
}
const kb = await loadKnowledgeBaseOrExit();

const grid = {
  questionWeight: [0.5, 0.7, 0.9],
  beta: [0.7, 1, 1.5],
  unknownWeight: [0.4, 0.6, 0.8],
  genericShare: [0.3, 0.5],
  fuzzyThreshold: [DEFAULT_MATCHER_OPTIONS.fuzzyThreshold],
  answerScore: [0.3, 0.35, 0.4, 0.45, 0.5, 0.55],
  answerMargin: [0.04, 0.08, 0.12, 0.16],
  suggestScore: [0.15, 0.2, 0.25],
  suggestRatio: [DEFAULT_MATCHER_OPTIONS.suggestRatio],
  declineRatio: [0.6, 0.7, 0.8, 0.9, 1],
} satisfies Record<keyof MatcherOptions, number[]>;

/** Every combination of the listed values. */
function* combinations<K extends string>(space: Record<K, number[]>): Generator<Record<K, number>> {
  const keys = Object.keys(space) as K[];
  const walk = function* (
    at: number,
    picked: Partial<Record<K, number>>,
  ): Generator<Record<K, number>> {
    const key = keys[at];
    if (key === undefined) {
      yield picked as Record<K, number>;
      return;
    }
    for (const value of space[key]) yield* walk(at + 1, { ...picked, [key]: value });
  };
  yield* walk(0, {});
}

const { answerScore, answerMargin, suggestScore, suggestRatio, declineRatio, ...scoringGrid } =
  grid;
const decisionGrid = { answerScore, answerMargin, suggestScore, suggestRatio, declineRatio };

interface Trial {
  options: MatcherOptions;
  objective: number;
  summary: string;
}
const trials: Trial[] = [];
for (const scoring of combinations(scoringGrid)) {
  const index = createSearchIndex(kb, scoring);
  const rankings = new Map(set.items.map((item) => [item.q, index.rank(item.q)]));
  for (const decision of combinations(decisionGrid)) {
    const options = { ...scoring, ...decision };
    const report = evaluate(
      {
        normalizer: index.normalizer,
        match: (q) => decide(rankings.get(q) ?? { entries: [] }, decision),
      },
      set.items,
    );
    const { figures } = gateFigures(report, CI_GATE);
    // A confidently wrong answer is the worst outcome: allow at most 1.5 % of dev, and hold back 95 %.
    if (figures.confidentlyWrong > 0.015 || figures.heldBack < 0.95) continue;
    const objective =
      report.answeredRight + report.answeredOrSuggestedRight - 2 * report.confidentlyWrong;
    const summary = `answered ${report.answeredRight}/${report.inScope}, answered or suggested ${report.answeredOrSuggestedRight}, ranked first ${report.rankedFirst}, held back ${report.heldBack}/${report.outOfScope}, wrong ${report.confidentlyWrong}`;
    trials.push({ options, objective, summary });
  }
}

trials.sort((a, b) => b.objective - a.objective);
for (const trial of trials.slice(0, 10)) {
  console.log(trial.summary);
  console.log(`  ${JSON.stringify(trial.options)}`);
}
