import fc from "fast-check";
import Fuse from "fuse.js";
import { describe, expect, it } from "vitest";
import { FuzzyTerms } from "../../src/matching/fuzzy-terms.js";

const THRESHOLD = 0.34;

/** Words that stand for themselves, each held by one question. */
function known(...words: string[]): FuzzyTerms {
  return new FuzzyTerms(THRESHOLD, (add) => {
    for (const word of words) add(word, word, 1);
  });
}

describe("FuzzyTerms", () => {
  it("reads a misspelt word as the known word it is closest to", () => {
    const fuzzy = known("hotspot", "coverage", "monitoring", "carrier");
    expect(fuzzy.correct("hotsopt")?.term).toBe("hotspot");
    expect(fuzzy.correct("covrage")?.term).toBe("coverage");
    expect(fuzzy.correct("montoring")?.term).toBe("monitoring");
    expect(fuzzy.correct("covrage")?.similarity).toBeCloseTo(1 - 1 / 7);
  });

  it("corrects nothing too far from every known word, too short, or not plain Latin", () => {
    const fuzzy = known("hotspot", "coverage", "sims");
    for (const word of ["hxtsxpx", "sim", "simz1", "熱點", "x".repeat(40)]) {
      expect(fuzzy.correct(word)).toBeNull();
    }
  });

  it("reads a word as the term it stands for", () => {
    const fuzzy = new FuzzyTerms(THRESHOLD, (add) => add("tethering", "热点", 0));
    expect(fuzzy.correct("tetherring")).toEqual({ term: "热点", similarity: expect.any(Number) });
  });

  it("of two equally close words, takes the one more questions hold", () => {
    // "wify" is one letter from both "wife" and "wifi".
    const rareFirst = new FuzzyTerms(THRESHOLD, (add) => {
      add("wife", "家庭", 0);
      add("wifi", "wifi", 12);
    });
    expect(rareFirst.correct("wify")?.term).toBe("wifi");
    const commonFirst = new FuzzyTerms(THRESHOLD, (add) => {
      add("wifi", "wifi", 12);
      add("wife", "家庭", 0);
    });
    expect(commonFirst.correct("wify")?.term).toBe("wifi");
  });

  it("finds the same closeness as fuse.js comparing the word with every known word", () => {
    // A four-letter alphabet makes near misses common, so the letter-pair filter is put to work.
    const word = fc
      .array(fc.constantFrom(..."abcd"), { minLength: 4, maxLength: 12 })
      .map((letters) => letters.join(""));
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 60 }), word, (words, typo) => {
        const hit = known(...words).correct(typo);
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
