import pg from "pg";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openPostgresDatabase } from "../../src/storage/postgres.js";
import type { SqlDatabase } from "../../src/storage/sql-database.js";
import { createSqlStorage } from "../../src/storage/sql-storage.js";
import type { SessionData, Storage, TrackerRecord } from "../../src/storage/storage.js";
import { POSTGRES_URL, postgres } from "./engines.js";

// A chat's lock is taken with the reads its last update made and let go with the writes it made:
// these hold that to being both fewer round trips and exactly as correct as one statement at a time.
// Under REPEATABLE READ, a read sharing a transaction with the lock would see the rows as they
// were before the wait; the database's default level is set for every connection to it.
describe.skipIf(!POSTGRES_URL).each(["read committed", "repeatable read"])(
  "a chat's lock on PostgreSQL, %s",
  (isolation) => {
    let database: Awaited<ReturnType<typeof postgres.fresh>>;
    let one: SqlDatabase;
    let two: SqlDatabase;
    let storageOne: Storage;
    let storageTwo: Storage;
    beforeEach(async () => {
      database = await postgres.fresh();
      const admin = new pg.Client({ connectionString: database.url });
      await admin.connect();
      const name = new URL(database.url).pathname.slice(1);
      await admin.query(
        `ALTER DATABASE ${name} SET default_transaction_isolation = '${isolation}'`,
      );
      await admin.end();
      one = openPostgresDatabase(database.url);
      two = openPostgresDatabase(database.url);
      storageOne = await createSqlStorage(one);
      storageTwo = await createSqlStorage(two);
    });
    afterEach(async () => {
      vi.restoreAllMocks();
      await Promise.all([storageOne.close(), storageTwo.close()]);
      await database.drop();
    });

    /** What one update of chat 7 does to storage: reads its session and flow, writes and counts. */
    const update = (storage: Storage, language: NonNullable<SessionData["language"]>) =>
      storage.withChatLock("7", async () => {
        const session = await storage.sessions.read("7");
        await storage.conversations.read("flows:7");
        await storage.recordQuestion({
          decision: "suggest",
          text: "x",
          language: "en",
          at: new Date(),
        });
        await storage.sessions.write("7", { ...session, language });
        return session;
      });

    it("costs two round trips once the chat's reads are known", async () => {
      await update(storageOne, "en");
      const sent = vi.spyOn(pg.Client.prototype, "query");
      await update(storageOne, "zh-Hant");
      expect(sent).toHaveBeenCalledTimes(2);
      expect(await storageTwo.sessions.read("7")).toEqual({ language: "zh-Hant" });
    });

    it("reads ahead what another instance wrote while it waited for the lock", async () => {
      await update(storageOne, "en"); // one now reads chat 7's session with its lock
      let holding: () => void = () => undefined;
      const twoHolds = new Promise<void>((resolve) => {
        holding = resolve;
      });
      const twoWrites = storageTwo.withChatLock("7", async () => {
        await storageTwo.sessions.read("7");
        holding();
        await new Promise((resolve) => setTimeout(resolve, 100));
        await storageTwo.sessions.write("7", { language: "zh-Hans" });
      });
      await twoHolds;
      const seen = await update(storageOne, "zh-Hant");
      await twoWrites;
      expect(seen).toEqual({ language: "zh-Hans" });
      expect((await storageOne.stats(new Date())).decisions.suggest).toBe(2);
    });

    it("reads its own writes before the lock lets go, not what it read ahead", async () => {
      const record = (usedMb: number): TrackerRecord => ({
        userId: 7,
        chatId: 7,
        plan: { totalMb: 1024, startDate: "2026-11-20", days: 7, threshold: { percent: 20 } },
        readings: [{ at: "2026-11-21T00:00:00.000Z", usedMb }],
        alertsSent: [],
        paused: false,
      });
      // Each chat's update writes a row before it reads it: held back (the session), or sent at
      // once (the tracker). The first update of each teaches the lock to read the row ahead.
      const session = (language: "en" | "zh-Hant") =>
        storageOne.withChatLock("7", async () => {
          await storageOne.sessions.write("7", { language });
          return storageOne.sessions.read("7");
        });
      const tracker = (usedMb: number) =>
        storageOne.withChatLock("8", async () => {
          await storageOne.trackers.save(record(usedMb));
          return (await storageOne.trackers.get(7))?.readings[0]?.usedMb;
        });
      await Promise.all([session("en"), tracker(100)]);
      expect(await session("zh-Hant")).toEqual({ language: "zh-Hant" });
      expect(await tracker(200)).toBe(200);
    });

    it("stops reading ahead a read that fails", async () => {
      await one.run("CREATE TABLE passing (n INTEGER)");
      await one.withLock("k", () => one.get("SELECT n FROM passing WHERE n = 1"));
      await one.run("DROP TABLE passing");
      await expect(one.withLock("k", async () => "never")).rejects.toThrow(/passing/);
      expect(await one.withLock("k", async () => "taken")).toBe("taken");
    });

    it("stores what an update wrote before it failed, and lets the lock go", async () => {
      const failing = one.withLock("k", async () => {
        await one.batch([{ sql: "CREATE TABLE written (n INTEGER)" }]);
        throw new Error("handler failed");
      });
      await expect(failing).rejects.toThrow("handler failed");
      expect(await two.withLock("k", () => two.all("SELECT n FROM written"))).toEqual([]);
    });

    it("reports a held-back write's failure at the next statement, and goes on", async () => {
      const after = await one.withLock("k", async () => {
        await one.batch([{ sql: "INSERT INTO missing VALUES (1)" }]);
        await expect(one.get("SELECT 1 AS ok")).rejects.toThrow(/missing/);
        return one.get("SELECT 2 AS ok");
      });
      expect(after).toEqual({ ok: 2 });
    });

    it("fails the update when a held-back write fails, and lets the lock go", async () => {
      const failing = one.withLock("k", () =>
        one.batch([{ sql: "INSERT INTO missing VALUES (1)" }]),
      );
      await expect(failing).rejects.toThrow(/missing/);
      expect(await two.withLock("k", async () => "taken")).toBe("taken");
      expect(await one.withLock("k", () => one.get("SELECT 1 AS ok"))).toEqual({ ok: 1 });
    });
  },
);
