import { describe, expect, it } from "vitest";
import { SoundAlikeTable } from "../../src/matching/sound-alikes.js";

function tableOf(words: Record<string, string>): SoundAlikeTable {
  const table = new SoundAlikeTable();
  for (const [word, term] of Object.entries(words)) table.add(word, term);
  return table;
}

describe("SoundAlikeTable", () => {
  const table = tableOf({
    提醒: "提醒",
    套餐: "套餐",
    计划: "套餐",
    实时: "实时",
    流量卡: "流量卡",
  });

  it("reads a run of lone characters that sounds like a lexicon word as its term", () => {
    // 体醒 (tixing) for 提醒, 记划 (jihua) for 计划: pinyin-keyboard slips.
    expect(table.correct(["短信", "体", "醒"])).toEqual(["短信", "提醒"]);
    expect(table.correct(["记", "划"])).toEqual(["套餐"]);
    expect(table.correct(["换", "套", "参"])).toEqual(["换", "套餐"]);
  });

  it("leaves real words, doubled characters and other runs alone", () => {
    expect(table.correct(["事实"])).toEqual(["事实"]);
    expect(table.correct(["试", "试"])).toEqual(["试", "试"]);
    expect(table.correct(["你", "好", "sim"])).toEqual(["你", "好", "sim"]);
    expect(table.correct([])).toEqual([]);
  });

  it("reads no sound that two terms share", () => {
    expect(tableOf({ 实时: "实时" }).correct(["是", "时"])).toEqual(["实时"]);
    const ambiguous = tableOf({ 实时: "实时", 事实: "事实" });
    expect(ambiguous.correct(["是", "时"])).toEqual(["是", "时"]);
    // Two words of one term may share a sound: the sound still says which term.
    expect(tableOf({ 计划: "套餐", 记划: "套餐" }).correct(["既", "话"])).toEqual(["套餐"]);
  });
});
