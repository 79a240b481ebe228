import { describe, expect, it } from "vitest";
import { RATE_LIMIT } from "../../src/bot/rate-limit.js";
import { LINE_INTERVAL_MS, pacedClock } from "../../src/offline/paced-clock.js";

/** A base clock the test moves by hand. */
function handClock(start: number) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

describe("pacedClock", () => {
  it("puts lines read at once an interval apart, and keeps time running between them", () => {
    const base = handClock(1_000_000);
    const clock = pacedClock(3_000, base);
    const times: number[] = [];
    for (let line = 0; line < 4; line++) {
      clock.lineRead();
      times.push(clock.now().getTime());
    }
    expect(times).toEqual([1_000_000, 1_003_000, 1_006_000, 1_009_000]);
    base.advance(500);
    expect(clock.now().getTime()).toBe(1_009_500);
  });

  it("keeps the base clock's time for lines typed slower than the interval", () => {
    const base = handClock(1_000_000);
    const clock = pacedClock(3_000, base);
    clock.lineRead();
    base.advance(10_000);
    clock.lineRead();
    expect(clock.now().getTime()).toBe(1_010_000);
    // A burst after a pause is paced from the last line, and never goes back in time.
    base.advance(1_000);
    clock.lineRead();
    expect(clock.now().getTime()).toBe(1_013_000);
    base.advance(5_000);
    clock.lineRead();
    expect(clock.now().getTime()).toBe(1_018_000);
  });

  it("reads lines slower than the bot's rate limit counts a flood", () => {
    // Lines a window holds at this pace, counting one at each end.
    const perWindow = Math.floor(RATE_LIMIT.windowMs / LINE_INTERVAL_MS) + 1;
    expect(perWindow).toBeLessThan(RATE_LIMIT.messages);
  });
});
