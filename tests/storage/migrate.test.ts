import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { projectPath } from "../helpers.js";
import { POSTGRES_URL, postgres, sqlite } from "./engines.js";

describe.skipIf(!POSTGRES_URL)("npm run db:migrate-sqlite-to-pg", () => {
  it("copies everything into an empty PostgreSQL, and refuses one that holds data", async () => {
    const source = await sqlite.fresh();
    const target = await postgres.fresh();
    const before = await source.open();
    const at = new Date("2026-11-23T01:00:00Z");
    await before.sessions.write("7", { language: "zh-Hant" });
    await before.recordQuestion({
      decision: "answer",
      entryId: "public-wifi",
      text: "wifi",
      language: "en",
      at,
    });
    await before.recordQuestion({ decision: "none", text: "octopus?", language: "en", at });
    await before.recordQuestion({
      decision: "suggest",
      offered: ["sharing-hotspot", "sharing-why-not"],
      text: "港卡 家庭",
      language: "zh-Hans",
      at,
    });
    await before.recordFeedback(7, "public-wifi", true, at);
    await before.trackers.save({
      userId: 7,
      chatId: 7,
      plan: { totalMb: 1024, startDate: "2026-11-20", days: 7, threshold: { percent: 20 } },
      readings: [{ at: at.toISOString(), usedMb: 300 }],
      alertsSent: [],
      paused: false,
      nextReminderAt: "2026-11-23T13:00:00.000Z",
    });
    const owed = {
      key: "check-in:7",
      chatId: 7,
      userId: 7,
      kind: "check-in" as const,
      text: "how much is left?",
      options: { parse_mode: "HTML" },
      dueAt: at,
    };
    await before.outbox.add([owed]);
    const expected = await before.stats(at);
    const expectedUnanswered = await before.unanswered();
    await before.close();

    const run = () =>
      spawnSync(
        process.execPath,
        [
          "--import",
          "tsx",
          projectPath("src/entry/db-migrate-sqlite-to-pg.ts"),
          "--from",
          source.url,
        ],
        {
          env: { ...process.env, DATABASE_URL: target.url },
          encoding: "utf8",
        },
      );
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain("trackers           1 rows");
    expect(first.stdout).toContain("outbox             1 rows");

    const after = await target.open();
    expect(await after.stats(at)).toEqual(expected);
    expect(await after.unanswered()).toEqual(expectedUnanswered);
    expect(await after.sessions.read("7")).toEqual({ language: "zh-Hant" });
    expect((await after.trackers.get(7))?.readings).toEqual([
      { at: at.toISOString(), usedMb: 300 },
    ]);
    expect(
      (await after.trackers.claimDue(new Date("2026-11-23T14:00:00Z"), 10, 60_000)).map(
        (r) => r.userId,
      ),
    ).toEqual([7]);
    expect(await after.outbox.claim(at, { limit: 10, leaseMs: 60_000 })).toEqual([
      { ...owed, attempts: 1 },
    ]);
    await after.close();

    const second = run();
    expect(second.status).toBe(1);
    expect(second.stderr).toContain("already holds data");
    await source.drop();
    await target.drop();
  }, 60_000);
});
