import pg from "pg";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openPostgresDatabase } from "../../src/storage/postgres.js";
import type { SqlDatabase } from "../../src/storage/sql-database.js";
import { createSqlStorage } from "../../src/storage/sql-storage.js";
import type { SessionData, Storage } from "../../src/storage/storage.js";
import { type FreshDatabase, POSTGRES_URL, postgres } from "./engines.js";
import { lockWaiters, signal, until } from "./fixtures.js";

/** Two instances' databases and storages on one fresh PostgreSQL database, and a probe. */
function twoInstances(isolation?: string) {
  const the = {} as {
    database: FreshDatabase;
    one: SqlDatabase;
    two: SqlDatabase;
    storageOne: Storage;
    storageTwo: Storage;
    probe: SqlDatabase;
  };
  beforeEach(async () => {
    the.database = await postgres.fresh();
    if (isolation) {
      // The database's default level, which every connection to it starts with.
      const admin = new pg.Client({ connectionString: the.database.url });
      await admin.connect();
      const name = new URL(the.database.url).pathname.slice(1);
      await admin.query(
        `ALTER DATABASE ${name} SET default_transaction_isolation = '${isolation}'`,
      );
      await admin.end();
    }
    the.one = openPostgresDatabase(the.database.url);
    the.two = openPostgresDatabase(the.database.url);
    the.storageOne = await createSqlStorage(the.one);
    the.storageTwo = await createSqlStorage(the.two);
    the.probe = the.database.openDatabase();
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await Promise.all([the.storageOne.close(), the.storageTwo.close(), the.probe.close()]);
    await the.database.drop();
  });
  return the;
}

/** One update of user 7 in chat 7: reads its session and flow, counts, writes; what it read. */
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

// Under REPEATABLE READ, a read in the lock's transaction would see the rows as they were before
// the wait, when its first statement (the lock) began.
describe.skipIf(!POSTGRES_URL).each(["read committed", "repeatable read"])(
  "an update's transaction on PostgreSQL, %s by default",
  (isolation) => {
    const the = twoInstances(isolation);

    it("sees what another instance committed while it waited for the lock", async () => {
      const { storageOne, storageTwo } = the;
      const twoHolds = signal();
      const twoMayWrite = signal();
      const twoWrites = storageTwo.withLocks(["chat:7", "user:7"], async () => {
        await storageTwo.sessions.read("7");
        twoHolds.give();
        await twoMayWrite.done;
        await storageTwo.sessions.write("7", { language: "zh-Hans" });
      });
      await twoHolds.done;
      const seen = update(storageOne, "zh-Hant");
      await until(async () => (await lockWaiters(the.probe)) === 1);
      twoMayWrite.give();
      await twoWrites;
      expect(await seen).toEqual({ language: "zh-Hans" });
      expect(await storageTwo.sessions.read("7")).toEqual({ language: "zh-Hant" });
    });
  },
);

describe.skipIf(!POSTGRES_URL)("an update's transaction on PostgreSQL", () => {
  const the = twoInstances();

  it("begins with its locks in sorted order, binds every value, and commits once", async () => {
    const sent = vi.spyOn(pg.Client.prototype, "query");
    const odd = "it's ''quoted'' \\ $1 ;";
    await the.storageOne.withLocks(["user:7", "chat:7"], async () => {
      await the.storageOne.sessions.write("7", { feedbackPrompt: { entryId: odd } });
    });
    const calls = sent.mock.calls.map(([query]) =>
      typeof query === "string" ? { text: query } : (query as { text: string; values?: unknown[] }),
    );
    expect(calls.map((call) => call.text.split(" ").slice(0, 2).join(" "))).toEqual([
      "BEGIN ISOLATION",
      "SELECT pg_advisory_xact_lock(hashtextextended($1,",
      "SELECT pg_advisory_xact_lock(hashtextextended($1,",
      "INSERT INTO",
      "COMMIT",
    ]);
    expect(calls.slice(1, 3).map((call) => call.values)).toEqual([
      ["lock:chat:7"],
      ["lock:user:7"],
    ]);
    expect(calls.some((call) => call.text.includes("quoted"))).toBe(false);
    expect(await the.storageTwo.sessions.read("7")).toEqual({ feedbackPrompt: { entryId: odd } });
  });

  it("stores nothing of an update that failed, and lets its locks go", async () => {
    const { one, two } = the;
    const failing = one.withLocks(["k"], async () => {
      await one.run("CREATE TABLE written (n INTEGER)");
      throw new Error("handler failed");
    });
    await expect(failing).rejects.toThrow("handler failed");
    const tables = () =>
      two.withLocks(["k"], () =>
        two.all("SELECT tablename FROM pg_tables WHERE tablename = ?", ["written"]),
      );
    expect(await tables()).toEqual([]);
  });

  it("fails an update whose statement failed, even if it caught the failure", async () => {
    const { one, two } = the;
    const caught = one.withLocks(["k"], async () => {
      await one.run("CREATE TABLE written (n INTEGER)");
      // The bot's error boundary catches a handler's failure, and the update goes on.
      await expect(one.run("INSERT INTO missing VALUES (?)", [1])).rejects.toThrow(/missing/);
      return "caught";
    });
    // Nothing can be committed after it: the update fails, so that it is not taken as stored.
    await expect(caught).rejects.toThrow(/missing/);
    expect(await two.withLocks(["k"], async () => "taken")).toBe("taken");
    expect(
      await one.withLocks(["k"], () =>
        one.all("SELECT * FROM pg_tables WHERE tablename = ?", ["written"]),
      ),
    ).toEqual([]);
  });

  it("runs a transaction inside an update as a part of it that fails alone", async () => {
    const { one } = the;
    await one.run("CREATE TABLE parts (n INTEGER)");
    await one.withLocks(["k"], async () => {
      await one.run("INSERT INTO parts VALUES (?)", [1]);
      const thrown = one.transaction(async (tx) => {
        await tx.run("INSERT INTO parts VALUES (?)", [2]);
        throw new Error("part failed");
      });
      await expect(thrown).rejects.toThrow("part failed");
      const refused = one.transaction((tx) => tx.run("INSERT INTO missing VALUES (?)", [3]));
      await expect(refused).rejects.toThrow(/missing/);
      await one.run("INSERT INTO parts VALUES (?)", [4]);
    });
    expect(await one.all("SELECT n FROM parts ORDER BY n")).toEqual([{ n: 1 }, { n: 4 }]);
  });

  it("sends an update's batched writes with its COMMIT, and fails the update if one failed", async () => {
    const { one } = the;
    await one.run("CREATE TABLE batched (n INTEGER PRIMARY KEY)");
    const failing = one.withLocks(["k"], async () => {
      await one.batch([{ sql: "INSERT INTO batched VALUES (?)", params: [1] }]);
      // Not answered yet: the duplicate key is found at COMMIT, and nothing is stored.
      await one.batch([{ sql: "INSERT INTO batched VALUES (?)", params: [1] }]);
      return "returned";
    });
    await expect(failing).rejects.toThrow(/duplicate key/);
    await one.withLocks(["k"], async () => {
      await one.batch([{ sql: "INSERT INTO batched VALUES (?)", params: [2] }]);
      const part = one.transaction((tx) =>
        tx.batch([{ sql: "INSERT INTO batched VALUES (?)", params: [2] }]),
      );
      // A part's batched write is answered before the part ends: it fails the part alone.
      await expect(part).rejects.toThrow(/duplicate key/);
      await one.batch([{ sql: "INSERT INTO batched VALUES (?)", params: [3] }]);
    });
    expect(await one.all("SELECT n FROM batched ORDER BY n")).toEqual([{ n: 2 }, { n: 3 }]);
  });

  it("counts a question apart, holding no counter row while the update goes on", async () => {
    const { storageOne, storageTwo } = the;
    const question = {
      decision: "none" as const,
      text: "x",
      language: "en" as const,
      at: new Date(),
    };
    await storageOne.withLocks(["user:1"], async () => {
      await storageOne.recordQuestion(question);
      // Held by this update's transaction, the day's row would keep this waiting for it forever.
      await storageTwo.recordQuestion(question);
    });
    expect((await storageOne.stats(question.at)).decisions.none).toBe(2);
  });

  it("sends what outlives an update to the pool, not to the connection it gave back", async () => {
    const { one } = the;
    const ended = signal();
    let later: Promise<unknown> = Promise.resolve();
    await one.withLocks(["k"], async () => {
      later = ended.done.then(() => one.get("SELECT 1 AS ok"));
    });
    ended.give();
    expect(await later).toEqual({ ok: 1 });
  });
});

describe.skipIf(!POSTGRES_URL)("locks on several keys, two instances on one PostgreSQL", () => {
  const the = twoInstances();

  it("makes an update wait for one holding any of its keys, and then see what it wrote", async () => {
    const { storageOne: one, storageTwo: two } = the;
    const aHolds = signal();
    const aMayWrite = signal();
    // Sorted, A's keys are [c1, u1] and B's [c2, u1]: were only the first key locked, B would
    // not wait, and would read the session before A wrote it.
    const a = one.withLocks(["u1", "c1"], async () => {
      aHolds.give();
      await aMayWrite.done;
      await one.sessions.write("u1", { language: "zh-Hant" });
    });
    await aHolds.done;
    const b = two.withLocks(["u1", "c2"], async () => two.sessions.read("u1"));
    await until(async () => (await lockWaiters(the.probe)) === 1);
    aMayWrite.give();
    await a;
    expect(await b).toEqual({ language: "zh-Hant" });
  });

  it("never deadlocks on keys wanted in opposite orders, and lets one in at a time", async () => {
    const { storageOne: one, storageTwo: two } = the;
    let inside = 0;
    let most = 0;
    const turn = (storage: Storage, keys: string[]) =>
      storage.withLocks(keys, async () => {
        most = Math.max(most, ++inside);
        await storage.sessions.write("shared", { language: "en" });
        inside--;
      });
    await Promise.all(
      Array.from({ length: 60 }, (_, index) =>
        index % 2 ? turn(one, ["a", "b"]) : turn(two, ["b", "a", "b"]),
      ),
    );
    expect(most).toBe(1);
  });

  it("takes inside a lock only the keys not held yet, and holds them until the outer one ends", async () => {
    const { storageOne: one, storageTwo: two } = the;
    const { b } = await one.withLocks(["a"], async () => {
      // On a connection of its own, "a" again would wait for this very update.
      await one.withLocks(["a"], async () => undefined);
      await one.withLocks(["b", "a"], async () => undefined);
      // What was written holding "b" is committed with the outer update: "b" is let go then.
      const b = two.withLocks(["b"], async () => "taken after the outer update");
      await until(async () => (await lockWaiters(the.probe)) === 1);
      return { b };
    });
    expect(await b).toBe("taken after the outer update");
  });
});
