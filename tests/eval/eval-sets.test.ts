import { describe, expect, it } from "vitest";
import {
  acceptedIds,
  type EvalItem,
  loadEvalSet,
  QUESTION_STYLES,
} from "../../src/eval/eval-set.js";
import { createNormalizer } from "../../src/matching/normalize.js";
import { prepare } from "../../src/matching/prepare.js";
import { languageOfText } from "../../src/text/language.js";
import { projectPath, shippedKnowledgeBase } from "../helpers.js";

async function items(name: string): Promise<EvalItem[]> {
  const set = await loadEvalSet(projectPath(`tests/eval/${name}`));
  if (!set.ok) throw new Error(`${name}: ${set.problems.length} problem(s)`);
  return set.items;
}

describe("the eval sets", async () => {
  const kb = await shippedKnowledgeBase();
  const dev = await items("dev.yaml");
  const test = await items("test.yaml");
  const hardDev = await items("hard-dev.yaml");
  const hardTest = await items("hard-test.yaml");
  const every = [...dev, ...test, ...hardDev, ...hardTest];
  const normalizer = createNormalizer(kb.lexicon);
  const folded = (text: string) => normalizer.terms(text).join(" ");

  it("never ask a question the knowledge base already holds, after normalisation", () => {
    const stored = new Set(
      [...kb.entries, ...kb.outOfScope].flatMap((subject) => subject.questions.map(folded)),
    );
    const copies = every.filter((item) => stored.has(folded(item.q)));
    expect(copies.map((item) => item.q)).toEqual([]);
  });

  it("keep each held-out test set apart from every set tuned on", () => {
    // Text folding only: two out-of-scope questions may well share every search term.
    const tunedOn = new Set([...dev, ...hardDev].map((item) => prepare(item.q)));
    const shared = [...test, ...hardTest].filter(
      (item) => prepare(item.q) !== "" && tunedOn.has(prepare(item.q)),
    );
    expect(shared.map((item) => item.q)).toEqual([]);
  });

  it("only expect entries that exist", () => {
    const unknown = every.flatMap(acceptedIds).filter((id) => !kb.entryById.has(id));
    expect(unknown).toEqual([]);
  });

  it("are large and varied enough to measure by", () => {
    const all = [...dev, ...test];
    expect(all.length).toBeGreaterThanOrEqual(250);
    expect(all.filter((item) => item.expect === null).length).toBeGreaterThanOrEqual(50);
    const share = (language: string) =>
      all.filter((item) => languageOfText(item.q) === language).length / all.length;
    expect(share("zh-Hant")).toBeGreaterThanOrEqual(0.25);
    expect(share("en")).toBeGreaterThanOrEqual(0.25);
    for (const entry of kb.entries) {
      expect(
        test.some((item) => item.expect === entry.id),
        entry.id,
      ).toBe(true);
    }
  });

  it("have hard sets of every style, with near misses, that cover every entry", () => {
    const hard = [...hardDev, ...hardTest];
    expect(hard.length).toBeGreaterThanOrEqual(400);
    expect(hard.filter((item) => item.expect === null).length).toBeGreaterThanOrEqual(100);
    for (const style of QUESTION_STYLES) {
      expect(hardTest.filter((item) => item.style === style).length, style).toBeGreaterThan(5);
    }
    expect(hard.every((item) => item.style && item.language)).toBe(true);
    const missing = kb.entries.filter(
      (entry) => !hardTest.some((item) => item.expect === entry.id),
    );
    expect(missing.map((entry) => entry.id)).toEqual([]);
  });
});
