import { describe, expect, it } from "vitest";
import { dropANotAB, MAX_QUERY_CHARS, prepare, prepareWord } from "../../src/matching/prepare.js";

describe("prepare", () => {
  it("folds width, case, Traditional script and punctuation", () => {
    expect(prepare("ＳＩＭ卡，數據！")).toBe("sim 卡 数据");
    expect(prepare("香港流量卡😀支持嗎？？")).toBe("香港流量卡 支持吗");
  });

  it("drops English plurals but not words ending in ss, us or is", () => {
    expect(prepare("Cards plans batteries access status this")).toBe(
      "card plan battery access status this",
    );
    expect(prepare("addresses gas")).toBe("address gas");
  });

  it("reads the A-not-AB question form as its word, but keeps a bare A-not-A", () => {
    expect(prepare("支不支持")).toBe("支持");
    expect(prepare("準不準")).toBe("准不准");
  });

  it(`reads at most ${MAX_QUERY_CHARS} characters`, () => {
    expect(prepare("卡".repeat(10_000))).toHaveLength(MAX_QUERY_CHARS);
  });

  it("prepares each word on its own, as prepareWord does", () => {
    const text = "Ｈotspots 熱點，SIM卡 2GB";
    expect(prepare(text)).toBe(text.split(" ").map(prepareWord).join(" "));
    expect(prepareWord("2GB")).toBe("2gb");
  });
});

describe("dropANotAB", () => {
  it("drops the first A不 of A不AB, which a Cantonese rewrite may leave", () => {
    expect(dropANotAB("港卡支不支援共享")).toBe("港卡支援共享");
    expect(dropANotAB("不支持")).toBe("不支持");
    expect(dropANotAB("可以")).toBe("可以");
  });
});
