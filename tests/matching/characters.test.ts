import { describe, expect, it } from "vitest";
import {
  hasHan,
  isHan,
  isLatinOrDigit,
  isSingleHan,
  isWhitespaceAt,
  WHITESPACE_CHARACTERS,
} from "../../src/matching/characters.js";

const everyCodeUnit = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code));

describe("character classes", () => {
  it("count as whitespace exactly what a regular expression's \\s matches", () => {
    const matched = everyCodeUnit.filter((char) => /\s/.test(char));
    expect([...WHITESPACE_CHARACTERS]).toEqual(matched);
    expect(everyCodeUnit.filter((char) => isWhitespaceAt(char, 0))).toEqual(matched);
    expect(isWhitespaceAt("a", 1)).toBe(false);
  });

  it("count only lower-case a-z and 0-9 as Latin or digits, and nothing past either end", () => {
    const latin = everyCodeUnit.filter((char) => isLatinOrDigit(char, 0)).join("");
    expect(latin).toBe("0123456789abcdefghijklmnopqrstuvwxyz");
    expect(isLatinOrDigit("a", -1)).toBe(false);
    expect(isLatinOrDigit("a", 1)).toBe(false);
  });

  it("tell Han text, all-Han text and a lone Han character apart", () => {
    expect([hasHan("sim卡"), hasHan("sim")]).toEqual([true, false]);
    expect([isHan("流量卡"), isHan("sim卡"), isHan("")]).toEqual([true, false, false]);
    expect(["卡", "卡卡", "a", "", undefined].map(isSingleHan)).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});
