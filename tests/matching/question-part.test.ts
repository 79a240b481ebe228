import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_QUERY_CHARS } from "../../src/matching/prepare.js";
import { createQuestionPart } from "../../src/matching/question-part.js";

const questionPart = createQuestionPart({
  words: ["吗", "怎么", "点样", "可唔可以", "how", "is there"],
  openings: ["can", "do"],
});

describe("createQuestionPart", () => {
  it("keeps the clauses that ask and drops those that only tell", () => {
    expect(questionPart("我下个月去香港，带着老婆孩子，港卡能共享吗")).toBe("港卡能共享吗");
    expect(questionPart("Hi, quick question, how do I check my usage")).toBe(
      "how do I check my usage",
    );
    expect(questionPart("We land on Friday. Can I share my data with my wife")).toBe(
      "Can I share my data with my wife",
    );
  });

  it("hears a question mark, Traditional script and Cantonese as asking", () => {
    expect(questionPart("我買咗張卡。要開熱點？")).toBe("要開熱點？");
    expect(questionPart("我哋一家四口，點樣查用量")).toBe("點樣查用量");
    expect(questionPart("張卡係佢嘅，我可唔可以用")).toBe("我可唔可以用");
  });

  it("joins several asking clauses, in order", () => {
    expect(questionPart("你好，港卡怎么查流量？剩多少会提醒吗？谢谢")).toBe(
      "港卡怎么查流量？，剩多少会提醒吗？",
    );
  });

  it("takes an opening only at a clause's start, and a word only whole", () => {
    // "so I can…" tells; "show" holds "how" but is not it.
    expect(questionPart("my wife has a card, so I can use hers")).toBeUndefined();
    expect(questionPart("the app will show usage, thanks")).toBeUndefined();
  });

  it("hears a space between Chinese words as the pause voice input leaves for a comma", () => {
    expect(questionPart("我老婆孩子下个月一起去 港卡能共享吗")).toBe("港卡能共享吗");
    // Between Chinese and English, a space only separates words.
    expect(questionPart("我张卡 share 俾老婆得唔得吗")).toBeUndefined();
  });

  it("keeps a full stop inside a number, so 1.5GB is one clause", () => {
    expect(questionPart("I bought 1.5GB, how long does it last")).toBe("how long does it last");
  });

  it("leaves the message whole when it is one clause, or when no clause or every clause asks", () => {
    expect(questionPart("港卡怎么查流量")).toBeUndefined();
    expect(questionPart("我在香港，我有一张卡")).toBeUndefined();
    expect(questionPart("港卡怎么查流量？能共享吗？")).toBeUndefined();
  });

  it("reads no further into a message than the matcher does", () => {
    const telling = "我在香港。".repeat(MAX_QUERY_CHARS);
    expect(questionPart(`${telling}港卡怎么查流量`)).toBeUndefined();
    expect(questionPart(`港卡怎么查流量？${telling}`)).toBe("港卡怎么查流量？");
  });

  it("returns only text of the message, never an empty question", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const part = questionPart(text);
        if (part === undefined) return;
        expect(part.trim()).not.toBe("");
        for (const clause of part.split("，")) expect(text).toContain(clause);
      }),
    );
  });
});
