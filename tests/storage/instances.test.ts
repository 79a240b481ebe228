import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SqlDatabase } from "../../src/storage/sql-database.js";
import type { Storage } from "../../src/storage/storage.js";
import { type FreshDatabase, POSTGRES_URL, postgres } from "./engines.js";
import {
  countingListener,
  listening,
  lockWaiters,
  owed,
  signal,
  tracker,
  until,
} from "./fixtures.js";

// Two bot processes sharing one database, as two machines behind a load balancer would.
describe.skipIf(!POSTGRES_URL)("two instances on one PostgreSQL", () => {
  let database: FreshDatabase;
  let one: Storage;
  let two: Storage;
  let probe: SqlDatabase;
  beforeEach(async () => {
    database = await postgres.fresh();
    [one, two] = [await database.open(), await database.open()];
    probe = database.openDatabase();
  });
  afterEach(async () => {
    await Promise.all([one.close(), two.close(), probe.close()]);
    await database.drop();
  });

  it("migrate a new database together, however they interleave", async () => {
    const fresh = await postgres.fresh();
    const opened = await Promise.all(Array.from({ length: 6 }, () => fresh.open()));
    await opened[0]?.sessions.write("1", { language: "en" });
    expect(await opened[5]?.sessions.read("1")).toEqual({ language: "en" });
    await Promise.all(opened.map((storage) => storage.close()));
    await fresh.drop();
  });

  it("take turns on a lock, and lose no counter increment", async () => {
    const events: string[] = [];
    const aHolds = signal();
    const aMayGo = signal();
    const a = one.withLocks(["42"], async () => {
      events.push("a in");
      aHolds.give();
      await aMayGo.done;
      events.push("a out");
    });
    await aHolds.done;
    const b = two.withLocks(["42"], async () => {
      events.push("b in");
      events.push("b out");
    });
    await until(async () => (await lockWaiters(probe)) === 1);
    aMayGo.give();
    await Promise.all([a, b]);
    expect(events).toEqual(["a in", "a out", "b in", "b out"]);

    const at = new Date();
    await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        (index % 2 ? one : two).recordQuestion({
          decision: "suggest",
          text: "x",
          language: "en",
          at,
        }),
      ),
    );
    expect((await one.stats(at)).decisions.suggest).toBe(100);
  });

  it("never hand the same due reminder to both", async () => {
    for (let user = 1; user <= 40; user++)
      await one.trackers.save(tracker(user, "2026-11-23T00:00:00.000Z"));
    const now = new Date("2026-11-23T01:00:00Z");
    const claims = await Promise.all([
      one.trackers.claimDue(now, 25, 60_000),
      two.trackers.claimDue(now, 25, 60_000),
    ]);
    const claimed = claims.flat().map((record) => record.userId);
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(claimed.length).toBe(40);
  });

  it("never hand the same owed message to both", async () => {
    await one.outbox.add(
      Array.from({ length: 40 }, (_, index) => owed(`m${index}`, "2026-11-23T00:00:00Z")),
    );
    const now = new Date("2026-11-23T01:00:00Z");
    const options = { limit: 25, leaseMs: 60_000 };
    const claims = await Promise.all([
      one.outbox.claim(now, options),
      two.outbox.claim(now, options),
    ]);
    const claimed = claims.flat().map((message) => message.key);
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(claimed.length).toBe(40);
  });

  it("both hear a reload announced by either, and still after the listening connection broke", async () => {
    const [heardByOne, heardByTwo] = [countingListener(), countingListener()];
    one.onReload(heardByOne.listener);
    two.onReload(heardByTwo.listener);
    await until(async () => (await listening(probe)).length === 2);
    await one.announceReload();
    await Promise.all([heardByOne.reached(1), heardByTwo.reached(1)]);

    const [broken] = await listening(probe);
    await probe.all("SELECT pg_terminate_backend(?)", [broken?.pid]);
    await until(async () => {
      const now = await listening(probe);
      return now.length === 2 && !now.some((connection) => connection.pid === broken?.pid);
    });
    await two.announceReload();
    await Promise.all([heardByOne.reached(2), heardByTwo.reached(2)]);
    expect([heardByOne.calls(), heardByTwo.calls()]).toEqual([2, 2]);
  });
});
