import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ReloadResult } from "../../src/bot/context.js";
import { projectPath, replaceInFile } from "../helpers.js";
import { ADMIN_ID, type Harness, onlyMessage, startHarness, textsOf } from "./harness.js";

let dir: string;
let harness: Harness;
const wifiFile = () => join(dir, "entries", "sharing.yaml");
const ask = async () =>
  String(
    onlyMessage(await harness.user(100, "en").send("is there free wifi in hong kong")).payload.text,
  );

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "hk-sim-kb-"));
  cpSync(projectPath("knowledge"), dir, { recursive: true });
  harness = await startHarness({ knowledgeDir: dir });
});
afterEach(async () => {
  await harness.app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("reloading the knowledge base", () => {
  it("takes a valid edit on /reload from an admin", async () => {
    replaceInFile(
      wifiFile(),
      "Is there free public Wi-Fi in Hong Kong?",
      "Free Wi-Fi in Hong Kong?",
    );
    expect(textsOf(await harness.user(ADMIN_ID, "en").send("/reload"))[0]).toContain(
      "reloaded: 24 entries",
    );
    expect(await ask()).toContain("<b>Free Wi-Fi in Hong Kong?</b>");
  });

  it("keeps the old one serving after an invalid edit, and names file and line", async () => {
    writeFileSync(
      wifiFile(),
      `${readFileSync(wifiFile(), "utf8")}\n- id: broken\n  category: nowhere\n`,
    );
    const [reply] = textsOf(await harness.user(ADMIN_ID, "en").send("/reload"));
    expect(reply).toContain("refused");
    expect(reply).toMatch(/sharing\.yaml:\d+:\d+ \[broken\]/);
    expect(await ask()).toContain("Is there free public Wi-Fi in Hong Kong?");
  });

  it("follows edits to the folder on its own, and tells the admins about a bad one", async () => {
    const reloads = queue<ReloadResult>();
    harness.app.watchKnowledge(reloads.push);
    replaceInFile(wifiFile(), "Is there free public Wi-Fi in Hong Kong?", "Free Wi-Fi around?");
    expect(await reloads.next()).toEqual({ ok: true, entries: 24 });
    expect(await ask()).toContain("Free Wi-Fi around?");
    writeFileSync(wifiFile(), "- id: [unclosed\n");
    expect(await reloads.next()).toMatchObject({ ok: false });
    const toAdmin = harness.telegram.calls.filter(
      (call) => call.method === "sendMessage" && call.payload.chat_id === ADMIN_ID,
    );
    expect(toAdmin).toHaveLength(1);
    expect(await ask()).toContain("Free Wi-Fi around?");
  });

  it("is not available to anyone else", async () => {
    const [reply] = textsOf(await harness.user(101, "en").send("/reload"));
    expect(reply).not.toContain("reloaded");
  });
});

/** Values as they come, each taken once by `next`, in order. */
function queue<T>(): { push: (value: T) => void; next: () => Promise<T> } {
  const values: T[] = [];
  const waiting: ((value: T) => void)[] = [];
  return {
    push: (value) => {
      const taker = waiting.shift();
      if (taker) taker(value);
      else values.push(value);
    },
    next: () =>
      values.length > 0
        ? Promise.resolve(values.shift() as T)
        : new Promise((resolve) => waiting.push(resolve)),
  };
}
