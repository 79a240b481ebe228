import pg from "pg";
import { ChannelListeners } from "./sql-database.js";

/** How long a broken listening connection waits before it connects again. */
const RELISTEN_DELAY_MS = 1000;

/**
 * LISTEN on a connection of its own, opened with the first listener: a notification reaches
 * only the connection that listens, and pooled connections come and go. A connection that
 * breaks is replaced after a short delay; what was notified meanwhile goes unheard.
 */
export class PostgresNotifications {
  readonly #listeners = new ChannelListeners();
  #client: pg.Client | undefined;
  /** Settles once the current connection listens on every channel, or failed to. */
  #listening: Promise<void> | undefined;
  #relisten: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(
    readonly url: string,
    readonly onError: (error: Error) => void,
  ) {}

  listen(channel: string, listener: () => void): void {
    const newChannel = this.#listeners.add(channel, listener);
    if (!this.#listening) this.#connect();
    else if (newChannel) {
      this.#listening = this.#listening
        .then(() => this.#client?.query(listenTo(channel)))
        .then(() => undefined, this.onError);
    }
  }

  /** Waits until this process listens, so that it hears its own notifications too. */
  async ready(): Promise<void> {
    await this.#listening;
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#relisten);
    this.#listeners.clear();
    await this.#client?.end().catch(() => undefined);
  }

  #connect(): void {
    const client = new pg.Client({ connectionString: this.url });
    this.#client = client;
    let broken = false;
    const replace = (error?: Error) => {
      // A broken connection may report both an error and its end.
      if (broken) return;
      broken = true;
      if (error && !this.#closed) this.onError(error);
      client.end().catch(() => undefined);
      if (!this.#closed) this.#relisten = setTimeout(() => this.#connect(), RELISTEN_DELAY_MS);
    };
    client.on("error", replace);
    client.on("end", () => replace());
    client.on("notification", ({ channel }) => this.#listeners.call(channel));
    this.#listening = (async () => {
      await client.connect();
      for (const channel of this.#listeners.channels()) await client.query(listenTo(channel));
    })().catch(replace);
  }
}

/** LISTEN takes a channel's name, an identifier, and no parameter: it is quoted as one. */
const listenTo = (channel: string) => `LISTEN ${pg.escapeIdentifier(channel)}`;
