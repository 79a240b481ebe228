import { describe, expect, it } from "vitest";
import {
  addDays,
  alertsDue,
  checkReading,
  hongKongDate,
  type Plan,
  readingsOf,
  usageBar,
  usageStatus,
} from "../../src/tracker/usage.js";

const GB = 1024;
const plan: Plan = {
  totalMb: 10 * GB,
  startDate: "2026-11-20",
  days: 7,
  threshold: { percent: 20 },
};
/** A moment given in Hong Kong time. */
const hk = (dateTime: string) => new Date(`${dateTime}+08:00`);

describe("dates in Hong Kong", () => {
  it("puts a moment on its Hong Kong day, whatever the UTC date", () => {
    expect(hongKongDate(new Date("2026-11-22T17:30:00Z"))).toBe("2026-11-23");
    expect(hongKongDate(new Date("2026-11-22T15:59:00Z"))).toBe("2026-11-22");
  });

  it("counts across a leap day", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2028-02-28", 2)).toBe("2028-03-01");
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
  });
});

describe("usageStatus", () => {
  it("works out what is left, days left and a daily budget", () => {
    const status = usageStatus(
      plan,
      [{ at: hk("2026-11-21T20:00"), usedMb: 4 * GB }],
      hk("2026-11-22T09:00"),
    );
    expect(status).toMatchObject({
      usedMb: 4 * GB,
      leftMb: 6 * GB,
      daysLeft: 5,
      lastDay: "2026-11-26",
    });
    expect(status.dailyBudgetMb).toBeCloseTo((6 * GB) / 5);
    expect(status.belowThreshold).toBe(false);
  });

  it("projects the day the data runs out at the recent pace", () => {
    const readings = [
      { at: hk("2026-11-20T09:00"), usedMb: 0 },
      { at: hk("2026-11-21T09:00"), usedMb: 3 * GB },
      { at: hk("2026-11-22T09:00"), usedMb: 6 * GB },
    ];
    const status = usageStatus(plan, readings, hk("2026-11-22T09:00"));
    // Over the last three days, which reach back to the plan's start at midnight, at zero.
    expect(status.paceMbPerDay).toBeCloseTo((6 * GB) / (57 / 24));
    expect(status.runsOutOn).toBe("2026-11-23");
    expect(alertsDue(status, new Set())).toEqual(["pace"]);
  });

  it("counts the plan's start as a reading at zero, so the first report has a pace", () => {
    const week: Plan = {
      totalMb: 5 * GB,
      startDate: "2026-11-20",
      days: 7,
      threshold: { percent: 1 },
    };
    const status = usageStatus(
      week,
      [{ at: hk("2026-11-21T12:00"), usedMb: 4.8 * GB }],
      hk("2026-11-21T12:00"),
    );
    expect(status.paceMbPerDay).toBeCloseTo((4.8 * GB) / 1.5);
    expect(status.runsOutOn).toBe("2026-11-21");
    expect(alertsDue(status, new Set())).toEqual(["pace"]);
  });

  it("does not project a run-out that falls after the plan ends", () => {
    const readings = [
      { at: hk("2026-11-20T09:00"), usedMb: 0 },
      { at: hk("2026-11-22T09:00"), usedMb: 1 * GB },
    ];
    expect(usageStatus(plan, readings, hk("2026-11-22T09:00")).runsOutOn).toBeUndefined();
  });

  it("has no pace from a reading minutes after the start, or readings minutes apart", () => {
    expect(
      usageStatus(plan, [{ at: hk("2026-11-20T00:20"), usedMb: GB }], hk("2026-11-20T00:30"))
        .paceMbPerDay,
    ).toBeUndefined();
    const close = [
      { at: hk("2026-11-20T00:05"), usedMb: GB },
      { at: hk("2026-11-20T00:15"), usedMb: 2 * GB },
    ];
    expect(usageStatus(plan, close, hk("2026-11-20T00:15")).paceMbPerDay).toBeUndefined();
  });

  it("handles usage above the plan: nothing left, below any threshold", () => {
    const status = usageStatus(
      plan,
      [{ at: hk("2026-11-22T09:00"), usedMb: 11 * GB }],
      hk("2026-11-22T10:00"),
    );
    expect(status.leftMb).toBe(0);
    expect(status.belowThreshold).toBe(true);
    expect(usageBar(plan, status)).toBe("▓▓▓▓▓▓▓▓▓▓ 100%");
  });

  it("ends after the last day: zero days left, no budget, no alerts", () => {
    const status = usageStatus(
      plan,
      [{ at: hk("2026-11-26T23:00"), usedMb: 9.5 * GB }],
      hk("2026-11-27T00:00"),
    );
    expect(status).toMatchObject({ ended: true, daysLeft: 0, dailyBudgetMb: 0 });
    expect(alertsDue(status, new Set())).toEqual([]);
  });

  it("counts the last day as a day left until its midnight in Hong Kong", () => {
    const status = usageStatus(plan, [], hk("2026-11-26T23:59"));
    expect(status).toMatchObject({ ended: false, daysLeft: 1 });
  });
});

describe("alerts", () => {
  it("fire once each: a threshold crossed again sends nothing new", () => {
    const low = usageStatus(
      plan,
      [{ at: hk("2026-11-26T09:00"), usedMb: 8.5 * GB }],
      hk("2026-11-26T10:00"),
    );
    expect(alertsDue(low, new Set())).toEqual(["threshold"]);
    expect(alertsDue(low, new Set(["threshold"]))).toEqual([]);
  });

  it("take an amount as a threshold as well as a percentage", () => {
    const byAmount: Plan = { ...plan, threshold: { megabytes: 500 } };
    const status = usageStatus(
      byAmount,
      [{ at: hk("2026-11-22T09:00"), usedMb: 9.6 * GB }],
      hk("2026-11-22T10:00"),
    );
    expect(status.belowThreshold).toBe(true);
  });
});

describe("checkReading", () => {
  const readings = [{ at: hk("2026-11-21T09:00"), usedMb: 3 * GB }];
  it("takes a growing total, and flags a lower one as a possible reset", () => {
    expect(checkReading(plan, readings, 4 * GB)).toBeUndefined();
    expect(checkReading(plan, readings, 1 * GB)).toBe("lower-than-last");
  });

  it("refuses nonsense with a reason", () => {
    expect(checkReading(plan, readings, -1)).toBe("negative");
    expect(checkReading(plan, readings, 100 * GB)).toBe("above-plan");
    expect(checkReading(plan, readings, Number.NaN)).toBe("negative");
  });
});

describe("readingsOf", () => {
  it("turns stored readings (ISO times) into the arithmetic's, in order", () => {
    const stored = {
      readings: [
        { at: "2026-11-20T12:00:00.000Z", usedMb: 100 },
        { at: "2026-11-21T12:00:00.000Z", usedMb: 250.5 },
      ],
    };
    expect(readingsOf(stored)).toEqual([
      { at: new Date("2026-11-20T12:00:00.000Z"), usedMb: 100 },
      { at: new Date("2026-11-21T12:00:00.000Z"), usedMb: 250.5 },
    ]);
    expect(readingsOf({ readings: [] })).toEqual([]);
  });
});
