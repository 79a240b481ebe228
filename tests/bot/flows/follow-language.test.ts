import { describe, expect, it } from "vitest";
import { languageToFollow } from "../../../src/bot/flows/follow-language.js";

describe("languageToFollow", () => {
  it("switches an English flow to the Chinese typed in it", () => {
    expect(languageToFollow("四個", "en")).toBe("zh-Hant");
    expect(languageToFollow("四个人", "en")).toBe("zh-Hans");
  });

  it("switches a Simplified flow to Traditional, never the other way", () => {
    expect(languageToFollow("兩個人", "zh-Hans")).toBe("zh-Hant");
    expect(languageToFollow("两个人", "zh-Hant")).toBeUndefined();
  });

  it("switches a Chinese flow to English only for English words, not for a figure and a unit", () => {
    expect(languageToFollow("four of us", "zh-Hans")).toBe("en");
    expect(languageToFollow("10GB", "zh-Hans")).toBeUndefined();
    expect(languageToFollow("ok", "zh-Hant")).toBeUndefined();
    expect(languageToFollow("about 10 GB please", "zh-Hant")).toBeUndefined();
  });

  it("stays for what has no script, or the flow's own", () => {
    expect(languageToFollow("3", "en")).toBeUndefined();
    expect(languageToFollow("😀", "zh-Hans")).toBeUndefined();
    expect(languageToFollow("three", "en")).toBeUndefined();
  });
});
