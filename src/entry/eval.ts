// npm run eval -- [files…] [--typed] [--no-gate] [--no-misses]: measures answer quality on eval
// sets (default: tests/eval/*.yaml) and, with no files or with --typed, how the flows read typed
// answers (tests/reading). The held-out sets never print their misses, and --no-misses prints the
// figures only for every set: nobody tunes on a held-out question by reading it in a log.
import { readdir } from "node:fs/promises";
import { basename, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { acceptedIds, loadEvalSet } from "../eval/eval-set.js";
import {
  breakdown,
  type EvalReport,
  evaluate,
  figuresOf,
  GATES,
  type Gate,
  gateFigures,
  HELD_OUT,
  type Outcome,
} from "../eval/evaluate.js";
import {
  evaluateTypedAnswers,
  formatTypedReport,
  loadTypedAnswers,
} from "../eval/typed-answers.js";
import { formatProblem } from "../kb/load.js";
import { createMatcher } from "../matching/matcher.js";
import { loadKnowledgeBaseOrExit } from "./load-or-exit.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    "no-gate": { type: "boolean", default: false },
    "no-misses": { type: "boolean", default: false },
    typed: { type: "boolean", default: false },
  },
});

const testsDir = (folder: string) =>
  relative(process.cwd(), fileURLToPath(new URL(`../../tests/${folder}`, import.meta.url)));
const yamlIn = async (folder: string) =>
  (await readdir(testsDir(folder)))
    .filter((name) => name.endsWith(".yaml"))
    .sort()
    .map((name) => join(testsDir(folder), name));
const files = values.typed ? [] : positionals.length > 0 ? positionals : await yamlIn("eval");

const matcher = createMatcher(await loadKnowledgeBaseOrExit());
let failed = false;

for (const file of files) {
  const set = await loadEvalSet(file);
  if (!set.ok) {
    for (const problem of set.problems) console.error(formatProblem(problem));
    failed = true;
    continue;
  }
  const report = evaluate(matcher, set.items);
  const gate = values["no-gate"] ? undefined : GATES[basename(file)];
  const passed = gate ? gateFigures(report, gate).passed : undefined;
  if (passed === false) failed = true;
  const showMisses = !values["no-misses"] && !HELD_OUT.has(basename(file));
  console.log(formatReport(file, report, gate, passed, showMisses));
}

if (values.typed || positionals.length === 0) {
  const tables = [
    ...(await yamlIn("reading")).map((file) => ({ file, heldOut: false })),
    ...(await yamlIn("reading/heldout")).map((file) => ({ file, heldOut: true })),
  ];
  for (const { file, heldOut } of tables) {
    const table = await loadTypedAnswers(file);
    if (!table.ok) {
      for (const problem of table.problems) console.error(formatProblem(problem));
      failed = true;
      continue;
    }
    const showMisses = !values["no-misses"] && !heldOut;
    const { text, passed } = formatTypedReport(file, evaluateTypedAnswers(table.items), {
      heldOut,
      showMisses,
    });
    if (!values["no-gate"] && !passed) failed = true;
    console.log(text);
  }
}
process.exit(failed ? 1 : 0);

function percent(share: number): string {
  return `${(share * 100).toFixed(1).padStart(5)} %`;
}

function formatReport(
  file: string,
  report: EvalReport,
  gate: Gate | undefined,
  passed: boolean | undefined,
  showMisses: boolean,
): string {
  const figures = figuresOf(report);
  const floor = (sign: string, share: number | undefined) =>
    share === undefined ? "" : `gate ${sign} ${percent(share)}`;
  const row = (label: string, share: number, count: string, gateText: string) =>
    `  ${label.padEnd(30)} ${percent(share)}  ${count.padEnd(10)} ${gateText}`;
  const misses = report.outcomes.filter((outcome) => !outcome.right);
  return [
    `${file}: ${report.total} questions, ${report.inScope} in scope, ${report.outOfScope} out of scope`,
    row(
      "answered right",
      figures.answeredRight,
      `${report.answeredRight}/${report.inScope}`,
      floor("≥", gate?.answeredRight),
    ),
    row(
      "answered or suggested right",
      figures.answeredOrSuggestedRight,
      `${report.answeredOrSuggestedRight}/${report.inScope}`,
      floor("≥", gate?.answeredOrSuggestedRight),
    ),
    row(
      "out of scope held back",
      figures.heldBack,
      `${report.heldBack}/${report.outOfScope}`,
      floor("≥", gate?.heldBack),
    ),
    row(
      "confidently wrong",
      figures.confidentlyWrong,
      `${report.confidentlyWrong}/${report.total}`,
      floor("≤", gate?.confidentlyWrong),
    ),
    row(
      "right entry ranked first",
      report.inScope ? report.rankedFirst / report.inScope : 1,
      `${report.rankedFirst}/${report.inScope}`,
      "",
    ),
    `  latency p50 ${report.latencyP50.toFixed(3)} ms, p99 ${report.latencyP99.toFixed(3)} ms`,
    ...formatBreakdown(report, "style", (item) => item.style),
    ...formatBreakdown(report, "language", (item) => item.language),
    `  misses (${misses.length})${showMisses ? ":" : ", not shown"}`,
    ...(showMisses ? misses.map(formatMiss) : []),
    passed === undefined ? "  gate: not applied" : passed ? "  gate: passed" : "  gate: FAILED",
    "",
  ].join("\n");
}

function formatMiss({ item, result }: Outcome): string {
  const accepted = acceptedIds(item);
  const got =
    result.decision === "answer"
      ? `answer ${result.entry.id}`
      : result.decision === "suggest"
        ? `suggest ${result.suggestions.map((entry) => entry.id).join(", ")}`
        : "none";
  const rescued =
    result.decision === "suggest" &&
    result.suggestions.some((entry) => accepted.includes(entry.id));
  const mark = result.decision === "answer" ? "✗ wrong" : rescued ? "~ offered" : "✗ missed";
  const top = result.candidates
    .slice(0, 3)
    .map((candidate) => `${candidate.entry.id} ${candidate.score.toFixed(2)}`)
    .join(", ");
  return `    ${mark.padEnd(9)} ${JSON.stringify(item.q)} want ${item.expect ?? "nothing"} · got ${got} · top ${top || "-"}`;
}

/** The four figures per style or language, for the sets whose questions carry one. */
function formatBreakdown(
  report: EvalReport,
  label: string,
  groupOf: Parameters<typeof breakdown>[1],
): string[] {
  const groups = breakdown(report, groupOf);
  if (groups.length === 0) return [];
  return [
    `  by ${label.padEnd(27)}${"n".padStart(5)} ${["right", "+offered", "held back", "wrong"]
      .map((heading) => heading.padStart(10))
      .join(" ")}`,
    ...groups.map(
      ({ group, questions, figures }) =>
        `    ${group.padEnd(26)} ${String(questions).padStart(5)} ${[
          figures.answeredRight,
          figures.answeredOrSuggestedRight,
          figures.heldBack,
          figures.confidentlyWrong,
        ]
          .map((share) => percent(share).padStart(10))
          .join(" ")}`,
    ),
  ];
}
