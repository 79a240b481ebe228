import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createNormalizer } from "../../src/matching/normalize.js";
import { MAX_QUERY_CHARS } from "../../src/matching/prepare.js";

const normalizer = createNormalizer({
  synonyms: [
    ["流量卡", "数据卡", "上网卡", "sim card", "sim卡"],
    ["共享", "共用", "分享", "share"],
    ["热点", "hotspot", "tethering"],
    ["家庭", "家人"],
    ["提醒", "通知"],
    ["套餐", "计划"],
    ["实时", "即时"],
    ["免费 wifi", "free wifi", "公共 wifi"],
  ],
  cantonese: { 點樣: "怎么", 可唔可以: "可不可以", 屋企人: "家人", 冇: "没有", 唔: "不" },
  stopwords: ["吗", "的", "请问", "the", "is", "can"],
});
const terms = (text: string) => normalizer.terms(text);

describe("normalizer.terms", () => {
  it("reads the A-not-AB question form as its word, never as a negation", () => {
    expect(terms("港卡支不支持共享")).toEqual(terms("港卡支持共享"));
    expect(terms("港卡支唔支持共享")).toEqual(terms("港卡支持共享"));
    expect(terms("港卡支不支持共享")).not.toContain("不");
    expect(terms("港卡不支持共享")).toContain("不");
  });

  it("folds Traditional and Simplified to the same terms", () => {
    expect(terms("數據卡可以共用嗎")).toEqual(terms("数据卡可以共用吗"));
  });

  it("folds synonyms across languages to one term", () => {
    expect(terms("上网卡 分享")).toEqual(["流量卡", "共享"]);
    expect(terms("SIM cards share")).toEqual(["流量卡", "共享"]);
    expect(terms("hotspot")).toEqual(terms("熱點"));
  });

  it("rewrites Cantonese to Mandarin before folding synonyms", () => {
    expect(terms("屋企人可唔可以共用")).toEqual(terms("家人可不可以共享"));
    expect(terms("點樣")).toEqual(["怎么"]);
  });

  it("drops filler words, but a single-character one only as a whole word", () => {
    expect(terms("请问 the sim card is share")).toEqual(["流量卡", "共享"]);
    // 的 is filler, but the 的 in 目的 belongs to the word.
    expect(terms("目的")).toEqual(["目的"]);
  });

  it("matches English synonyms only as whole words", () => {
    expect(terms("sharewood")).toEqual(["sharewood"]);
  });

  it("folds phrases that span spaces wherever they stand, as a user's question would", () => {
    // Stored questions are cached piece by piece, cut at spaces: none may cut a phrase apart.
    for (const text of [
      "my sim card can share",
      "買免費 wifi 定係 free wifi 好",
      "屋企人 sim卡 share 熱點",
      "is free wifi safe free",
    ]) {
      expect(terms(text)).toEqual(normalizer.queryTerms(text));
    }
    expect(terms("買免費 wifi")).toContain("免费_wifi");
    expect(terms("you free wifi ok")).toContain("免费_wifi");
  });

  it("reads a stored question word by word exactly as it reads it whole", () => {
    // Words that start, continue or end phrases, Cantonese, filler, punctuation and emoji: the
    // word-by-word cache must join words wherever a phrase may run across the space between them.
    const token = fc.constantFrom(
      ...["free", "wifi", "sim", "card", "sim卡", "買免費", "免費", "公共", "share", "the", "is"],
      ...["屋企人", "可唔可以", "點樣", "熱點", "hotspot", "😀", "？", "，", "Cards", "SIM"],
    );
    const text = fc
      .array(fc.tuple(token, fc.constantFrom(" ", "  ", "", "\t", "\u3000", " \u00a0\n")), {
        maxLength: 8,
      })
      .map((parts) => parts.map(([word, space]) => word + space).join(""));
    fc.assert(
      fc.property(text, (question) => {
        expect(terms(question)).toEqual(normalizer.queryTerms(question));
      }),
    );
  });

  it(`reads at most ${MAX_QUERY_CHARS} characters of a stored question, as of a user's`, () => {
    const long = "free wifi 點樣 ".repeat(40);
    expect(terms(long)).toEqual(normalizer.queryTerms(long));
    expect(terms(long).length).toBeLessThan(2 * 40);
  });

  it("returns no terms for text with nothing to search", () => {
    for (const text of ["", "   ", "😀🎉", "？！。", "\u0000\u0007\u001b"])
      expect(terms(text)).toEqual([]);
  });
});

describe("normalizer.numbering", () => {
  it("numbers terms as the text has them, each new one with the next number", () => {
    const numbering = normalizer.numbering();
    const read = (text: string) => {
      const ids: number[] = [];
      numbering.read(text, ids);
      return ids;
    };
    expect(read("sim card share 熱點")).toEqual([0, 1, 2]);
    expect(read("热点 家人 share")).toEqual([2, 3, 1]);
    expect(numbering.terms).toEqual(["流量卡", "共享", "热点", "家庭"]);
    expect(numbering.termIds.get("家庭")).toBe(3);
  });

  it("numbers no term of a word read only together with its neighbours", () => {
    // "free" and "wifi" alone are terms of their own; here they are one phrase.
    const numbering = normalizer.numbering();
    numbering.read("free wifi", []);
    expect(numbering.terms).toEqual(["免费_wifi"]);
  });
});

describe("normalizer.queryTerms", () => {
  const queryTerms = (text: string) => normalizer.queryTerms(text);

  it("reads a typo that sounds like a lexicon word as that word", () => {
    // 体醒 (tixing) for 提醒, 套参 (taocan) for 套餐, 記劃 (jihua) for 計劃: pinyin-keyboard slips.
    expect(queryTerms("流量卡短信体醒")).toEqual(terms("流量卡短信提醒"));
    expect(queryTerms("换套参")).toEqual(terms("换套餐"));
    expect(queryTerms("家庭記劃")).toEqual(["家庭", "套餐"]);
  });

  it("leaves real words and doubled characters alone, even when they sound like one", () => {
    // 事实 and 试试 both read shishi, like 实时: the first is a word, the second a doubling.
    expect(queryTerms("事实")).toEqual(["事实"]);
    expect(queryTerms("试试")).toEqual(terms("试试"));
    expect(queryTerms("试试")).not.toContain("实时");
  });

  it("corrects nothing when indexing: stored questions are read as written", () => {
    expect(terms("换套参")).not.toContain("套餐");
  });
});
