import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Action,
  decodeAction,
  encodeAction,
  FLOWS,
  MAX_CALLBACK_BYTES,
  TRACKER_COMMANDS,
} from "../../src/bot/callback-data.js";
import { LANGUAGES } from "../../src/text/language.js";

const id = fc.stringMatching(/^[a-z0-9]{1,12}(?:-[a-z0-9]{1,12}){0,3}$/);
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.constant({ kind: "menu" as const }),
  id.map((categoryId) => ({ kind: "menu" as const, categoryId })),
  id.map((entryId) => ({ kind: "show" as const, entryId })),
  id.map((entryId) => ({ kind: "ask" as const, entryId })),
  fc.record({ kind: fc.constant("rate" as const), entryId: id, helpful: fc.boolean() }),
  fc.constantFrom(...LANGUAGES).map((language) => ({ kind: "lang" as const, language })),
  fc.constantFrom(...FLOWS).map((flow) => ({ kind: "go" as const, flow })),
  fc.record({
    kind: fc.constant("flow" as const),
    question: fc.integer({ min: 1, max: 999_999 }),
    choice: fc.oneof(
      fc.integer({ min: 0, max: 99 }),
      fc.constantFrom("back" as const, "cancel" as const),
    ),
  }),
  fc.constantFrom(...TRACKER_COMMANDS).map((command) => ({ kind: "tracker" as const, command })),
  fc.record({
    kind: fc.constant("usage" as const),
    usedMb: fc.integer({ min: 0, max: 2_000_000 }).map((cents) => cents / 100),
    reset: fc.boolean(),
    readings: fc.integer({ min: 0, max: 999_999 }),
  }),
);

describe("callback data", () => {
  it("decodes every action it encodes, within Telegram's 64 bytes", () => {
    fc.assert(
      fc.property(action, (original) => {
        const data = encodeAction(original);
        expect(Buffer.byteLength(data)).toBeLessThanOrEqual(MAX_CALLBACK_BYTES);
        expect(decodeAction(data)).toEqual(original);
      }),
    );
  });

  it("decodes nothing this bot did not make", () => {
    for (const forged of [
      "",
      "lang:fr",
      "go:elsewhere",
      "f:1",
      "f:x:1",
      "f:1:999",
      "tracker:explode",
      "u:12abc",
      "x:1",
      "ask:Bad_Id",
      "flow:0",
      "tracker:reset:500",
    ]) {
      expect(decodeAction(forged), forged).toBeUndefined();
    }
  });
});
