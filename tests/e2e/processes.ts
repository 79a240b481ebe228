import { type ChildProcess, spawn } from "node:child_process";
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
}

/** `npm start`'s entry point as a child process, with the given environment on top of ours. */
export function startBotProcess(env: Record<string, string>): BotProcess {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", projectPath("src/entry/start.ts")], {
    cwd: projectPath("."),
    env: { ...process.env, BOT_TOKEN: TEST_TOKEN, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  return { process: child, output: () => output };
}

/** Waits until `check` holds, or fails after `timeoutMs` with `describe()` in the message. */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 20_000,
  describe: () => string = () => "",
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out ${describe()}`);
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

/** Starts a bot in webhook mode on a free port and waits until /healthz answers. */
export async function startWebhookBot(env: Record<string, string>, secret: string) {
  const port = await freePort();
  const bot = startBotProcess({
    ...env,
    WEBHOOK_URL: `http://127.0.0.1:${port}/telegram`,
    WEBHOOK_SECRET: secret,
    PORT: String(port),
  });
  await waitFor(
    async () => {
      try {
        return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
      } catch {
        return false;
      }
    },
    30_000,
    bot.output,
  );
  return { ...bot, port };
}
