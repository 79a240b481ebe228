// npm run bench: speed, memory and accuracy of the matcher beside a plain fuse.js baseline, on the
// shipped knowledge base and on a generated one of 10,000 entries. A benchmark, not a test.
// Quick by default (about a minute); `--full` repeats each measurement enough to trust its p99.

import { fileURLToPath } from "node:url";
import Fuse from "fuse.js";
import { knowledgeDir } from "../src/config.js";
import { loadKnowledgeBaseOrExit } from "../src/entry/load-or-exit.js";
import { type EvalItem, loadEvalSet } from "../src/eval/eval-set.js";
import { CI_GATE, evaluate, gateFigures, percentile } from "../src/eval/evaluate.js";
import type { Entry, KnowledgeBase } from "../src/kb/schema.js";
import { createMatcher, type Matcher } from "../src/matching/matcher.js";
import { createNormalizer } from "../src/matching/normalize.js";

const GENERATED_ENTRIES = 10_000;

/**
 * How often each matcher answers the test set. Plain fuse.js on the generated base takes some
 * 15 s a question, so the quick run times it on one; the build figures are the same in both modes.
 */
const MODES = {
  quick: { shippedRounds: 5, fuseShippedRounds: 1, generatedRounds: 2, fuseGeneratedQuestions: 1 },
  full: {
    shippedRounds: 20,
    fuseShippedRounds: 20,
    generatedRounds: 3,
    fuseGeneratedQuestions: 10,
  },
};
const modeName = process.argv.includes("--full") ? "full" : "quick";
const mode = MODES[modeName];
console.log(
  `matcher bench, ${modeName} run${modeName === "quick" ? " (--full for the thorough one)" : ""}: the test set ${mode.shippedRounds}× on the shipped knowledge base and ${mode.generatedRounds}× on the generated one; plain fuse.js ${mode.fuseShippedRounds}× and, on the generated one, ${mode.fuseGeneratedQuestions} question${mode.fuseGeneratedQuestions === 1 ? "" : "s"}`,
);

const testSet = await loadEvalSet(
  fileURLToPath(new URL("../tests/eval/test.yaml", import.meta.url)),
);
if (!testSet.ok) throw new Error("tests/eval/test.yaml does not load");
const items = testSet.items;
// The long, run-on and polite questions of issue #18, which the matcher may rank twice (the whole
// message and its asking clause): timed on the shipped knowledge base beside the test set.
const hardSet = await loadEvalSet(
  fileURLToPath(new URL("../tests/eval/hard-test.yaml", import.meta.url)),
);
if (!hardSet.ok) throw new Error("tests/eval/hard-test.yaml does not load");
const kb = await loadKnowledgeBaseOrExit(knowledgeDir(process.env));

/** The baseline: fuse.js with its default options over the raw question texts, no normalisation. */
function createPlainFuse(base: KnowledgeBase): Matcher {
  const records = base.entries.flatMap((entry) => entry.questions.map((q) => ({ entry, q })));
  const fuse = new Fuse(records, { keys: ["q"], includeScore: true });
  return {
    // Unused by the measurements; the baseline does no normalisation.
    normalizer: createNormalizer({ synonyms: [], cantonese: {}, stopwords: [] }),
    match(query) {
      const seen = new Set<Entry>();
      const candidates = [];
      for (const hit of fuse.search(query, { limit: 20 })) {
        if (seen.has(hit.item.entry)) continue;
        seen.add(hit.item.entry);
        candidates.push({ entry: hit.item.entry, score: 1 - (hit.score ?? 1) });
      }
      const [best] = candidates;
      return best
        ? { decision: "answer", entry: best.entry, candidates: candidates.slice(0, 5) }
        : { decision: "none", candidates: [] };
    },
  };
}

/**
 * Collects all garbage, again until the figure stops falling, with a pause between: a collection
 * that finishes a marking cycle begun earlier frees only what was dead when that cycle began, and
 * buffers are freed on another thread after it. Three collections in a row sometimes left the
 * knowledge base loader's 40 MB Traditional converter standing, which made a figure below negative.
 */
async function collectGarbage(): Promise<void> {
  let before = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 10; round++) {
    globalThis.gc?.();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const used = usedMemory();
    if (used > before - 2 ** 20) return;
    before = used;
  }
}

/** The JS heap and the typed arrays' buffers, which live outside it: the index keeps its lists there. */
function usedMemory(): number {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

/** The most resident memory the process has held, in bytes: what a container's limit is set by. */
function peakResident(): number {
  return process.resourceUsage().maxRSS * 1024;
}

interface Row {
  base: string;
  matcher: string;
  buildMs: number;
  p50: number;
  p99: number;
  memoryMb: number;
  /** How far the build raised the process's peak resident memory, if it set a new peak. */
  peakMb: number | undefined;
  quality?: string;
}

async function measure(
  base: string,
  name: string,
  build: () => Matcher,
  queries: EvalItem[],
  rounds: number,
  withQuality: boolean,
): Promise<Row> {
  await collectGarbage();
  const memoryBefore = usedMemory();
  const residentBefore = process.memoryUsage().rss;
  const peakBefore = peakResident();
  const started = performance.now();
  const matcher = build();
  const buildMs = performance.now() - started;
  const peakAfter = peakResident();
  const peakMb = peakAfter > peakBefore ? (peakAfter - residentBefore) / 2 ** 20 : undefined;
  for (const item of queries.slice(0, 20)) matcher.match(item.q); // warm up the JIT and OpenCC
  await collectGarbage();
  const memoryMb = (usedMemory() - memoryBefore) / 2 ** 20;
  // The first round is the evaluation, which times each question too.
  const report = evaluate(matcher, queries);
  const latencies = report.outcomes.map((outcome) => outcome.milliseconds);
  for (let round = 1; round < rounds; round++) {
    for (const item of queries) {
      const t = performance.now();
      matcher.match(item.q);
      latencies.push(performance.now() - t);
    }
  }
  latencies.sort((a, b) => a - b);
  let quality: string | undefined;
  if (withQuality) {
    const { figures } = gateFigures(report, CI_GATE);
    const pct = (share: number) => `${(share * 100).toFixed(1)} %`;
    quality = `answered right ${pct(figures.answeredRight)}, answered or suggested right ${pct(figures.answeredOrSuggestedRight)}, held back ${pct(figures.heldBack)}, confidently wrong ${pct(figures.confidentlyWrong)}, ranked first ${pct(report.rankedFirst / report.inScope)}`;
  }
  return {
    base,
    matcher: name,
    buildMs,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    memoryMb,
    peakMb,
    ...(quality ? { quality } : {}),
  };
}

/** A knowledge base of `size` entries: the real questions recombined with made-up words, so the vocabulary grows too. */
function generate(size: number): KnowledgeBase {
  let seed = 42;
  // In 32-bit integer arithmetic: the same step in doubles lost the product's low bits past 2 ** 53
  // and fell into a short cycle, which left 2,900 distinct questions among 380,000.
  const random = () => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) & 0x7fff_ffff;
    return seed / 2 ** 31;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const hanPool = [
    ..."港卡流量套餐共享监控运营商热点网络信号覆盖提醒用量剩余短信应用账户稳定家庭组优惠活动渠道正规准确预测趋势超额费用旅游出差学生商务",
  ];
  const word = () =>
    random() < 0.5
      ? pick(hanPool) + pick(hanPool)
      : Array.from({ length: 4 + Math.floor(random() * 5) }, () =>
          String.fromCharCode(97 + Math.floor(random() * 26)),
        ).join("");
  const entries: Entry[] = Array.from({ length: size }, (_, index) => {
    const template = pick(kb.entries);
    return {
      ...template,
      id: `${template.id}-${index}`,
      // Joined, not concatenated: a concatenation is a rope until first read, and the build
      // would be timed flattening 380,000 of them. The loader's questions are flat strings.
      questions: template.questions.map((q) => [q, word(), word()].join(" ")),
    };
  });
  return { ...kb, entries, entryById: new Map(entries.map((entry) => [entry.id, entry])) };
}

const rows: Row[] = [];
const shippedName = `shipped (${kb.entries.length} entries)`;
rows.push(
  await measure(shippedName, "ours", () => createMatcher(kb), items, mode.shippedRounds, true),
);
rows.push(
  await measure(
    shippedName,
    "ours, hard questions",
    () => createMatcher(kb),
    hardSet.items,
    mode.shippedRounds,
    false,
  ),
);
rows.push(
  await measure(
    shippedName,
    "plain fuse.js",
    () => createPlainFuse(kb),
    items,
    mode.fuseShippedRounds,
    true,
  ),
);
const generated = generate(GENERATED_ENTRIES);
const generatedName = `generated (${GENERATED_ENTRIES} entries)`;
rows.push(
  await measure(
    generatedName,
    "ours",
    () => createMatcher(generated),
    items,
    mode.generatedRounds,
    false,
  ),
);
// The baseline scans every record for every query: a few questions are enough to see it.
rows.push(
  await measure(
    generatedName,
    "plain fuse.js",
    () => createPlainFuse(generated),
    items.slice(0, mode.fuseGeneratedQuestions),
    1,
    false,
  ),
);

console.log(
  `node ${process.version}, ${items.length} questions from tests/eval/test.yaml; memory (heap and array buffers) measured ${globalThis.gc ? "after gc" : "without gc (run with --expose-gc for exact figures)"}; peak: how far the build raised the process's peak resident memory (– if it set no new peak)`,
);
console.log(
  "knowledge base".padEnd(28) +
    "matcher".padEnd(22) +
    "build ms".padStart(10) +
    "p50 ms".padStart(10) +
    "p99 ms".padStart(10) +
    "memory MB".padStart(11) +
    "peak MB".padStart(9),
);
for (const row of rows) {
  console.log(
    row.base.padEnd(28) +
      row.matcher.padEnd(22) +
      row.buildMs.toFixed(1).padStart(10) +
      row.p50.toFixed(3).padStart(10) +
      row.p99.toFixed(3).padStart(10) +
      row.memoryMb.toFixed(1).padStart(11) +
      (row.peakMb === undefined ? "–" : row.peakMb.toFixed(0)).padStart(9),
  );
}
console.log("\nanswer quality on tests/eval/test.yaml:");
for (const row of rows.filter((r) => r.quality))
  console.log(`  ${row.matcher.padEnd(14)} ${row.quality}`);
