import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";
import { memoize } from "../text/memo.js";
import { PostgresNotifications } from "./postgres-notifications.js";
import type { SqlDatabase, Statement } from "./sql-database.js";
import { createSqlStorage } from "./sql-storage.js";
import type { Storage } from "./storage.js";

/**
 * PostgreSQL, shared by any number of bot processes. `onIdleError` hears of connections that
 * broke while idle (a restarted server), pooled or listening: they are replaced, but unheard,
 * the error would end the process.
 */
export function openPostgresStorage(
  url: string,
  onIdleError: (error: Error) => void = () => undefined,
): Promise<Storage> {
  return createSqlStorage(openPostgresDatabase(url, onIdleError));
}

export function openPostgresDatabase(
  url: string,
  onIdleError: (error: Error) => void = () => undefined,
): SqlDatabase {
  // Pipeline mode: statements sent together go in one round trip, each with its parameters.
  const pool = new pg.Pool({ connectionString: url, max: 20, pipeline: true });
  // Counters' own connections (batchApart): taken from the pool, they could wait forever for
  // updates that hold every connection and wait for them.
  const apart = new pg.Pool({ connectionString: url, max: 4, pipeline: true });
  for (const each of [pool, apart]) each.on("error", onIdleError);
  return postgresDatabase(pool, apart, new PostgresNotifications(url, onIdleError));
}

/**
 * A statement as PostgreSQL wants it: `?` placeholders as `$1, $2, …`, and a name, so that each
 * connection parses and plans it once instead of on every update.
 */
const prepared = memoize((sql: string) => {
  let index = 0;
  return { name: `s${++preparedCount}`, text: sql.replace(/\?/g, () => `$${++index}`) };
});
let preparedCount = 0;

/** READ COMMITTED whatever the database's default: see `begin`. */
const BEGIN = "BEGIN ISOLATION LEVEL READ COMMITTED";

const statementOf = (sql: string, params: readonly unknown[] = []) => ({
  ...prepared(sql),
  values: [...params],
});

/**
 * One transaction on one connection: a unit of work holding its locks (`withLocks`), or a
 * transaction of its own. Everything in it runs on its connection: with a pool, work waiting for
 * a second connection while every connection holds (or waits for) a lock would wait forever.
 */
class Transaction {
  /** The lock keys held, released together at COMMIT or ROLLBACK. */
  readonly keys = new Set<string>();
  /** The first statement that failed: PostgreSQL refuses the rest, and nothing can be committed. */
  failure: { error: unknown } | undefined;
  /** Set at COMMIT or ROLLBACK: work that outlives it (a promise left running) uses the pool. */
  ended = false;
  /** Writes sent and not yet answered: `settled` waits for them. */
  #unanswered: Promise<unknown>[] = [];

  constructor(readonly client: pg.PoolClient) {}

  async query(sql: string, params?: readonly unknown[]): Promise<pg.QueryResult> {
    try {
      return await this.client.query(statementOf(sql, params));
    } catch (error) {
      this.failure ??= { error };
      throw error;
    }
  }

  /** Runs statements in order, sent together: they wait for the answers of none before them. */
  async runAll(statements: readonly Statement[]): Promise<void> {
    await Promise.all(statements.map(({ sql, params }) => this.query(sql, params)));
  }

  /**
   * Sends writes without waiting for their answers: the connection runs them in order before
   * anything sent later, and a failed one fails the transaction (`failure`), found at `settled`.
   * So an update's writes travel with its COMMIT instead of a round trip each.
   */
  send(statements: readonly Statement[]): void {
    for (const { sql, params } of statements) {
      this.#unanswered.push(this.query(sql, params).catch(() => undefined));
    }
  }

  /** Once every write sent has its answer: then `failure` is known. */
  async settled(): Promise<void> {
    const unanswered = this.#unanswered;
    this.#unanswered = [];
    await Promise.all(unanswered);
  }

  /**
   * Locks the keys not held yet, in the order given (sent together, run in that order); each is
   * held until the transaction ends.
   */
  async lock(keys: readonly string[]): Promise<void> {
    const fresh = keys.filter((key) => !this.keys.has(key));
    await this.runAll(
      fresh.map((key) => ({
        sql: "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))",
        params: [key],
      })),
    );
    for (const key of fresh) this.keys.add(key);
  }
}

/** The open transaction of each pool, for the work running in it. */
const current = new AsyncLocalStorage<ReadonlyMap<pg.Pool, Transaction>>();

/**
 * BEGIN, the statements and COMMIT, sent together on a connection of `from`: one round trip, and
 * a row one statement locks is held only while the server runs the rest. A statement that fails
 * turns the COMMIT into a rollback: none of them is stored.
 */
async function inOneGo(from: pg.Pool, statements: readonly Statement[]): Promise<void> {
  const client = await from.connect();
  const sent = [
    client.query(BEGIN),
    ...statements.map(({ sql, params }) => client.query(statementOf(sql, params))),
    client.query("COMMIT"),
  ];
  const settled = await Promise.allSettled(sent);
  // Without an answer to COMMIT, the connection is in no known state: it is closed.
  client.release(settled.at(-1)?.status === "rejected");
  const failed = settled.find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
}

/** A database on a pool: statements outside a transaction take any pooled connection. */
function postgresDatabase(
  pool: pg.Pool,
  apart: pg.Pool,
  notifications: PostgresNotifications,
): SqlDatabase {
  const open = () => {
    const transaction = current.getStore()?.get(pool);
    return transaction && !transaction.ended ? transaction : undefined;
  };
  const query = (sql: string, params?: readonly unknown[]) =>
    open()?.query(sql, params) ?? pool.query(statementOf(sql, params));

  /** Runs `work` in a new transaction, on a connection of its own, holding `keys`. */
  const begin = async <T>(keys: readonly string[], work: () => Promise<T>): Promise<T> => {
    const transaction = new Transaction(await pool.connect());
    const { client } = transaction;
    // The connection goes back to the pool only once the transaction ended; one that could not
    // even roll back is closed instead.
    let broken = false;
    try {
      // READ COMMITTED: each statement sees what was committed before it began, so the reads
      // after a lock see what its last holder wrote. Under REPEATABLE READ they would share the
      // snapshot of the lock's statement, from before the wait. Sent with the locks.
      await Promise.all([client.query(BEGIN), transaction.lock(keys)]);
      const value = await current.run(new Map(current.getStore()).set(pool, transaction), work);
      // A failed statement that work caught (the bot's error boundary) still leaves nothing to
      // commit: the update fails, so that it is not acknowledged as stored.
      // COMMIT goes out behind the writes still unanswered; after a failed one PostgreSQL
      // answers it with a rollback, so failure is looked at once they all have their answers.
      const committed = client.query("COMMIT");
      await transaction.settled();
      await committed;
      if (transaction.failure) throw transaction.failure.error;
      return value;
    } catch (error) {
      broken = await client.query("ROLLBACK").then(
        () => false,
        () => true,
      );
      throw error;
    } finally {
      transaction.ended = true;
      client.release(broken);
    }
  };

  /** Inside a transaction, `work` as a part of it that fails alone: a savepoint. */
  const savepoint = async <T>(transaction: Transaction, work: () => Promise<T>): Promise<T> => {
    const before = transaction.failure;
    await transaction.query("SAVEPOINT part");
    try {
      const value = await work();
      await transaction.settled();
      if (transaction.failure !== before) throw transaction.failure?.error;
      await transaction.query("RELEASE SAVEPOINT part");
      return value;
    } catch (error) {
      await transaction.query("ROLLBACK TO SAVEPOINT part");
      transaction.failure = before;
      throw error;
    }
  };

  const database: SqlDatabase = {
    dialect: "postgres",
    run: async (sql, params) => ({ changes: (await query(sql, params)).rowCount ?? 0 }),
    get: async <T>(sql: string, params?: readonly unknown[]) =>
      (await query(sql, params)).rows[0] as T | undefined,
    all: async <T>(sql: string, params?: readonly unknown[]) =>
      (await query(sql, params)).rows as T[],
    // Inside a transaction the statements are already all or nothing: a failed one fails it whole,
    // so they need no answer before COMMIT.
    batch: async (statements) => {
      if (statements.length === 0) return;
      const transaction = open();
      if (transaction) transaction.send(statements);
      else await inOneGo(pool, statements);
    },
    batchApart: async (statements) => {
      if (statements.length > 0) await inOneGo(apart, statements);
    },
    transaction: (work) => {
      const transaction = open();
      return transaction
        ? savepoint(transaction, () => work(database))
        : begin([], () => work(database));
    },
    withLocks: (keys, work) => {
      const taken = [...new Set(keys)].sort();
      const transaction = open();
      // Inside another unit of work, its transaction takes the keys it does not hold yet: on a
      // connection of their own, those it holds would wait for this very update. They are let go
      // with the others, at its end, once what was written holding them is committed.
      if (!transaction) return begin(taken, work);
      return transaction.lock(taken).then(work);
    },
    async notify(channel) {
      await notifications.ready();
      await query("SELECT pg_notify(?, ?)", [channel, ""]);
    },
    listen: (channel, listener) => notifications.listen(channel, listener),
    async close() {
      await notifications.close();
      await Promise.all([pool.end(), apart.end()]);
    },
  };
  return database;
}
