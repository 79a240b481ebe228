import type { Reading, Refusal } from "../../reading/reading.js";
import type { Choice } from "./live-question.js";

export type { Choice } from "./live-question.js";

/** One question of a flow: its buttons, how a typed answer is read, and what to say when it is not. */
export interface Question<T> {
  prompt: string;
  choices: Choice<T>[];
  /** The answer given before, when "back" returns here: its button is ticked. */
  previous?: T;
  /** Reads a typed answer; a question without one takes buttons only. */
  read?: (text: string) => Reading<T>;
  /** A reading as a button label when asking back which was meant: "500 MB", "2 Dec 2026". */
  describe: (value: T) => string;
  /** What a typed answer looks like, said with the buttons when a text could not be read. */
  expected: string;
  /** Why a reading cannot be taken, and choices that would do instead ("start today"). */
  refusal?: (reason: Refusal, value: T | undefined) => { text: string; choices?: Choice<T>[] };
}

/** A flow's answer to "back": return to the previous question. */
export const BACK = Symbol("back");

/** A yes-or-no question: two buttons, and yes / no typed in the three languages. */
export function yesNoQuestion(
  prompt: string,
  labels: { yes: string; no: string },
  expected: string,
  read: (text: string) => Reading<boolean>,
): Question<boolean> {
  return {
    prompt,
    choices: [
      { value: true, label: labels.yes },
      { value: false, label: labels.no },
    ],
    read,
    describe: (value) => (value ? labels.yes : labels.no),
    expected,
  };
}
