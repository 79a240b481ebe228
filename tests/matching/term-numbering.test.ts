import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_QUERY_CHARS } from "../../src/matching/prepare.js";
import { Numbering, type StoredReading } from "../../src/matching/term-numbering.js";

/**
 * A made-up reading, small enough to work out by hand: "x y" is a phrase read as "xy", "!" is
 * punctuation, "Ab" reads as "ab", "pq" as two terms; any other word is its own term.
 */
function readWhole(text: string): string[] {
  const words = text
    .slice(0, MAX_QUERY_CHARS)
    .split(/\s+/)
    .filter((word) => word !== "" && word !== "!");
  const terms: string[] = [];
  for (let at = 0; at < words.length; at++) {
    const word = words[at] ?? "";
    if (word === "x" && words[at + 1] === "y") {
      terms.push("xy");
      at++;
    } else if (word === "pq") terms.push("p", "q");
    else terms.push(word.toLowerCase());
  }
  return terms;
}

const reading: StoredReading = {
  word(word) {
    const joinsNext = word === "x";
    // Punctuation is not there at all: a phrase runs across it.
    const joinsPrevious = word === "y" || word === "!";
    const terms = readWhole(word);
    const [term] = terms;
    if (term !== undefined && terms.length === 1 && !joinsNext && !joinsPrevious) return term;
    return { terms, blank: word === "!", joinsNext, joinsPrevious };
  },
  run: readWhole,
};

function termsRead(numbering: Numbering, text: string): string[] {
  const ids: number[] = [];
  numbering.read(text, ids);
  return ids.map((id) => numbering.terms[id] ?? `#${id}`);
}

describe("Numbering", () => {
  it("numbers terms in the order the text has them, reading phrase words together", () => {
    const numbering = new Numbering(reading);
    const read = (text: string) => {
      const ids: number[] = [];
      numbering.read(text, ids);
      return ids;
    };
    expect(read("z x  y\tAb pq")).toEqual([0, 1, 2, 3, 4]);
    expect(read("ab x ! y x z")).toEqual([2, 1, 5, 0]);
    expect(numbering.terms).toEqual(["z", "xy", "ab", "p", "q", "x"]);
    expect(numbering.termIds.get("ab")).toBe(2);
    expect(numbering.termIds.has("y")).toBe(false);
    expect(numbering.termsOf("pq Ab")).toEqual(["p", "q", "ab"]);
  });

  it("reads any texts word by word exactly as they read whole, and numbers terms when first read", () => {
    const word = fc.constantFrom("x", "y", "z", "!", "Ab", "ab", "pq", "zz");
    const space = fc.constantFrom(" ", "  ", "\t", "\u3000", " \u00a0\n");
    const text = fc
      .array(fc.tuple(word, space), { maxLength: 10 })
      .map((parts) => parts.map(([w, s]) => w + s).join(""));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 6 }), (texts) => {
        const numbering = new Numbering(reading);
        for (const t of texts) expect(termsRead(numbering, t)).toEqual(readWhole(t));
        expect(numbering.terms).toEqual([...new Set(texts.flatMap(readWhole))]);
      }),
    );
  });

  it(`reads at most ${MAX_QUERY_CHARS} characters of a text`, () => {
    const long = `${"z ".repeat(MAX_QUERY_CHARS / 2 - 1)}x y`;
    expect(termsRead(new Numbering(reading), long)).toEqual(readWhole(long));
    expect(readWhole(long).at(-1)).toBe("x");
  });

  it("counts the words and terms it remembers", () => {
    const numbering = new Numbering(reading);
    numbering.read("z Ab pq", []);
    expect(numbering.size).toBeGreaterThanOrEqual(4);
  });
});
