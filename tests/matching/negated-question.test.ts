import { describe, expect, it } from "vitest";
import { createNormalizer, type NormalizerLexicon } from "../../src/matching/normalize.js";

const lexicon: NormalizerLexicon = {
  synonyms: [
    ["流量卡", "港卡", "hk card", "card"],
    ["共享", "share"],
    ["可以", "能", "can"],
    ["不能", "不可以", "不行", "cannot", "can t"],
    ["为什么", "why"],
    ["什么", "what"],
    ["值得", "影响", "麻烦", "matter"],
    ["每人", "each"],
  ],
  cantonese: { 唔可以: "不可以", 唔得: "不行", 咩: "什么" },
  stopwords: ["吗", "的话", "如果", "so", "i", "my", "then", "they", "it"],
  negated: {
    negative: "不能",
    positive: "可以",
    endings: ["吗", "咩", "㗎", "then", "can they"],
    unless: ["为什么", "什么", "值得", "如果", "since"],
  },
};
const { queryTerms } = createNormalizer(lexicon);
const positive = ["流量卡", "可以", "共享"];

describe("a yes/no question put in the negative", () => {
  it("is read as the positive question it asks", () => {
    expect(queryTerms("港卡不能共享吗")).toEqual(positive);
    expect(queryTerms("港卡不能共享？")).toEqual(positive);
    expect(queryTerms("so I can't share my HK card then")).toEqual(["可以", "共享", "流量卡"]);
  });

  it("reads a final 咩 as the question it ends, not as 'what'", () => {
    expect(queryTerms("港卡唔可以共享咩")).toEqual(positive);
    expect(queryTerms("港卡唔得共享㗎咩？")).toEqual(positive);
  });

  it("asks in a tag question after a comma", () => {
    expect(queryTerms("HK cards can't share, can they?")).toEqual(["流量卡", "可以", "共享"]);
    expect(queryTerms("HK cards can't share, fine.")).toContain("不能");
  });

  it("stays negative where the negative is what the question is about", () => {
    // Why it cannot, whether it matters that it cannot, what it cannot: the "no" is the premise.
    expect(queryTerms("为什么港卡不能共享吗")).toContain("不能");
    expect(queryTerms("港卡不能共享影响大吗")).toContain("不能");
    expect(queryTerms("港卡唔可以共享咩嘢")).toContain("不能");
    expect(queryTerms("如果港卡不能共享吗")).toContain("不能");
    expect(queryTerms("since the card can't share, can they?")).toContain("不能");
  });

  it("stays negative in a clause that does not ask", () => {
    expect(queryTerms("港卡不能共享，每人一张吗")).toEqual([
      "流量卡",
      "不能",
      "共享",
      "每人",
      "一张",
    ]);
    expect(queryTerms("港卡不能共享")).toContain("不能");
  });

  it("is read as written by a lexicon without the negated reading", () => {
    const { negated: _, ...withoutIt } = lexicon;
    expect(createNormalizer(withoutIt).queryTerms("港卡不能共享吗")).toContain("不能");
  });
});
