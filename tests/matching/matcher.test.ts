import { describe, expect, it } from "vitest";
import type { Entry, KnowledgeBase } from "../../src/kb/schema.js";
import {
  createMatcher,
  DEFAULT_MATCHER_OPTIONS,
  decide,
  matchQuery,
} from "../../src/matching/matcher.js";
import type { Ranking } from "../../src/matching/search-index.js";
import { shippedKnowledgeBase } from "../helpers.js";

const entry = (id: string): Entry => ({
  id,
  category: "sharing",
  title: { "zh-Hans": id, "zh-Hant": id, en: id },
  questions: [],
  answer: { "zh-Hans": id, "zh-Hant": id, en: id },
  related: [],
  source: { article: "family-sharing.md", section: "一" },
});
/**
 * Entries with their score, whether they share a topic word, how closely a stored question fits,
 * and how well their words fit before the classifiers.
 */
const ranked = (...scores: [string, number, boolean?, number?, number?][]): Ranking => ({
  entries: scores.map(([id, score, specific = true, question = score, match = question]) => ({
    entry: entry(id),
    score,
    specific,
    question,
    match,
  })),
});
const prices = {
  id: "prices",
  reply: { "zh-Hans": "", "zh-Hant": "", en: "" },
  questions: [],
  smallTalk: false,
};
/**
 * An out-of-scope topic beside the ranking. By default it knows a query word the best entry lacks
 * ("more"); "own" is a word no entry holds, "none" a topic whose words the best entry all knows.
 */
const withTopic = (
  ranking: Ranking,
  score: number,
  knows: "none" | "more" | "own" = "more",
): Ranking => ({
  ...ranking,
  outOfScope: {
    topic: prices,
    score,
    explainsMore: knows !== "none",
    namesItsOwnSubject: knows === "own",
  },
});
const options = DEFAULT_MATCHER_OPTIONS;

describe("decide", () => {
  it("answers a clear, on-topic winner", () => {
    const result = decide(ranked(["a", 0.9], ["b", 0.3]), options);
    expect(result.decision).toBe("answer");
    if (result.decision === "answer") expect(result.entry.id).toBe("a");
  });

  it("offers did-you-mean when the winner is not far enough ahead", () => {
    const result = decide(
      ranked(["a", 0.9], ["b", 0.9 - options.answerMargin / 2], ["c", 0.6], ["d", 0.5], ["e", 0.1]),
      options,
    );
    expect(result.decision).toBe("suggest");
    if (result.decision === "suggest")
      expect(result.suggestions.map((e) => e.id)).toEqual(["a", "b", "c"]);
  });

  it("answers from a lower score a winner far ahead of every other candidate", () => {
    const low = options.leadScore;
    const alone = decide(ranked(["a", low], ["b", low - options.leadMargin - 0.01]), options);
    expect(alone.decision).toBe("answer");
    // Not far enough ahead, or below the lower score: did you mean.
    const near = decide(ranked(["a", low], ["b", low - options.leadMargin + 0.05]), options);
    expect(near.decision).toBe("suggest");
    expect(decide(ranked(["a", low - 0.05]), options).decision).toBe("suggest");
    // An out-of-scope topic counts as a candidate the winner must lead.
    const topic = decide(
      withTopic(ranked(["a", low]), low - options.leadMargin + 0.05, "none"),
      options,
    );
    expect(topic.decision).toBe("suggest");
  });

  it("holds back a winner the classifiers are sure of but whose words barely fit", () => {
    const sure = decide(ranked(["a", 0.9, true, 0.9, options.answerMatch]), options);
    expect(sure.decision).toBe("answer");
    const loose = decide(ranked(["a", 0.9, true, 0.9, options.answerMatch - 0.01]), options);
    expect(loose.decision).toBe("suggest");
  });

  it("holds back a winner that shares only common words with the question", () => {
    expect(decide(ranked(["a", 0.9, false, 0.9]), options).decision).toBe("suggest");
  });

  it("answers a winner of common words only when one of its stored questions fits closely", () => {
    const close = decide(ranked(["a", 0.9, false, options.closeMatch]), options);
    expect(close.decision).toBe("answer");
  });

  it("declines a question an out-of-scope topic fits nearly as well as the best entry", () => {
    const entryScore = 0.8;
    const close = decide(
      withTopic(ranked(["a", entryScore]), entryScore * options.declineRatio),
      options,
    );
    expect(close).toMatchObject({ decision: "none", outOfScope: prices });
    expect(close.candidates.map((candidate) => candidate.entry.id)).toEqual(["a"]);
    const far = decide(
      withTopic(ranked(["a", entryScore]), entryScore * options.declineRatio - 0.05),
      options,
    );
    expect(far.decision).toBe("answer");
  });

  it("declines from a lower score a question naming what no entry holds", () => {
    const entryScore = 0.8;
    const low = entryScore * options.ownSubjectRatio;
    const own = decide(withTopic(ranked(["a", entryScore]), low, "own"), options);
    expect(own).toMatchObject({ decision: "none", outOfScope: prices });
    // The same topic score, with a word only the best entry lacks: answered.
    expect(decide(withTopic(ranked(["a", entryScore]), low, "more"), options).decision).toBe(
      "answer",
    );
    expect(decide(withTopic(ranked(["a", entryScore]), low - 0.05, "own"), options).decision).toBe(
      "answer",
    );
  });

  it("keeps the answer when the best entry knows every query word the topic knows", () => {
    const entryScore = 0.8;
    const nearly = withTopic(ranked(["a", entryScore]), entryScore * 0.9, "none");
    expect(decide(nearly, { ...options, answerMargin: 0.05 }).decision).toBe("answer");
    const beaten = withTopic(ranked(["a", entryScore]), entryScore + 0.05, "none");
    expect(decide(beaten, options)).toMatchObject({ decision: "none", outOfScope: prices });
  });

  it("counts an out-of-scope topic as a runner-up the winner must lead", () => {
    const result = decide(
      withTopic(ranked(["a", 0.9], ["b", 0.2]), 0.9 - options.answerMargin / 2),
      {
        ...options,
        declineRatio: 1.01,
      },
    );
    expect(result.decision).toBe("suggest");
  });

  it("ignores an out-of-scope topic below the suggestion floor", () => {
    const result = decide(withTopic({ entries: [] }, options.suggestScore / 2), options);
    expect(result).toEqual({ decision: "none", candidates: [] });
  });

  it("says none when nothing scores", () => {
    expect(decide({ entries: [] }, options).decision).toBe("none");
    expect(decide(ranked(["a", options.suggestScore / 2]), options).decision).toBe("none");
  });
});

describe("matchQuery", () => {
  const asking = "那个问题";
  /** Ranks the whole message and its asking clause as given; the clause is `asking`. */
  const run = (whole: Ranking, focused: Ranking) =>
    matchQuery(
      "整条消息",
      (text) => (text === asking ? focused : whole),
      () => asking,
      options,
    );
  const idsOf = (result: ReturnType<typeof run>) =>
    result.decision === "answer"
      ? result.entry.id
      : result.decision === "suggest"
        ? result.suggestions.map((suggestion) => suggestion.id)
        : result.decision;

  it("keeps an answer or a decline of the whole message", () => {
    expect(idsOf(run(ranked(["a", 0.9], ["b", 0.3]), ranked(["c", 0.9])))).toBe("a");
    expect(idsOf(run(withTopic(ranked(["a", 0.3]), 0.5), ranked(["c", 0.9])))).toBe("none");
  });

  it("answers the asking clause when the whole message is unsure", () => {
    expect(idsOf(run(ranked(["a", 0.5], ["b", 0.45]), ranked(["b", 0.9], ["a", 0.3])))).toBe("b");
  });

  it("only offers what the clause alone is sure of, when the whole message does not rank it", () => {
    // "…keep checking my usage. Is that really necessary?": alone, the clause asks about anything.
    const whole = ranked(["a", 0.5], ["b", 0.45]);
    expect(idsOf(run(whole, ranked(["c", 0.9], ["a", 0.3])))).toEqual(["c", "a", "b"]);
  });

  it("offers the clause's suggestions first, then the whole message's, when both are unsure", () => {
    const whole = ranked(["a", 0.5], ["b", 0.45]);
    expect(idsOf(run(whole, ranked(["c", 0.5], ["a", 0.45])))).toEqual(["c", "a", "b"]);
    // A clause that finds nothing leaves the whole message's suggestions.
    expect(idsOf(run(whole, ranked()))).toEqual(["a", "b"]);
  });
});

describe("createMatcher on the shipped knowledge base", async () => {
  const kb: KnowledgeBase = await shippedKnowledgeBase();
  const matcher = createMatcher(kb);
  const answerOf = (query: string) => {
    const result = matcher.match(query);
    return result.decision === "answer" ? result.entry.id : result.decision;
  };

  it("answers the core question in all three languages and both scripts", () => {
    expect(answerOf("香港流量卡可以家庭共享吗")).toBe("sharing-supported");
    expect(answerOf("香港流量卡可以家庭共享嗎")).toBe("sharing-supported");
    expect(answerOf("can hong kong sim cards do family sharing")).toBe("sharing-supported");
  });

  it("does not answer an entry whose words barely fit, however sure the classifiers are", () => {
    const question = "难道港卡打电话都要先拨852？";
    const loose = createMatcher(kb, { answerMatch: 0 }).match(question);
    expect(loose.decision === "answer" && loose.entry.id).toBe("card-what-is");
    expect(answerOf(question)).not.toBe("card-what-is");
  });

  it("declines a question about what no entry holds, however well its other words fit one", () => {
    const fitsTheRest = createMatcher(kb, { ownSubjectRatio: 1.01 });
    const questions: [string, string][] = [
      ["Spotify 的 family plan 在香港可以跟内地家人一起共享吗", "other-family-plans"],
      ["澳门的流量卡能家庭共享吗", "outside-hong-kong"],
    ];
    for (const [question, topic] of questions) {
      expect(fitsTheRest.match(question)).toMatchObject({
        decision: "answer",
        entry: { id: "sharing-supported" },
      });
      expect(matcher.match(question)).toMatchObject({
        decision: "none",
        outOfScope: { id: topic },
      });
    }
  });

  it("never lets a greeting, which no entry holds either, decline the question with it", () => {
    expect(answerOf("谢谢，港卡能共享吗")).toBe("sharing-supported");
    expect(matcher.match("谢谢")).toMatchObject({
      decision: "none",
      outOfScope: { id: "greetings" },
    });
  });

  it("tells a question about why apart from one about whether", () => {
    expect(answerOf("为什么香港流量卡不支持家庭共享")).toBe("sharing-why-not");
  });

  it("answers a yes/no question put in the negative as the question it asks", () => {
    // Read as written, 不能 + 共享 is what the entries on why not, and on whether it matters, hold.
    const asWritten = createMatcher({ ...kb, lexicon: { ...kb.lexicon, negated: undefined } });
    const asked = asWritten.match("港卡不能家庭共享吗");
    expect(asked.decision === "answer" && asked.entry.id).not.toBe("sharing-supported");
    for (const question of [
      "港卡不能家庭共享吗",
      "香港嘅卡唔可以同屋企人共享咩？",
      "HK SIMs can't do family sharing, can they?",
    ]) {
      expect(answerOf(question)).toBe("sharing-supported");
    }
    expect(answerOf("港卡不能家庭共享影响大吗")).toBe("sharing-worth-it");
  });

  it("reads polite openings and hearsay as no part of the question", () => {
    // 不好意思 is "excuse me", not 意思 ("meaning"), which would ask what family sharing means.
    const terms = (text: string) => matcher.normalizer.queryTerms(text);
    expect(terms("不好意思，打扰一下，港卡能共享吗")).toEqual(terms("港卡能共享吗"));
    expect(terms("唔好意思，聽講港卡唔可以共享")).toEqual(terms("港卡唔可以共享"));
    expect(terms("I heard HK cards can't share")).toEqual(terms("HK cards can't share"));
  });

  it("corrects English misspellings against the known words", () => {
    expect(answerOf("can i share data with a hotspot")).toBe("sharing-hotspot");
    expect(answerOf("can i share data with a hotsopt")).toBe("sharing-hotspot");
  });

  it("declines known out-of-scope questions with their topic, in every language", () => {
    const topicOf = (query: string) => {
      const result = matcher.match(query);
      return result.decision === "none" ? result.outOfScope?.id : result.decision;
    };
    expect(topicOf("香港流量卡幾多錢一張")).toBe("prices");
    expect(topicOf("how much is a hong kong data card")).toBe("prices");
    expect(topicOf("香港卡支持esim吗")).toBe("esim");
    expect(topicOf("hk card in macau, does it work")).toBe("outside-hong-kong");
  });

  it("lets a topic decline only for a word that the best entry does not know", () => {
    // The short-codes topic knows 查询 and 流量, but so does the entry on checking remaining data.
    expect(answerOf("港卡查剩余流量")).toBe("monitoring-supported");
    expect(answerOf("hk sim check remaining data")).toBe("monitoring-supported");
    const roaming = matcher.match("港卡到日本旅行能漫游上网吗");
    expect(roaming.decision === "none" && roaming.outOfScope?.id).toBe("outside-hong-kong");
  });

  it("does not answer what the knowledge base does not cover", () => {
    for (const query of ["香港流量卡多少钱", "hello", "asdfghjkl", "澳门电话卡怎么激活"]) {
      expect(matcher.match(query).decision, query).not.toBe("answer");
    }
  });

  it("never throws on odd input, and answers it with none or a real match", () => {
    const odd = [
      "",
      "   \n\t ",
      "😀😀😀",
      "1234567890",
      "\u0000\u0001\u001b[31m",
      "香港".repeat(5_000),
      "hotspot 熱點 热点 ホットスポット",
      "\uD800 lone surrogate",
    ];
    for (const query of odd) {
      const result = matcher.match(query);
      expect(["answer", "suggest", "none"]).toContain(result.decision);
      for (const candidate of result.candidates) {
        expect(candidate.score).toBeGreaterThanOrEqual(0);
        expect(candidate.score).toBeLessThanOrEqual(1);
        expect(kb.entryById.get(candidate.entry.id)).toBe(candidate.entry);
      }
    }
    expect(matcher.match("").decision).toBe("none");
    expect(matcher.match("😀😀😀").decision).toBe("none");
  });

  it("answers the clause that asks when the clauses around it only tell", () => {
    // Each is only suggested on its whole text: the trip and the family dilute the question.
    expect(
      answerOf(
        "我和老公下周去香港玩五天，住在尖沙咀，行程排得很满，酒店也订好了，港卡可以开热点给他用吗",
      ),
    ).toBe("sharing-hotspot");
    expect(
      answerOf(
        "We're flying to Hong Kong on Monday, staying in Mong Kok for a week with the kids. How do I check how much data is left on my card?",
      ),
    ).toBe("monitoring-supported");
    expect(answerOf("朋友推荐我买香港卡，我在深圳上班，每周过去两次，香港卡有什么优惠活动吗")).toBe(
      "plan-promotions",
    );
  });

  it("keeps a decline of the whole message: its telling clauses may be what is out of scope", () => {
    // Sharing alone is answered; in Macau, where the articles say nothing, it is declined.
    expect(answerOf("港卡可以共享吗")).toBe("sharing-supported");
    const result = matcher.match("我们下周要去澳门玩三天，港卡可以共享吗");
    expect(result.decision === "none" && result.outOfScope?.id).toBe("outside-hong-kong");
  });

  it("ranks candidates best first", () => {
    const { candidates } = matcher.match("香港卡热点共享会限速吗");
    const scores = candidates.map((candidate) => candidate.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(candidates.length).toBeGreaterThan(0);
  });
});
