import pg from "pg";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openPostgresDatabase } from "../../src/storage/postgres.js";
import type { SqlDatabase } from "../../src/storage/sql-database.js";
import { createSqlStorage } from "../../src/storage/sql-storage.js";
import type { SessionData, Storage, TrackerRecord } from "../../src/storage/storage.js";
import { POSTGRES_URL, postgres } from "./engines.js";

// An update's locks are taken with the reads the last update holding them made, and let go with
// the writes it made: these hold that to being both fewer round trips and exactly as correct as
// one statement at a time.
// Under REPEATABLE READ, a read sharing a transaction with the lock would see the rows as they
// were before the wait; the database's default level is set for every connection to it.
describe.skipIf(!POSTGRES_URL).each(["read committed", "repeatable read"])(
  "an update's locks on PostgreSQL, %s",
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

    /** One update of user 7 in chat 7: reads its session and flow, writes and counts. */
    const update = (storage: Storage, language: NonNullable<SessionData["language"]>) =>
      storage.withLocks(["user:7", "chat:7"], async () => {
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

    it("costs two round trips for both locks once the update's reads are known", async () => {
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
      const twoWrites = storageTwo.withLocks(["chat:7", "user:7"], async () => {
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
      // Each update writes a row before it reads it: held back (the session), or sent at once
      // (the tracker's deletion). The first update of each teaches the lock to read the row ahead.
      const session = (language: "en" | "zh-Hant") =>
        storageOne.withLocks(["7"], async () => {
          await storageOne.sessions.write("7", { language });
          return storageOne.sessions.read("7");
        });
      const tracker = async () => {
        await storageOne.trackers.save(record(100));
        return storageOne.withLocks(["8"], async () => {
          await storageOne.trackers.delete(7);
          return storageOne.trackers.get(7);
        });
      };
      await Promise.all([session("en"), tracker()]);
      expect(await session("zh-Hant")).toEqual({ language: "zh-Hant" });
      expect(await tracker()).toBeUndefined();
    });

    it("stops reading ahead a read that fails", async () => {
      await one.run("CREATE TABLE passing (n INTEGER)");
      await one.withLocks(["k"], () => one.get("SELECT n FROM passing WHERE n = 1"));
      await one.run("DROP TABLE passing");
      await expect(one.withLocks(["k"], async () => "never")).rejects.toThrow(/passing/);
      expect(await one.withLocks(["k"], async () => "taken")).toBe("taken");
    });

    it("stores what an update wrote before it failed, and lets the lock go", async () => {
      const failing = one.withLocks(["k"], async () => {
        await one.batch([{ sql: "CREATE TABLE written (n INTEGER)" }]);
        throw new Error("handler failed");
      });
      await expect(failing).rejects.toThrow("handler failed");
      expect(await two.withLocks(["k"], () => two.all("SELECT n FROM written"))).toEqual([]);
    });

    it("reports a held-back write's failure at the next statement, and goes on", async () => {
      const after = await one.withLocks(["k"], async () => {
        await one.batch([{ sql: "INSERT INTO missing VALUES (1)" }]);
        await expect(one.get("SELECT 1 AS ok")).rejects.toThrow(/missing/);
        return one.get("SELECT 2 AS ok");
      });
      expect(after).toEqual({ ok: 2 });
    });

    it("fails the update when a held-back write fails, and lets the lock go", async () => {
      const failing = one.withLocks(["k"], () =>
        one.batch([{ sql: "INSERT INTO missing VALUES (1)" }]),
      );
      await expect(failing).rejects.toThrow(/missing/);
      expect(await two.withLocks(["k"], async () => "taken")).toBe("taken");
      expect(await one.withLocks(["k"], () => one.get("SELECT 1 AS ok"))).toEqual({ ok: 1 });
    });
  },
);

describe.skipIf(!POSTGRES_URL)("locks on several keys, two instances on one PostgreSQL", () => {
  let database: Awaited<ReturnType<typeof postgres.fresh>>;
  let one: Storage;
  let two: Storage;
  let probe: SqlDatabase;
  beforeEach(async () => {
    database = await postgres.fresh();
    [one, two] = await Promise.all([database.open(), database.open()]);
    probe = database.openDatabase();
  });
  afterEach(async () => {
    await Promise.all([one.close(), two.close(), probe.close()]);
    await database.drop();
  });

  /** Lock requests waiting in this database: how a test knows that an update waits. */
  const waiting = async () =>
    Number(
      (
        await probe.get<{ count: number | string }>(
          `SELECT COUNT(*) AS count FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        )
      )?.count,
    );

  it("makes an update wait for one holding any of its keys, and then see what it wrote", async () => {
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let holding: () => void = () => undefined;
    const aHolds = new Promise<void>((resolve) => {
      holding = resolve;
    });
    // Sorted, A's keys are [c1, u1] and B's [c2, u1]: were only the first key locked, B would
    // not wait, and would read the session before A wrote it.
    const a = one.withLocks(["u1", "c1"], async () => {
      holding();
      await released;
      await one.sessions.write("u1", { language: "zh-Hant" });
    });
    await aHolds;
    const b = two.withLocks(["u1", "c2"], async () => two.sessions.read("u1"));
    await vi.waitFor(async () => expect(await waiting()).toBe(1));
    release();
    await a;
    expect(await b).toEqual({ language: "zh-Hant" });
  });

  it("never deadlocks on keys wanted in opposite orders, and lets one in at a time", async () => {
    let inside = 0;
    let most = 0;
    const turn = (storage: Storage, keys: string[]) =>
      storage.withLocks(keys, async () => {
        most = Math.max(most, ++inside);
        await storage.recordQuestion({
          decision: "none",
          text: "x",
          language: "en",
          at: new Date(),
        });
        inside--;
      });
    await Promise.all(
      Array.from({ length: 60 }, (_, index) =>
        index % 2 ? turn(one, ["a", "b"]) : turn(two, ["b", "a", "b"]),
      ),
    );
    expect(most).toBe(1);
    expect((await one.stats(new Date())).decisions.none).toBe(60);
  });

  it("takes inside a lock only the keys not held yet, and lets only those go", async () => {
    const outer = one.withLocks(["a"], async () => {
      // On a connection of its own, "a" again would wait for this very update.
      await one.withLocks(["a"], async () => undefined);
      await one.withLocks(["b", "a"], async () => undefined);
      expect(await two.withLocks(["b"], async () => "free")).toBe("free");
      const other = two.withLocks(["a"], async () => "taken after the outer lock");
      await vi.waitFor(async () => expect(await waiting()).toBe(1));
      return { other };
    });
    const { other } = await outer;
    expect(await other).toBe("taken after the outer lock");
  }, 5_000);
});
