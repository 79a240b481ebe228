import { describe, expect, it } from "vitest";
import { describeThreshold, formatDay, formatHour } from "../../src/tracker/display.js";

describe("how the tracker writes days, hours and alert levels", () => {
  it("writes a day with the month in words or in Chinese, never an order to misread", () => {
    expect(formatDay("2026-12-02", "en")).toBe("2 Dec 2026");
    expect(formatDay("2026-12-02", "zh-Hans")).toBe("2026年12月2日");
    expect(formatDay("2026-12-02", "zh-Hant")).toBe("2026年12月2日");
    // The calendar day as given, whatever the machine's time zone.
    expect(formatDay("2027-01-01", "en")).toBe("1 Jan 2027");
  });

  it("writes an hour as a 24-hour clock does", () => {
    expect(formatHour(9)).toBe("09:00");
    expect(formatHour(21)).toBe("21:00");
    expect(formatHour(0)).toBe("00:00");
  });

  it("writes an alert level as it was set: a percentage or an amount", () => {
    expect(describeThreshold({ percent: 20 })).toBe("20%");
    expect(describeThreshold({ megabytes: 500 })).toBe("500 MB");
    expect(describeThreshold({ megabytes: 2048 })).toBe("2 GB");
  });
});
