/**
 * What a typed answer says, as a tagged result. A flow acts on each kind differently: takes a
 * sure reading, asks back about an ambiguous one, refuses an impossible one with its reason,
 * hands a text that is not an answer to whatever it is, and re-asks when nothing can be read.
 */

export type Refusal =
  /** A start date after today. */
  | "future"
  /** A start date whose plan has already run out. */
  | "ended"
  /** A day that does not exist: 31/2. */
  | "invalid-date"
  /** A threshold at or above the plan, or a usage figure far beyond it. */
  | "above-plan"
  | "negative"
  /** Outside what the step takes: 30 people, 400 days, 120 %. */
  | "out-of-range";

export type Elsewhere = "usage" | "question" | "chat";

export type Reading<T> =
  | { kind: "sure"; value: T }
  /** Readings to choose from, most likely first; a single one is "did you mean …?". */
  | { kind: "ask"; options: T[] }
  | { kind: "refused"; reason: Refusal; value?: T }
  /** Not an answer to this step: a usage report, a question for the FAQ, small talk. */
  | { kind: "other"; what: Elsewhere }
  | { kind: "unreadable" };

export const sure = <T>(value: T): Reading<T> => ({ kind: "sure", value });
export const unreadable: Reading<never> = { kind: "unreadable" };
export const refused = <T>(reason: Refusal, value?: T): Reading<T> =>
  value === undefined ? { kind: "refused", reason } : { kind: "refused", reason, value };

/** One reading is sure, several are asked about, none is unreadable. */
export function fromReadings<T>(readings: T[]): Reading<T> {
  if (readings.length === 0) return unreadable;
  if (readings.length === 1) return sure(readings[0] as T);
  return { kind: "ask", options: readings };
}

/**
 * A sure reading of a text with words left over that the reader did not account for: asked.
 * A number among them ("2-3GB", "10,5GB") may be the answer as much as the one read: nothing is
 * offered then.
 */
export function doubted<T>(reading: Reading<T>, leftover: string): Reading<T> {
  if (reading.kind !== "sure" || leftover === "") return reading;
  if (/\p{N}/u.test(leftover)) return unreadable;
  return { kind: "ask", options: [reading.value] };
}
