import { describe, expect, it } from "vitest";
import type { Entry, OutOfScopeTopic } from "../../src/kb/schema.js";
import { DEFAULT_MATCHER_OPTIONS } from "../../src/matching/matcher.js";
import { createSearchIndex, type IndexedKnowledge } from "../../src/matching/search-index.js";

const entry = (id: string, questions: string[]): Entry => ({
  id,
  category: "sharing",
  title: { "zh-Hans": "", "zh-Hant": "", en: "" },
  questions,
  answer: { "zh-Hans": id, "zh-Hant": id, en: id },
  related: [],
  source: { article: "family-sharing.md", section: "一" },
});

function knowledgeBase(entries: Entry[], outOfScope: OutOfScopeTopic[] = []): IndexedKnowledge {
  return {
    entries,
    outOfScope,
    lexicon: { synonyms: [], cantonese: {}, stopwords: [], asking: { words: [], openings: [] } },
  };
}

describe("createSearchIndex", () => {
  // Each entry has a stored question that fits "tether" exactly as well as the other's; only
  // "hotspot" says it in three questions, which the classifiers count and the question match does not.
  const kb = knowledgeBase([
    entry("hotspot", ["tether phone", "tether laptop", "tether tablet"]),
    entry("plan", ["tether plan"]),
  ]);
  const ranking = (classifierWeight: number) =>
    createSearchIndex(kb, { ...DEFAULT_MATCHER_OPTIONS, classifierWeight })
      .rank("tether")
      .entries.map((ranked) => ({ id: ranked.entry.id, score: ranked.score, match: ranked.match }));

  it("weighs the evidence of all of an entry's questions through the classifiers", () => {
    const [first, second] = ranking(0);
    expect(first?.score).toBeCloseTo(second?.score ?? 0, 10);
    const [leader, runnerUp] = ranking(0.5);
    expect(leader?.id).toBe("hotspot");
    expect((leader?.score ?? 0) - (runnerUp?.score ?? 0)).toBeGreaterThan(0.01);
  });

  it("gives each entry's word match whatever weight the classifiers have", () => {
    const byId = (weight: number) =>
      Object.fromEntries(ranking(weight).map(({ id, match }) => [id, match]));
    expect(byId(1)).toEqual(byId(0));
    // With no weight on the classifiers, the score is the word match.
    for (const { score, match } of ranking(0)) expect(score).toBeCloseTo(match, 10);
  });

  it("keeps every score within [0, 1]", () => {
    for (const weight of [0, 0.3, 1]) {
      for (const { score } of ranking(weight)) {
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe("an out-of-scope topic in the ranking", () => {
  const topic = (id: string, questions: string[]): OutOfScopeTopic => ({
    id,
    reply: { "zh-Hans": id, "zh-Hant": id, en: id },
    questions,
    smallTalk: false,
  });
  // "roaming" is held by a topic and by an entry that is not the best for the query; "netflix"
  // by the topic alone. Enough other entries that a word two subjects hold is still a topic word.
  const others = ["signal", "wifi", "promotion", "accuracy", "threshold"].map((word) =>
    entry(word, [`${word} check`, `${word} question`]),
  );
  const kb = knowledgeBase(
    [
      entry("sharing", ["share data family", "share plan family", "family share data"]),
      entry("abroad", ["roaming abroad fee", "roaming card abroad"]),
      ...others,
    ],
    [topic("elsewhere", ["netflix family plan", "roaming netflix account"])],
  );
  const index = createSearchIndex(kb, DEFAULT_MATCHER_OPTIONS);

  it("tells a word only the topic holds from one the best entry lacks", () => {
    const own = index.rank("share netflix family");
    expect(own.entries[0]?.entry.id).toBe("sharing");
    expect(own.outOfScope).toMatchObject({ explainsMore: true, namesItsOwnSubject: true });
    const elsewhere = index.rank("share roaming family");
    expect(elsewhere.entries[0]?.entry.id).toBe("sharing");
    expect(elsewhere.outOfScope).toMatchObject({ explainsMore: true, namesItsOwnSubject: false });
  });

  it("lets small talk explain nothing, though only it holds the greeting", () => {
    const greetings = { ...topic("greetings", ["thanks", "thanks a lot"]), smallTalk: true };
    const chatty = createSearchIndex(
      knowledgeBase(kb.entries, [...kb.outOfScope, greetings]),
      DEFAULT_MATCHER_OPTIONS,
    ).rank("thanks share family");
    expect(chatty.outOfScope).toMatchObject({
      topic: { id: "greetings" },
      explainsMore: false,
      namesItsOwnSubject: false,
    });
  });
});

describe("a misspelt word", () => {
  it("is read as the lexicon word whose term many questions hold, over a rarer word as close", () => {
    // fuse.js scores "chek" as close to "cheap" as to "check": the commoner meaning wins the tie.
    const kb = knowledgeBase([
      entry("usage", ["查询 流量", "怎么 查询", "查询 剩余"]),
      entry("prices", ["cheap card"]),
    ]);
    kb.lexicon.synonyms.push(["查询", "check"]);
    const index = createSearchIndex(kb, DEFAULT_MATCHER_OPTIONS);
    expect(index.rank("chek").entries.map((ranked) => ranked.entry.id)).toEqual(["usage"]);
    expect(index.rank("cheep").entries[0]?.entry.id).toBe("prices");
  });
});
