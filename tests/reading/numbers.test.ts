import { describe, expect, it } from "vitest";
import { calendarDay } from "../../src/reading/dates.js";
import { chineseNumber, numberValue } from "../../src/reading/numbers.js";

describe("numbers as typed", () => {
  it.each([
    ["三", 3],
    ["十五", 15],
    ["二十", 20],
    ["廿五", 25],
    ["二百", 200],
    ["一百零五", 105],
    ["一千五", 1500],
    ["一千五百", 1500],
    ["兩萬五", 25_000],
    ["兩點五", 2.5],
    ["兩個半", 2.5],
  ])("reads the Chinese numeral %s as %d", (text, value) => {
    expect(chineseNumber(text)).toBe(value);
  });

  it("refuses digits read one by one, which are no numeral", () => {
    expect(chineseNumber("一二三")).toBeUndefined();
    expect(chineseNumber("")).toBeUndefined();
  });

  it.each([
    ["2.5", 2.5],
    ["twenty five", 25],
    ["twenty-five", 25],
    ["two hundred", 200],
    ["two and a half", 2.5],
    ["one point five", 1.5],
    ["half a", 0.5],
  ])("reads %s as %d", (text, value) => {
    expect(numberValue(text)).toBe(value);
  });
});

describe("calendar days", () => {
  it("exist or do not", () => {
    expect(calendarDay(2026, 2, 28)).toBe("2026-02-28");
    expect(calendarDay(2026, 2, 31)).toBeUndefined();
    expect(calendarDay(2028, 2, 29)).toBe("2028-02-29");
    expect(calendarDay(2026, 13, 1)).toBeUndefined();
  });
});
