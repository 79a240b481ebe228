import { describe, expect, it } from "vitest";
import { countQuestion } from "../../src/bot/rate-limit.js";

describe("counting a user's questions", () => {
  const limit = { messages: 3, windowMs: 10_000 };
  const run = (times: number[]) => {
    let window: ReturnType<typeof countQuestion>["window"] | undefined;
    return times.map((now) => {
      const counted = countQuestion(window, now, limit);
      window = counted.window;
      return counted.verdict;
    });
  };

  it("lets the limit through, says so once past it, then skips in silence", () => {
    expect(run([0, 1, 2, 3, 4, 5])).toEqual([
      "within",
      "within",
      "within",
      "just-over",
      "over",
      "over",
    ]);
  });

  it("starts a new window once the last one ran out, not before", () => {
    expect(run([0, 1, 2, 9_999, 10_000, 10_001])).toEqual([
      "within",
      "within",
      "within",
      "just-over",
      "within",
      "within",
    ]);
  });
});
