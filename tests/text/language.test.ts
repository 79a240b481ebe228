import { describe, expect, it } from "vitest";
import { languageOfText } from "../../src/text/language.js";

describe("languageOfText", () => {
  it.each([
    ["香港卡怎么共享流量", "zh-Hans"],
    ["香港卡點樣分享數據", "zh-Hant"],
    // Written Cantonese in characters both scripts share is still Hong Kong's.
    ["佢哋用咗好多", "zh-Hant"],
    ["can I share my data", "en"],
    // Chinese with English words inside is Chinese.
    ["我的 eSIM 开不了 hotspot", "zh-Hans"],
    ["個 plan 用晒未", "zh-Hant"],
  ])("reads %j as %s", (text, language) => {
    expect(languageOfText(text)).toBe(language);
  });

  it("says nothing of digits, emoji and punctuation", () => {
    for (const text of ["", "2", "👍", "??", "12:30"]) expect(languageOfText(text)).toBeUndefined();
  });
});
