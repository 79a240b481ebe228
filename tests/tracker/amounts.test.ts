import { describe, expect, it } from "vitest";
import { formatData, readCount, readDataAmount, readDays } from "../../src/tracker/amounts.js";

describe("readDataAmount", () => {
  it.each([
    ["10GB", 10240],
    ["10 gb", 10240],
    ["1.5 G", 1536],
    ["500MB", 500],
    ["300M", 300],
    ["１０Ｇ", 10240],
    ["三G", 3072],
    ["用咗 2.3G", 2355.2],
    ["used 2.3 GB", 2355.2],
    ["8", 8192],
    ["1,024 MB", 1024],
  ])("reads %s as %d MB", (text, megabytes) => {
    expect(readDataAmount(text)).toBe(megabytes);
  });

  it.each(["", "lots", "-2GB", "GB"])("refuses %j", (text) => {
    expect(readDataAmount(text)).toBeUndefined();
  });
});

describe("readDays and readCount", () => {
  it.each([
    ["7天", 7],
    ["30 days", 30],
    ["一星期", 7],
    ["a week", 7],
    ["两周", 14],
    ["一個月", 30],
  ])("reads %s as %d days", (text, days) => {
    expect(readDays(text)).toBe(days);
  });

  it.each([
    ["3个人", 3],
    ["三個", 3],
    ["three", 3],
    ["十", 10],
    ["十二", 12],
  ])("reads %s as %d", (text, count) => {
    expect(readCount(text, 1, 20)).toBe(count);
  });

  it("refuses counts out of range or not whole", () => {
    expect(readCount("0", 1, 20)).toBeUndefined();
    expect(readCount("2.5", 1, 20)).toBeUndefined();
    expect(readCount("99", 1, 20)).toBeUndefined();
    expect(readCount("many", 1, 20)).toBeUndefined();
  });
});

describe("formatData", () => {
  it("uses MB below a gigabyte and GB above", () => {
    expect(formatData(512)).toBe("512 MB");
    expect(formatData(1536)).toBe("1.50 GB");
    expect(formatData(10240)).toBe("10 GB");
    expect(formatData(12800)).toBe("12.5 GB");
  });
});
