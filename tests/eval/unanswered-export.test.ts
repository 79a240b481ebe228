import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadEvalSet } from "../../src/eval/eval-set.js";
import { unansweredToYaml } from "../../src/eval/unanswered-export.js";
import { openSqliteStorage } from "../../src/storage/sqlite.js";
import type { AskedQuestion, Storage } from "../../src/storage/storage.js";

describe("exporting unanswered questions", () => {
  let storage: Storage;
  let dir: string;
  beforeEach(async () => {
    storage = await openSqliteStorage(":memory:");
    dir = mkdtempSync(join(tmpdir(), "hk-sim-export-"));
  });
  afterEach(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ask = (text: string, at: string, more: Partial<AskedQuestion> = {}) =>
    storage.recordQuestion({ decision: "none", text, language: "en", at: new Date(at), ...more });

  /** The export as `npm run eval` reads it, once the operator has edited it. */
  async function evalItems(yaml: string) {
    const file = join(dir, "unanswered.yaml");
    writeFileSync(file, yaml);
    const set = await loadEvalSet(file);
    if (!set.ok) throw new Error(JSON.stringify(set.problems));
    return set.items;
  }

  it("lists them most asked first, since a date, as stubs the eval reads once expect is filled in", async () => {
    await ask("esim for my watch?", "2026-10-01T00:00:00Z");
    await ask("can i pay by octopus", "2026-11-10T00:00:00Z");
    await ask("can i pay by octopus", "2026-11-11T00:00:00Z");
    await ask("hk sim for macau ferry", "2026-11-12T00:00:00Z");
    const rows = await storage.unanswered(new Date("2026-11-01"));
    expect(rows.map((row) => [row.text, row.count])).toEqual([
      ["can i pay by octopus", 2],
      ["hk sim for macau ferry", 1],
    ]);

    const yaml = unansweredToYaml(rows, new Date("2026-11-23T00:00:00Z"));
    const items = await evalItems(yaml.replace("expect: null", "expect: card-what-is"));
    expect(items.map((item) => [item.q, item.expect, item.count, item.decision])).toEqual([
      ["can i pay by octopus", "card-what-is", 2, "none"],
      ["hk sim for macau ferry", null, 1, "none"],
    ]);
  });

  it("exports near misses with the entries offered, among the others by count", async () => {
    const nearMiss: Partial<AskedQuestion> = {
      decision: "suggest",
      offered: ["sharing-why-not", "sharing-hotspot"],
      language: "zh-Hans",
    };
    await ask("港卡 家庭", "2026-11-20T00:00:00Z", nearMiss);
    await ask("港卡 家庭", "2026-11-21T00:00:00Z", nearMiss);
    await ask("can i pay by octopus", "2026-11-22T00:00:00Z");
    await ask("wifi?", "2026-11-22T00:00:00Z", { decision: "answer", entryId: "public-wifi" });

    const yaml = unansweredToYaml(await storage.unanswered(), new Date("2026-11-23T00:00:00Z"));
    expect(yaml.split("\n").filter((line) => !line.startsWith("#"))).toEqual([
      "- q: 港卡 家庭",
      "  expect: null",
      "  decision: suggest",
      "  offered: [sharing-why-not, sharing-hotspot]",
      "  count: 2",
      "  language: zh-Hans",
      "  last_seen: 2026-11-21T00:00:00.000Z",
      "- q: can i pay by octopus",
      "  expect: null",
      "  decision: none",
      "  count: 1",
      "  language: en",
      "  last_seen: 2026-11-22T00:00:00.000Z",
      "",
    ]);
    const items = await evalItems(yaml.replace("expect: null", "expect: sharing-why-not"));
    expect(items.map((item) => [item.q, item.expect, item.decision, item.offered])).toEqual([
      ["港卡 家庭", "sharing-why-not", "suggest", ["sharing-why-not", "sharing-hotspot"]],
      ["can i pay by octopus", null, "none", undefined],
    ]);
  });

  it("writes an empty list, still an eval set, when nothing went unanswered", async () => {
    const yaml = unansweredToYaml(await storage.unanswered(), new Date("2026-11-23T00:00:00Z"));
    expect(await evalItems(yaml)).toEqual([]);
  });
});
