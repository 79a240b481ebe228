import fc from "fast-check";
import Fuse from "fuse.js";
import { describe, expect, it } from "vitest";
import { FuzzyTerms, type KnownWord } from "../../src/matching/fuzzy-terms.js";

const THRESHOLD = 0.34;
const known = (...words: string[]): KnownWord[] => words.map((word) => [word, word, 1]);

describe("FuzzyTerms", () => {
  it("reads a misspelt word as the known word it is closest to", () => {
    const fuzzy = new FuzzyTerms(known("hotspot", "coverage", "monitoring", "carrier"), THRESHOLD);
    expect(fuzzy.correct("hotsopt")?.term).toBe("hotspot");
    expect(fuzzy.correct("covrage")?.term).toBe("coverage");
    expect(fuzzy.correct("montoring")?.term).toBe("monitoring");
    expect(fuzzy.correct("covrage")?.similarity).toBeCloseTo(1 - 1 / 7);
  });

  it("corrects nothing too far from every known word, too short, or not plain Latin", () => {
    const fuzzy = new FuzzyTerms(known("hotspot", "coverage", "sims"), THRESHOLD);
    for (const word of ["hxtsxpx", "sim", "simz1", "熱點", "x".repeat(40)]) {
      expect(fuzzy.correct(word)).toBeNull();
    }
  });

  it("reads a word as the term it stands for", () => {
    const fuzzy = new FuzzyTerms([["tethering", "热点", 0]], THRESHOLD);
    expect(fuzzy.correct("tetherring")).toEqual({ term: "热点", similarity: expect.any(Number) });
  });

  it("of two equally close words, takes the one more questions hold", () => {
    // "wify" is one letter from both "wife" and "wifi".
    const rare: KnownWord = ["wife", "家庭", 0];
    const common: KnownWord = ["wifi", "wifi", 12];
    expect(new FuzzyTerms([rare, common], THRESHOLD).correct("wify")?.term).toBe("wifi");
    expect(new FuzzyTerms([common, rare], THRESHOLD).correct("wify")?.term).toBe("wifi");
  });

  it("finds the same closeness as fuse.js comparing the word with every known word", () => {
    // A four-letter alphabet makes near misses common, so the letter-pair filter is put to work.
    const word = fc
      .array(fc.constantFrom(..."abcd"), { minLength: 4, maxLength: 12 })
      .map((letters) => letters.join(""));
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 60 }), word, (words, typo) => {
        const hit = new FuzzyTerms(known(...words), THRESHOLD).correct(typo);
        expect(hit?.similarity ?? 0).toBeCloseTo(bruteForceSimilarity(words, typo), 10);
      }),
      { numRuns: 300 },
    );
  });
});

/** The best similarity among known words of about the typo's length that keep its first or second letter. */
function bruteForceSimilarity(words: string[], typo: string): number {
  const slack = typo.length >= 8 ? 2 : 1;
  const comparable = words.filter(
    (word) =>
      Math.abs(word.length - typo.length) <= slack && (word[0] === typo[0] || word[1] === typo[1]),
  );
  const fuse = new Fuse(comparable, {
    includeScore: true,
    ignoreLocation: true,
    threshold: THRESHOLD,
  });
  const score = fuse.search(typo)[0]?.score;
  return score === undefined || score > THRESHOLD ? 0 : 1 - score;
}
