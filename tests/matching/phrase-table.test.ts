import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  PhraseTable,
  type PhraseVisitor,
  replacePhrases,
} from "../../src/matching/phrase-table.js";

function tableOf(phrases: Record<string, string>): PhraseTable<string> {
  const table = new PhraseTable<string>();
  for (const [phrase, value] of Object.entries(phrases)) table.set(phrase, value);
  return table;
}

/** The pieces of a scan, plain spans as "<span>" and phrases as "[value]". */
function pieces(table: PhraseTable<string>, text: string): string[] {
  const found: string[] = [];
  const visitor: PhraseVisitor<string> = {
    plain: (span) => found.push(`<${span}>`),
    phrase: (value) => found.push(`[${value}]`),
  };
  table.scan(text, visitor);
  return found;
}

const table = tableOf({
  流量: "A",
  流量卡: "B",
  "sim card": "C",
  sim: "D",
  "免费 wifi": "E",
  "hong kong sim": "F",
});

describe("PhraseTable.scan", () => {
  it("takes the longest phrase at each position, and hands on the spans between", () => {
    expect(pieces(table, "香港流量卡和流量")).toEqual(["<香港>", "[B]", "<和>", "[A]"]);
    expect(pieces(table, "my sim card")).toEqual(["<my >", "[C]"]);
    expect(pieces(table, "")).toEqual([]);
  });

  it("matches Latin phrases only as whole words", () => {
    expect(pieces(table, "simple sims sim")).toEqual(["<simple sims >", "[D]"]);
    expect(pieces(table, "sim卡")).toEqual(["[D]", "<卡>"]);
  });
});

describe("replacePhrases", () => {
  it("replaces every phrase by its value", () => {
    expect(replacePhrases(table, "买 sim card 用流量")).toBe("买 C 用A");
  });
});

describe("PhraseTable.independentSpans", () => {
  it("cuts only at spaces that no phrase can span", () => {
    expect(table.independentSpans("my sim card is here")).toEqual(["my", "sim card", "is", "here"]);
    expect(table.independentSpans("买免费 wifi 吧")).toEqual(["买免费 wifi", "吧"]);
    expect(table.independentSpans("")).toEqual([""]);
  });

  it("finds the same phrases in the pieces as in the whole text", () => {
    const word = fc.constantFrom(
      "sim",
      "card",
      "hong",
      "kong",
      "免费",
      "买免费",
      "wifi",
      "流量",
      "卡",
    );
    const text = fc.array(word, { maxLength: 8 }).map((words) => words.join(" "));
    fc.assert(
      fc.property(text, (whole) => {
        const byPiece = table.independentSpans(whole).flatMap((span) => pieces(table, span));
        const phrases = (found: string[]) => found.filter((piece) => piece.startsWith("["));
        expect(phrases(byPiece)).toEqual(phrases(pieces(table, whole)));
      }),
    );
  });
});

describe("PhraseTable, across a space", () => {
  it("says whether a phrase may run on past a text's last word", () => {
    expect(table.mayContinueAfterEnd("my sim")).toBe(true);
    expect(table.mayContinueAfterEnd("hong kong")).toBe(true);
    expect(table.mayContinueAfterEnd("买免费")).toBe(true);
    expect(table.mayContinueAfterEnd("card")).toBe(false);
    expect(table.mayContinueAfterEnd("")).toBe(false);
  });

  it("says whether a phrase may run into a Latin word", () => {
    expect(["card", "wifi", "kong", "sim", "hong"].map((word) => table.mayRunInto(word))).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);
  });

  it("lists every Latin word of its phrases", () => {
    expect([...table.latinWords].sort()).toEqual(["card", "hong", "kong", "sim", "wifi"]);
  });
});
