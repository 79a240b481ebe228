import { type ChildProcess, spawn } from "node:child_process";
import { EventEmitter } from "node:events";
import { createServer } from "node:net";
import { projectPath } from "../helpers.js";

/** A token of BotFather's shape, for bots that only ever talk to an emulator or a stub. */
export const TEST_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ";

/** A port nobody listens on right now, on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export interface BotProcess {
  process: ChildProcess;
  /** Everything it printed, for the message of a failing test. */
  output(): string;
  /** Resolves once it has printed something matching `pattern`; fails if it exits first. */
  printed(pattern: RegExp, timeoutMs?: number): Promise<void>;
}

/** `npm start`'s entry point as a child process, with the given environment on top of ours. */
export function startBotProcess(env: Record<string, string>): BotProcess {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", projectPath("src/entry/start.ts")], {
    cwd: projectPath("."),
    env: { ...process.env, BOT_TOKEN: TEST_TOKEN, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const heard = new EventEmitter();
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on("data", (chunk) => {
      output += chunk;
      heard.emit("output");
    });
  }
  child.once("exit", () => heard.emit("exit"));
  return {
    process: child,
    output: () => output,
    printed: async (pattern, timeoutMs = 30_000) => {
      await until(
        heard,
        ["output", "exit"],
        () => {
          if (pattern.test(output)) return true;
          if (child.exitCode !== null || child.signalCode !== null) {
            throw new Error(`exited before printing ${pattern}:\n${output}`);
          }
          return undefined;
        },
        { timeoutMs, describe: () => `for ${pattern}:\n${output}` },
      );
    },
  };
}

/** The environment of an operator with no token and no Telegram to reach: `npm run chat`'s. */
export function offlineEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { BOT_TOKEN: _token, TELEGRAM_API_ROOT: _root, ...env } = process.env;
  return { ...env, ...extra };
}

/** An entry point of src/entry/ and its arguments, for `node`. */
export const entryArgs = (entry: string) => ["--import", "tsx", projectPath(`src/entry/${entry}`)];

/** An entry point run as an operator runs it, offline: `input` piped in, its output read to the end. */
export function runEntry(
  entry: string,
  input: string,
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [...entryArgs(entry), ...args], {
    cwd: projectPath("."),
    env: offlineEnv(env),
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  child.stdin.end(input);
  return new Promise((resolve) =>
    child.once("close", (status) => resolve({ status, stdout, stderr })),
  );
}

/** `npm run chat` with `input` piped in. */
export const runChat = (input: string, args: string[] = [], env: Record<string, string> = {}) =>
  runEntry("chat.ts", input, args, env);

/**
 * Resolves with what `find` returns once it returns something: checked at once, then after each
 * of `events` on `emitter` (nothing is polled). `timeoutMs` only bounds the wait; an error thrown
 * by `find` fails it.
 */
export function until<T>(
  emitter: EventEmitter,
  events: readonly string[],
  find: () => T | undefined,
  { timeoutMs = 20_000, describe = () => "" }: { timeoutMs?: number; describe?: () => string } = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const stop = () => {
      clearTimeout(timer);
      for (const event of events) emitter.off(event, check);
    };
    const check = () => {
      try {
        const found = find();
        if (found === undefined) return;
        stop();
        resolve(found);
      } catch (error) {
        stop();
        reject(error);
      }
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out after ${timeoutMs} ms waiting ${describe()}`));
    }, timeoutMs);
    for (const event of events) emitter.on(event, check);
    check();
  });
}

/** A private-chat text update from `user`, as Telegram would post it to a webhook. */
export function textUpdate(updateId: number, user: number, text: string) {
  const command = text.match(/^\/\w+/)?.[0];
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: user, type: "private", first_name: "U" },
      from: { id: user, is_bot: false, first_name: "U", language_code: "en" },
      text,
      ...(command
        ? { entities: [{ type: "bot_command", offset: 0, length: command.length }] }
        : {}),
    },
  };
}

/** Starts a bot in webhook mode on a free port, and resolves once it serves (its log says so). */
export async function startWebhookBot(env: Record<string, string>, secret: string) {
  const port = await freePort();
  const bot = startBotProcess({
    ...env,
    // The "serving webhooks" line is what the start is waited on.
    LOG_LEVEL: "info",
    WEBHOOK_URL: `http://127.0.0.1:${port}/telegram`,
    WEBHOOK_SECRET: secret,
    PORT: String(port),
  });
  try {
    await bot.printed(/"msg":"serving webhooks"/, 90_000);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    if (!health.ok) throw new Error(`/healthz answered ${health.status}:\n${bot.output()}`);
  } catch (error) {
    // A bot that never came up is not left behind, serving.
    bot.process.kill("SIGKILL");
    throw error;
  }
  return { ...bot, port };
}
