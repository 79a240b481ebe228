import { type Clock, systemClock } from "../clock.js";

/**
 * How far apart, at least, the terminal chat tells the bot its lines were typed: a quick
 * typist's pace. The bot's rate limit (RATE_LIMIT: 20 questions in 10 s) stops floods; a script
 * replayed into `npm run chat` is one person, and at this pace no more than four of its lines
 * fall in one window.
 */
export const LINE_INTERVAL_MS = 3_000;

/** A clock that a reader of typed lines moves on: see `pacedClock`. */
export interface PacedClock extends Clock {
  /** A line was read: from now on the time is at least `intervalMs` past the previous line's. */
  lineRead(): void;
}

/**
 * The base clock, pushed ahead whenever lines come faster than a person types them. Typed by
 * hand, lines are seconds apart and the time stays the base clock's; piped, each line is
 * `intervalMs` after the one before, so the bot sees a human pace instead of a flood.
 */
export function pacedClock(intervalMs = LINE_INTERVAL_MS, base: Clock = systemClock): PacedClock {
  let ahead = 0;
  let lastLine = Number.NEGATIVE_INFINITY;
  return {
    now: () => new Date(base.now().getTime() + ahead),
    lineRead() {
      const real = base.now().getTime();
      const at = Math.max(real + ahead, lastLine + intervalMs);
      ahead = at - real;
      lastLine = at;
    },
  };
}
