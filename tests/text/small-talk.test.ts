import { describe, expect, it } from "vitest";
import { loadEvalSet } from "../../src/eval/eval-set.js";
import { classifySmallTalk, type SmallTalk } from "../../src/text/small-talk.js";
import { projectPath, shippedKnowledgeBase } from "../helpers.js";

const CASES: [string, SmallTalk | undefined][] = [
  // Thanks, in every language, with punctuation, emoji and fillers around it.
  ["thanks!", "thanks"],
  ["Thank you", "thanks"],
  ["thank you so much 🙏", "thanks"],
  ["thx", "thanks"],
  ["ty", "thanks"],
  ["Cheers!", "thanks"],
  ["ok thanks", "thanks"],
  ["thanks a lot", "thanks"],
  ["thanks bot!", "thanks"],
  ["Thanksss!!!", "thanks"],
  ["many thanks for your help", "thanks"],
  ["謝謝", "thanks"],
  ["多謝晒！", "thanks"],
  ["唔該晒你😊", "thanks"],
  ["谢谢", "thanks"],
  ["谢谢你！", "thanks"],
  ["非常感谢", "thanks"],
  ["多谢～", "thanks"],
  ["好的，谢谢", "thanks"],
  ["ｔｈａｎｋｓ", "thanks"],
  // Greetings.
  ["hi", "greeting"],
  ["Hello!", "greeting"],
  ["hey there", "greeting"],
  ["hiii", "greeting"],
  ["Good morning", "greeting"],
  ["hi bot", "greeting"],
  ["你好", "greeting"],
  ["您好！", "greeting"],
  ["哈囉", "greeting"],
  ["hello呀", "greeting"],
  ["早晨", "greeting"],
  ["早上好", "greeting"],
  ["大家好", "greeting"],
  ["在吗？", "greeting"],
  // Goodbyes; a farewell with thanks is a farewell.
  ["bye", "goodbye"],
  ["Bye bye!", "goodbye"],
  ["see you", "goodbye"],
  ["thanks, bye", "goodbye"],
  ["拜拜", "goodbye"],
  ["再見！", "goodbye"],
  ["再见", "goodbye"],
  ["88", "goodbye"],
  // Junk.
  ["😀😀😀", "junk"],
  ["🤔", "junk"],
  ["<b>x</b>", "junk"],
  ["<i></i>", "junk"],
  ["???", "junk"],
  ["。。。", "junk"],
  ["   ", "junk"],
  ["", "junk"],
  ["/", "junk"],
  ["/xyz", "junk"],
  ["x", "junk"],
  ["Q?", "junk"],
  ["asdfgh", "junk"],
  ["asdfghjkl", "junk"],
  ["qwerty", "junk"],
  // Whatever carries a question, or might, is for the matcher.
  ["thanks, but can I share data?", undefined],
  ["hi, how do I check my usage", undefined],
  ["hello 港卡點樣分享", undefined],
  ["你好，请问港卡可以共享吗", undefined],
  ["唔該，點樣查流量", undefined],
  ["谢谢，那热点呢？", undefined],
  ["bye the way, is there wifi", undefined],
  ["<b>港卡</b>", undefined],
  ["/港卡", undefined],
  ["卡", undefined],
  ["ok", "okay"],
  ["好的好的", "okay"],
  ["thx bro", "thanks"],
  ["0", "junk"],
  ["好", "okay"],
  ["bot", undefined],
  ["hotspot", undefined],
  ["10GB", undefined],
  ["qwzx plmk", undefined],
  ["highway", undefined],
  ["this", undefined],
  ["see you at the airport sim counter?", undefined],
  ["good", undefined],
];

describe("classifySmallTalk", () => {
  it.each(CASES)("%j → %s", (text, expected) => {
    expect(classifySmallTalk(text)).toBe(expected);
  });

  it("never takes a question that has an answer for small talk", async () => {
    const kb = await shippedKnowledgeBase();
    const questions = kb.entries.flatMap((entry) => entry.questions);
    for (const name of ["dev.yaml", "test.yaml"]) {
      const set = await loadEvalSet(projectPath(`tests/eval/${name}`));
      if (!set.ok) throw new Error(`${name} does not load`);
      questions.push(...set.items.filter((item) => item.expect !== null).map((item) => item.q));
    }
    expect(questions.length).toBeGreaterThan(300);
    expect(questions.filter((question) => classifySmallTalk(question) !== undefined)).toEqual([]);
  });

  it("reads a long message as a question without covering it", () => {
    expect(classifySmallTalk("thanks ".repeat(2000))).toBeUndefined();
  });
});
