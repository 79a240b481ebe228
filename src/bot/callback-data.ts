import { LANGUAGES, type Language } from "../text/language.js";

/** What a button asks for. Encoded as short text, since Telegram allows 64 bytes of data. */
export type Action =
  /** The topic menu, edited in place; with a category, that category's questions. */
  | { kind: "menu"; categoryId?: string }
  /** An answer shown in the menu message, with a way back to its category. */
  | { kind: "show"; entryId: string }
  /** An answer sent as a new message (related questions, "did you mean", samples). */
  | { kind: "ask"; entryId: string }
  | { kind: "rate"; entryId: string; helpful: boolean }
  | { kind: "lang"; language: Language }
  /** Starts a guided flow. */
  | { kind: "go"; flow: Flow }
  /**
   * An answer to the flow question numbered `question` (each question a flow sends gets the
   * next number, so a press on an older one is recognised as stale): a choice by its index.
   */
  | { kind: "flow"; question: number; choice: number | "back" | "cancel" }
  /**
   * A tracker button: pause or resume (each sets the state it names, so that an older message's
   * button does what it says), delete (asked first), or keep things as they are.
   */
  | { kind: "tracker"; command: TrackerCommand }
  /**
   * A card's total used so far, chosen where a typed report had two readings, or a lower total
   * taken as a reset of the card. A total, not a difference, and made when the tracker held
   * `readings` readings: once another is taken, the button is stale.
   */
  | { kind: "usage"; usedMb: number; reset: boolean; readings: number };

/** The guided flows: choosing a sharing workaround, setting up monitoring, editing the plan. */
export const FLOWS = ["share", "monitor", "plan"] as const;
export type Flow = (typeof FLOWS)[number];
export const TRACKER_COMMANDS = [
  "pause",
  "resume",
  "delete",
  "delete-yes",
  "keep",
  "typo",
] as const;
export type TrackerCommand = (typeof TRACKER_COMMANDS)[number];

export const MAX_CALLBACK_BYTES = 64;
const ID = "[a-z0-9]+(?:-[a-z0-9]+)*";
const PATTERNS: [RegExp, (match: RegExpMatchArray) => Action | undefined][] = [
  [/^menu$/, () => ({ kind: "menu" })],
  [new RegExp(`^menu:(${ID})$`), (m) => ({ kind: "menu", categoryId: m[1] ?? "" })],
  [new RegExp(`^show:(${ID})$`), (m) => ({ kind: "show", entryId: m[1] ?? "" })],
  [new RegExp(`^ask:(${ID})$`), (m) => ({ kind: "ask", entryId: m[1] ?? "" })],
  [
    new RegExp(`^rate:(${ID}):(up|down)$`),
    (m) => ({ kind: "rate", entryId: m[1] ?? "", helpful: m[2] === "up" }),
  ],
  [/^lang:(.+)$/, (m) => oneOf(LANGUAGES, m[1], (language) => ({ kind: "lang", language }))],
  [/^go:(.+)$/, (m) => oneOf(FLOWS, m[1], (flow) => ({ kind: "go", flow }))],
  [
    /^f:(\d{1,6}):(\d{1,2}|back|cancel)$/,
    (m) => {
      const choice = m[2] === "back" || m[2] === "cancel" ? m[2] : Number(m[2]);
      return { kind: "flow", question: Number(m[1]), choice };
    },
  ],
  [
    /^tracker:(.+)$/,
    (m) => oneOf(TRACKER_COMMANDS, m[1], (command) => ({ kind: "tracker", command })),
  ],
  [
    /^(u|r):(\d{1,9}(?:\.\d{1,2})?):(\d{1,6})$/,
    (m) => ({ kind: "usage", usedMb: Number(m[2]), reset: m[1] === "r", readings: Number(m[3]) }),
  ],
];

function oneOf<T extends string>(
  values: readonly T[],
  text: string | undefined,
  build: (value: T) => Action,
): Action | undefined {
  return values.includes(text as T) ? build(text as T) : undefined;
}

export function encodeAction(action: Action): string {
  const data = (() => {
    switch (action.kind) {
      case "menu":
        return action.categoryId ? `menu:${action.categoryId}` : "menu";
      case "show":
      case "ask":
        return `${action.kind}:${action.entryId}`;
      case "rate":
        return `rate:${action.entryId}:${action.helpful ? "up" : "down"}`;
      case "lang":
        return `lang:${action.language}`;
      case "go":
        return `go:${action.flow}`;
      case "flow":
        return `f:${action.question}:${action.choice}`;
      case "tracker":
        return `tracker:${action.command}`;
      case "usage":
        return `${action.reset ? "r" : "u"}:${Math.round(action.usedMb * 100) / 100}:${action.readings}`;
    }
  })();
  if (Buffer.byteLength(data) > MAX_CALLBACK_BYTES) {
    throw new Error(`callback data over ${MAX_CALLBACK_BYTES} bytes: ${data}`);
  }
  return data;
}

/** The action a button's data stands for, or undefined for anything this bot did not make. */
export function decodeAction(data: string): Action | undefined {
  for (const [pattern, build] of PATTERNS) {
    const match = data.match(pattern);
    if (match) return build(match);
  }
  return undefined;
}
