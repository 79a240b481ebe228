import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadEvalSet } from "../../src/eval/eval-set.js";
import { unansweredToYaml } from "../../src/eval/unanswered-export.js";
import { openSqliteStorage } from "../../src/storage/sqlite.js";

describe("exporting unanswered questions", () => {
  it("lists them most asked first, since a date, as stubs the eval reads once expect is filled in", async () => {
    const storage = await openSqliteStorage(":memory:");
    const ask = (text: string, at: string) =>
      storage.recordQuestion({ decision: "none", text, language: "en", at: new Date(at) });
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
    const dir = mkdtempSync(join(tmpdir(), "hk-sim-export-"));
    const file = join(dir, "unanswered.yaml");
    writeFileSync(file, yaml.replace("expect: null", "expect: card-what-is"));
    const set = await loadEvalSet(file);
    expect(set.ok && set.items.map((item) => [item.q, item.expect, item.count])).toEqual([
      ["can i pay by octopus", "card-what-is", 2],
      ["hk sim for macau ferry", null, 1],
    ]);
    rmSync(dir, { recursive: true, force: true });
    await storage.close();
  });
});
