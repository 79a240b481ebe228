import type { ApiCall, ApiOutcome, ApiOverride } from "../../src/offline/fake-telegram.js";

/** Numbers in [0, 1) from a seed: the same faults on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** How a fault plan went: calls seen, and the faults it injected by kind. */
export interface FaultTally {
  calls: number;
  faults: Record<string, number>;
}

/**
 * Telegram's ordinary bad days, seeded: about `rate` of the calls fail, each in a way Telegram
 * fails in operation: 429 with a retry_after, 500 and 502, a call that never arrives, "query is
 * too old" for a button's answer, "message to edit not found" for an edit; a few more answer
 * late. A 403 is not among them: it means the user blocked the bot, which lasts.
 */
export function faultyTelegram(
  seed: number,
  rate = 1 / 5,
): { override: ApiOverride; tally: FaultTally } {
  const random = seededRandom(seed);
  const tally: FaultTally = { calls: 0, faults: {} };
  const pick = <T>(options: readonly T[]): T => options[Math.floor(random() * options.length)] as T;
  const faultsFor = ({ method }: ApiCall): [string, ApiOutcome][] => {
    const common: [string, ApiOutcome][] = [
      [
        "429",
        {
          error_code: 429,
          description: "Too Many Requests: retry after 2",
          parameters: { retry_after: pick([1, 2, 3]) },
        },
      ],
      ["500", { error_code: 500, description: "Internal Server Error" }],
      ["502", { error_code: 502, description: "Bad Gateway" }],
      ["unreachable", { unreachable: true }],
    ];
    if (method === "answerCallbackQuery")
      return [
        ...common,
        [
          "400 too old",
          {
            error_code: 400,
            description: "Bad Request: query is too old and response timeout expired",
          },
        ],
      ];
    if (method.startsWith("editMessage"))
      return [
        ...common,
        [
          "400 not found",
          { error_code: 400, description: "Bad Request: message to edit not found" },
        ],
      ];
    return common;
  };
  const override: ApiOverride = (call) => {
    if (call.method === "getMe") return undefined;
    tally.calls++;
    const roll = random();
    if (roll < rate) {
      const [kind, outcome] = pick(faultsFor(call));
      tally.faults[kind] = (tally.faults[kind] ?? 0) + 1;
      return outcome;
    }
    // A few answers arrive late, so that updates of different chats overlap.
    if (roll < rate + 0.03) {
      tally.faults.slow = (tally.faults.slow ?? 0) + 1;
      return { delayMs: 2 };
    }
    return undefined;
  };
  return { override, tally };
}

/** Whether a call reached Telegram and was accepted: what the user sees. */
export function delivered(call: ApiCall): boolean {
  return call.result !== undefined;
}
