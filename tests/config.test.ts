import { join } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";
import { createLogger } from "../src/logger.js";

const TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ";
const SECRET = TOKEN.split(":")[1] ?? "";

const messageOf = (env: NodeJS.ProcessEnv, requireToken = true) => {
  try {
    loadConfig(env, { requireToken });
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return undefined;
};

describe("loadConfig", () => {
  it("reads every variable, with defaults", () => {
    expect(
      loadConfig(
        { BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: "http://127.0.0.1:8081/", ADMIN_IDS: "1, 2" },
        { requireToken: true },
      ),
    ).toEqual({
      botToken: TOKEN,
      apiRoot: "http://127.0.0.1:8081",
      dataDir: "./data",
      knowledgeDir: "knowledge",
      adminIds: new Set([1, 2]),
      logLevel: "info",
      schedulerIntervalMs: 60_000,
    });
  });

  it("reads the knowledge base from KNOWLEDGE_DIR, relative to the working folder", () => {
    const config = loadConfig(
      { KNOWLEDGE_DIR: join(process.cwd(), "elsewhere") },
      { requireToken: false },
    );
    expect(config.knowledgeDir).toBe("elsewhere");
  });

  it("says how to fix a missing token, and offers the terminal chat", () => {
    expect(messageOf({})).toMatch(/BOT_TOKEN is not set.*npm run chat/);
    expect(messageOf({ BOT_TOKEN: "  " })).toMatch(/BOT_TOKEN is not set/);
    expect(messageOf({}, false)).toBeUndefined();
  });

  it("rejects a malformed token without repeating it", () => {
    const message = messageOf({ BOT_TOKEN: `${SECRET}oops` });
    expect(message).toMatch(/BOT_TOKEN is not a bot token/);
    expect(message).not.toContain(SECRET);
  });

  it("names each other variable that is wrong", () => {
    expect(messageOf({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: "not a url" })).toMatch(
      /TELEGRAM_API_ROOT/,
    );
    expect(messageOf({ BOT_TOKEN: TOKEN, ADMIN_IDS: "alice" })).toMatch(/ADMIN_IDS/);
    expect(messageOf({ BOT_TOKEN: TOKEN, LOG_LEVEL: "loud" })).toMatch(/LOG_LEVEL/);
  });
});

describe("webhook mode", () => {
  it("is on when WEBHOOK_URL is set, and needs a secret", () => {
    const config = loadConfig(
      {
        BOT_TOKEN: TOKEN,
        WEBHOOK_URL: "https://bot.example.org/telegram",
        WEBHOOK_SECRET: "a-long-enough-secret",
        PORT: "9000",
        WEBHOOK_REGISTER: "1",
      },
      { requireToken: true },
    );
    expect(config.webhook).toEqual({
      url: "https://bot.example.org/telegram",
      secret: "a-long-enough-secret",
      port: 9000,
      register: true,
    });
    expect(messageOf({ BOT_TOKEN: TOKEN, WEBHOOK_URL: "https://bot.example.org/t" })).toMatch(
      /WEBHOOK_SECRET is not set/,
    );
    expect(
      messageOf({
        BOT_TOKEN: TOKEN,
        WEBHOOK_URL: "https://bot.example.org/t",
        WEBHOOK_SECRET: "short",
      }),
    ).toMatch(/WEBHOOK_SECRET/);
  });
});

describe("createLogger", () => {
  it("masks a bot token wherever it appears in a log line", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger("info", sink);
    logger.error({ url: `https://api.telegram.org/bot${TOKEN}/getMe` }, `failed: ${TOKEN}`);
    expect(lines.join("")).not.toContain(SECRET);
    expect(lines.join("")).toContain("123456789:[redacted]");
  });
});
