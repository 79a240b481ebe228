import { describe, expect, it } from "vitest";
import { formatData } from "../../src/tracker/amounts.js";

describe("formatData", () => {
  it("uses MB below a gigabyte and GB above", () => {
    expect(formatData(512)).toBe("512 MB");
    expect(formatData(1536)).toBe("1.50 GB");
    expect(formatData(10240)).toBe("10 GB");
    expect(formatData(12800)).toBe("12.5 GB");
  });
});
