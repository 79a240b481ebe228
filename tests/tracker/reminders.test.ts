import { describe, expect, it } from "vitest";
import { nextReminder, planEnd, withNextReminder } from "../../src/tracker/reminders.js";
import type { Plan } from "../../src/tracker/usage.js";

const plan: Plan = { totalMb: 10240, startDate: "2026-11-20", days: 7, threshold: { percent: 20 } };
const hk = (dateTime: string) => new Date(`${dateTime}+08:00`);

describe("nextReminder", () => {
  it("checks in at the chosen Hong Kong hour, today if still ahead, else tomorrow", () => {
    expect(nextReminder({ plan, checkInHour: 21 }, hk("2026-11-22T09:00"))).toEqual({
      at: hk("2026-11-22T21:00"),
      kind: "check-in",
    });
    expect(nextReminder({ plan, checkInHour: 9 }, hk("2026-11-22T09:00"))?.at).toEqual(
      hk("2026-11-23T09:00"),
    );
  });

  it("stores UTC: a 7:00 check-in in Hong Kong falls on the UTC day before", () => {
    const at = nextReminder({ plan, checkInHour: 7 }, hk("2026-11-22T12:00"))?.at;
    expect(at?.toISOString()).toBe("2026-11-22T23:00:00.000Z");
  });

  it("ends with one note when the plan ends, then nothing", () => {
    expect(nextReminder({ plan, checkInHour: 21 }, hk("2026-11-26T22:00"))).toEqual({
      at: planEnd(plan),
      kind: "plan-ended",
    });
    expect(planEnd(plan)).toEqual(hk("2026-11-27T00:00"));
    expect(nextReminder({ plan }, hk("2026-11-28T10:00"))).toEqual({
      at: planEnd(plan),
      kind: "plan-ended",
    });
    expect(nextReminder({ plan, endedNoteSent: true }, hk("2026-11-28T10:00"))).toBeUndefined();
  });

  it("without check-ins, waits for the end of the plan", () => {
    expect(nextReminder({ plan }, hk("2026-11-21T10:00"))?.kind).toBe("plan-ended");
  });
});

describe("withNextReminder", () => {
  const tracker = {
    plan,
    checkInHour: 21,
    nextReminderAt: "2026-11-01T00:00:00.000Z",
    paused: false,
  };

  it("sets the next reminder's time as ISO UTC, keeping the rest of the tracker", () => {
    expect(withNextReminder(tracker, hk("2026-11-22T09:00"))).toEqual({
      ...tracker,
      nextReminderAt: hk("2026-11-22T21:00").toISOString(),
    });
  });

  it("moves it to the end-of-plan note once the check-ins are over", () => {
    expect(withNextReminder(tracker, hk("2026-11-26T22:00")).nextReminderAt).toBe(
      planEnd(plan).toISOString(),
    );
  });

  it("leaves the time out when nothing is due ever again", () => {
    const done = withNextReminder({ ...tracker, endedNoteSent: true }, hk("2026-11-28T10:00"));
    expect(done).not.toHaveProperty("nextReminderAt");
    expect(done).toEqual({ plan, checkInHour: 21, paused: false, endedNoteSent: true });
  });
});
