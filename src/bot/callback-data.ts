import { LANGUAGES, type Language } from "../kb/schema.js";

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
  | { kind: "go"; flow: Flow };

export const FLOWS = ["share", "monitor"] as const;
export type Flow = (typeof FLOWS)[number];

export const MAX_CALLBACK_BYTES = 64;
const ID = "[a-z0-9]+(?:-[a-z0-9]+)*";
const PATTERNS: [RegExp, (match: RegExpMatchArray) => Action][] = [
  [/^menu$/, () => ({ kind: "menu" })],
  [new RegExp(`^menu:(${ID})$`), (m) => ({ kind: "menu", categoryId: m[1] ?? "" })],
  [new RegExp(`^show:(${ID})$`), (m) => ({ kind: "show", entryId: m[1] ?? "" })],
  [new RegExp(`^ask:(${ID})$`), (m) => ({ kind: "ask", entryId: m[1] ?? "" })],
  [
    new RegExp(`^rate:(${ID}):(up|down)$`),
    (m) => ({ kind: "rate", entryId: m[1] ?? "", helpful: m[2] === "up" }),
  ],
];

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
    }
  })();
  if (Buffer.byteLength(data) > MAX_CALLBACK_BYTES) {
    throw new Error(`callback data over ${MAX_CALLBACK_BYTES} bytes: ${data}`);
  }
  return data;
}

/** The action a button's data stands for, or undefined for anything this bot did not make. */
export function decodeAction(data: string): Action | undefined {
  if (data.startsWith("lang:")) {
    const language = data.slice("lang:".length) as Language;
    return LANGUAGES.includes(language) ? { kind: "lang", language } : undefined;
  }
  if (data.startsWith("go:")) {
    const flow = data.slice("go:".length) as Flow;
    return FLOWS.includes(flow) ? { kind: "go", flow } : undefined;
  }
  for (const [pattern, build] of PATTERNS) {
    const match = data.match(pattern);
    if (match) return build(match);
  }
  return undefined;
}
