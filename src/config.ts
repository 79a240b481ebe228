import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** What the bot reads from the environment; see .env.example. */
export interface Config {
  /** Absent only for the terminal chat, which talks to no Telegram server. */
  botToken?: string;
  /** A local Bot API server or emulator instead of api.telegram.org. */
  apiRoot?: string;
  dataDir: string;
  /** The knowledge base: KNOWLEDGE_DIR, else the project's own knowledge/ folder. */
  knowledgeDir: string;
  adminIds: ReadonlySet<number>;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** How often the scheduler looks for due reminders. */
  schedulerIntervalMs: number;
  /** PostgreSQL for every store, shared by several instances; unset: SQLite in DATA_DIR. */
  databaseUrl?: string;
  /** Set: serve webhooks instead of polling. */
  webhook?: { url: string; secret: string; port: number; register: boolean };
}

// BotFather tokens: the bot's numeric id, a colon, and 35 characters of a secret.
const TOKEN = /^\d{5,16}:[A-Za-z0-9_-]{30,50}$/;

const environmentSchema = z.object({
  BOT_TOKEN: z
    .string()
    .trim()
    .regex(TOKEN, "is not a bot token: expected <digits>:<secret> as BotFather prints it")
    .optional(),
  TELEGRAM_API_ROOT: z.url("must be a URL such as http://127.0.0.1:8081").optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  KNOWLEDGE_DIR: z.string().min(1).optional(),
  ADMIN_IDS: z
    .string()
    .default("")
    .refine(
      (value) => value.split(",").every((id) => /^\s*-?\d*\s*$/.test(id)),
      "must be Telegram user ids separated by commas",
    ),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
    .optional(),
  WEBHOOK_URL: z.url("must be the public https URL Telegram posts updates to").optional(),
  WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,256}$/, "must be 16 to 256 letters, digits, _ or -")
    .optional(),
  PORT: z.coerce.number().int().min(1).max(65_535).default(8080),
  SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(100).default(60_000),
  WEBHOOK_REGISTER: z.enum(["0", "1"]).default("0"),
});

export class ConfigError extends Error {}

/**
 * Reads and checks the configuration. Every problem is named with the variable to fix; the token's
 * value never appears in a message, whatever is wrong with it.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv,
  { requireToken }: { requireToken: boolean },
): Config {
  const blank = (value: string | undefined) => (value?.trim() ? value : undefined);
  const parsed = environmentSchema.safeParse({
    ...env,
    BOT_TOKEN: blank(env.BOT_TOKEN),
    TELEGRAM_API_ROOT: blank(env.TELEGRAM_API_ROOT),
    KNOWLEDGE_DIR: blank(env.KNOWLEDGE_DIR),
    WEBHOOK_URL: blank(env.WEBHOOK_URL),
    DATABASE_URL: blank(env.DATABASE_URL),
    WEBHOOK_SECRET: blank(env.WEBHOOK_SECRET),
    PORT: blank(env.PORT),
    SCHEDULER_INTERVAL_MS: blank(env.SCHEDULER_INTERVAL_MS),
    WEBHOOK_REGISTER: blank(env.WEBHOOK_REGISTER),
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new ConfigError(problems.join("; "));
  }
  const values = parsed.data;
  if (requireToken && !values.BOT_TOKEN) {
    throw new ConfigError(
      "BOT_TOKEN is not set: put the token BotFather gave you in .env (see .env.example), or try the bot offline with `npm run chat`",
    );
  }
  if (values.WEBHOOK_URL && !values.WEBHOOK_SECRET) {
    throw new ConfigError(
      "WEBHOOK_SECRET is not set: webhook mode needs a secret Telegram sends with every update (16+ letters and digits)",
    );
  }
  return {
    ...(values.WEBHOOK_URL && values.WEBHOOK_SECRET
      ? {
          webhook: {
            url: values.WEBHOOK_URL,
            secret: values.WEBHOOK_SECRET,
            port: values.PORT,
            register: values.WEBHOOK_REGISTER === "1",
          },
        }
      : {}),
    ...(values.BOT_TOKEN ? { botToken: values.BOT_TOKEN } : {}),
    ...(values.DATABASE_URL ? { databaseUrl: values.DATABASE_URL } : {}),
    ...(values.TELEGRAM_API_ROOT ? { apiRoot: values.TELEGRAM_API_ROOT.replace(/\/+$/, "") } : {}),
    knowledgeDir: knowledgeDir(env),
    dataDir: values.DATA_DIR,
    schedulerIntervalMs: values.SCHEDULER_INTERVAL_MS,
    adminIds: new Set(
      values.ADMIN_IDS.split(",")
        .map((id) => id.trim())
        .filter(Boolean)
        .map(Number),
    ),
    logLevel: values.LOG_LEVEL,
  };
}

/**
 * The knowledge base folder: KNOWLEDGE_DIR, else the project's own knowledge/ folder. Relative to
 * the working folder, so that problems read "knowledge/entries/x.yaml:3:5".
 */
export function knowledgeDir(env: NodeJS.ProcessEnv): string {
  const dir = env.KNOWLEDGE_DIR?.trim() || fileURLToPath(new URL("../knowledge", import.meta.url));
  return relative(process.cwd(), dir) || ".";
}
