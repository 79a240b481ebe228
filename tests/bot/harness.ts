import { Writable } from "node:stream";
import { afterEach, beforeEach, expect, vi } from "vitest";
import { type App, createApp } from "../../src/app.js";
import type { Clock } from "../../src/clock.js";
import type { Config } from "../../src/config.js";
import { loadServedKnowledge, type ServedKnowledge } from "../../src/knowledge.js";
import { createLogger } from "../../src/logger.js";
import { type ApiCall, FakeTelegram } from "../../src/offline/fake-telegram.js";
import { OfflineUser } from "../../src/offline/offline-user.js";
import { projectPath } from "../helpers.js";

export const ADMIN_ID = 7;

export interface Harness {
  app: App;
  telegram: FakeTelegram;
  /** Log lines the bot wrote, parsed. */
  logs: Record<string, unknown>[];
  /** The waits between retries of calls to Telegram, in ms: taken on a virtual clock, at once. */
  retryWaits: number[];
  /** A user in a private chat with the bot. */
  user(id?: number, languageCode?: string): OfflineUser;
  /** A user in a group the bot is in. */
  groupMember(id?: number, languageCode?: string): OfflineUser;
}

export interface HarnessOptions {
  databaseFile?: string;
  knowledgeDir?: string;
  databaseUrl?: string;
  /** The time the bot goes by; default: the system's (which tests may fake). */
  clock?: Clock;
}

/** A clock that stands still until a test moves it. */
export class ManualClock implements Clock {
  #at: number;
  constructor(at: Date) {
    this.#at = at.getTime();
  }
  now(): Date {
    return new Date(this.#at);
  }
  advance(ms: number): void {
    this.#at += ms;
  }
}

let shipped: Promise<ServedKnowledge> | undefined;

/** The shipped knowledge base, loaded once per test worker: building it (OpenCC, the index) is most of a bot's start. */
function shippedKnowledge(): Promise<ServedKnowledge> {
  shipped ??= loadServedKnowledge(projectPath("knowledge"));
  return shipped;
}

/**
 * The real bot on the shipped knowledge base, with the fake Telegram and its own storage: a
 * SQLite file (in memory by default), or with `databaseUrl` a PostgreSQL database that several
 * harnesses may share, as instances do.
 */
export async function startHarness({
  databaseFile = ":memory:",
  knowledgeDir = projectPath("knowledge"),
  databaseUrl,
  clock,
}: HarnessOptions = {}): Promise<Harness> {
  const telegram = new FakeTelegram();
  const logs: Record<string, unknown>[] = [];
  const retryWaits: number[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  const config: Config = {
    dataDir: "unused",
    knowledgeDir,
    adminIds: new Set([ADMIN_ID]),
    logLevel: "info",
    schedulerIntervalMs: 60_000,
    ...(databaseUrl ? { databaseUrl } : {}),
  };
  const app = await createApp({
    config,
    logger: createLogger("debug", sink),
    ...(databaseUrl ? {} : { databaseFile }),
    fetch: telegram.fetch,
    botInfo: telegram.botInfo,
    retry: {
      sleep: async (ms) => {
        retryWaits.push(ms);
      },
    },
    ...(knowledgeDir === projectPath("knowledge") ? { knowledge: await shippedKnowledge() } : {}),
    ...(clock ? { clock } : {}),
  });
  return {
    app,
    telegram,
    logs,
    retryWaits,
    user: (id = 100, languageCode) =>
      new OfflineUser(app.bot, telegram, {
        id,
        first_name: "User",
        ...(languageCode ? { language_code: languageCode } : {}),
      }),
    groupMember: (id = 200, languageCode) =>
      new OfflineUser(
        app.bot,
        telegram,
        { id, first_name: "Member", ...(languageCode ? { language_code: languageCode } : {}) },
        {
          id: -1001,
          type: "supergroup",
          title: "HK travellers",
        },
      ),
  };
}

/** The texts the bot sent or edited in these calls. */
export function textsOf(calls: ApiCall[]): string[] {
  return calls
    .filter((call) => call.method === "sendMessage" || call.method === "editMessageText")
    .map((call) => String(call.payload.text));
}

/** The one message the bot sent or edited in these calls; fails if there was not exactly one. */
export function onlyMessage(calls: ApiCall[]): ApiCall {
  const messages = calls.filter(
    (call) => call.method === "sendMessage" || call.method === "editMessageText",
  );
  if (messages.length !== 1) {
    throw new Error(
      `expected one message, got ${messages.length}: ${calls.map((c) => c.method).join(", ")}`,
    );
  }
  return messages[0] as ApiCall;
}

export function buttonsOf(call: ApiCall): { text: string; data?: string; url?: string }[] {
  const markup = call.payload.reply_markup as
    | { inline_keyboard?: { text: string; callback_data?: string; url?: string }[][] }
    | undefined;
  return (markup?.inline_keyboard ?? []).flat().map((button) => ({
    text: button.text,
    ...(button.callback_data ? { data: button.callback_data } : {}),
    ...(button.url ? { url: button.url } : {}),
  }));
}

/** Errors the bot logged: a test that expects none asserts this is empty. */
export function errorsIn(logs: Record<string, unknown>[]): Record<string, unknown>[] {
  return logs.filter((line) => typeof line.level === "number" && line.level >= 50);
}

/** Thursday 3 December 2026, noon in Hong Kong: the today of the typed-answer tables. */
export const TODAY_NOON = new Date("2026-12-03T04:00:00Z");

/**
 * A fresh harness for each test of the file, with the clock set to `at` (Date only: timers
 * run), and no error logged by the end of each test. Returns a getter for the current one.
 */
export function harnessAt(at: Date): () => Harness {
  let harness: Harness | undefined;
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(at);
    harness = await startHarness();
  });
  afterEach(() => {
    vi.useRealTimers();
    expect(errorsIn(harness?.logs ?? [])).toEqual([]);
  });
  return () => {
    if (!harness) throw new Error("the harness starts in beforeEach");
    return harness;
  };
}

/** The texts of the messages the bot sent (not edited) in these calls. */
export function sentTexts(calls: ApiCall[]): string[] {
  return calls
    .filter((call) => call.method === "sendMessage")
    .map((call) => String(call.payload.text));
}

export function lastSent(calls: ApiCall[]): string {
  return sentTexts(calls).at(-1) ?? "";
}
