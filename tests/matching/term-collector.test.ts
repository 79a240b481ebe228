import { describe, expect, it } from "vitest";
import { PhraseTable } from "../../src/matching/phrase-table.js";
import { SoundAlikeTable } from "../../src/matching/sound-alikes.js";
import { TermCollector } from "../../src/matching/term-collector.js";

const folds = new PhraseTable<string>();
folds.set("上网卡", "流量卡");
folds.set("请问", "");
const soundAlikes = new SoundAlikeTable();
soundAlikes.add("提醒", "提醒");

function collect(text: string, correct: boolean): string[] {
  const collector = new TermCollector(new Set(["的", "the"]), correct ? soundAlikes : undefined);
  folds.scan(text, collector);
  return collector.terms;
}

describe("TermCollector", () => {
  it("keeps a phrase's term, drops a filler phrase, and segments the spans between", () => {
    expect(collect("请问上网卡 流量提醒", false)).toEqual(["流量卡", "流量", "提醒"]);
  });

  it("drops filler words only as whole words", () => {
    expect(collect("the 的 目的 theme", false)).toEqual(["目的", "theme"]);
  });

  it("corrects sound-alike typos only when asked to, across the spaces of a span", () => {
    expect(collect("体醒", true)).toEqual(["提醒"]);
    expect(collect("体 醒", true)).toEqual(["提醒"]);
    expect(collect("体醒", false)).toEqual(["体", "醒"]);
  });
});
