import { describe, expect, it } from "vitest";
import { acceptedIds, type EvalItem, loadEvalSet } from "../../src/eval/eval-set.js";
import { createNormalizer, prepare } from "../../src/matching/normalize.js";
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
  const normalizer = createNormalizer(kb.lexicon);
  const folded = (text: string) => normalizer.terms(text).join(" ");

  it("never ask a question the knowledge base already holds, after normalisation", () => {
    const stored = new Set(
      [...kb.entries, ...kb.outOfScope].flatMap((subject) => subject.questions.map(folded)),
    );
    const copies = [...dev, ...test].filter((item) => stored.has(folded(item.q)));
    expect(copies.map((item) => item.q)).toEqual([]);
  });

  it("keep the held-out test set apart from the dev set", () => {
    // Text folding only: two out-of-scope questions may well share every search term.
    const devQuestions = new Set(dev.map((item) => prepare(item.q)));
    const shared = test.filter(
      (item) => prepare(item.q) !== "" && devQuestions.has(prepare(item.q)),
    );
    expect(shared.map((item) => item.q)).toEqual([]);
  });

  it("only expect entries that exist", () => {
    const unknown = [...dev, ...test].flatMap(acceptedIds).filter((id) => !kb.entryById.has(id));
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
});
