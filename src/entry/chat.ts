// npm run chat [-- --lang zh-Hans|zh-Hant|en]: the real bot in a terminal, with no token and no
// network. Type a question; type a button's number to press it (a number with no button of its
// own is sent as typed); /quit or end of input leaves.
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { createApp } from "../app.js";
import { loadConfig } from "../config.js";
import { createLogger } from "../logger.js";
import type { ApiCall } from "../offline/fake-telegram.js";
import { FakeTelegram } from "../offline/fake-telegram.js";
import { htmlToText } from "../offline/html-to-text.js";
import { OfflineUser } from "../offline/offline-user.js";
import { LANGUAGES, type Language } from "../text/language.js";

const { values } = parseArgs({ options: { lang: { type: "string" } } });
const language = values.lang as Language | undefined;
if (language !== undefined && !LANGUAGES.includes(language)) {
  console.error(`--lang must be one of ${LANGUAGES.join(", ")}`);
  process.exit(2);
}

const telegram = new FakeTelegram();
const config = loadConfig(process.env, { requireToken: false });
const app = await createApp({
  config,
  logger: createLogger("silent"),
  databaseFile: ":memory:",
  fetch: telegram.fetch,
  botInfo: telegram.botInfo,
});
const user = new OfflineUser(app.bot, telegram, {
  id: 42,
  first_name: "You",
  ...(language ? { language_code: language } : {}),
});
if (language) await app.deps.storage.sessions.write(String(user.user.id), { language });

/** The buttons of the last turn, numbered as printed. */
let buttons: { messageId: number; data: string }[] = [];

function print(calls: ApiCall[]): void {
  buttons = [];
  for (const { method, payload } of calls) {
    if (method === "answerCallbackQuery" && typeof payload.text === "string") {
      console.log(`  (${payload.text})`);
      continue;
    }
    if (method === "sendPhoto") {
      const picture = Object.values(payload).find((value) => value instanceof Uint8Array);
      if (picture) {
        const file = join(tmpdir(), `hk-sim-chart-${Date.now()}.png`);
        writeFileSync(file, picture);
        console.log(`\n[picture saved to ${file}]`);
      }
    } else if (method !== "sendMessage" && method !== "editMessageText") {
      continue;
    }
    console.log(`\n${htmlToText(String(payload.text ?? payload.caption ?? ""))}`);
    const keyboard = (
      payload.reply_markup as { inline_keyboard?: { text: string; callback_data?: string }[][] }
    )?.inline_keyboard;
    const messageId = Number(payload.message_id ?? user.lastShown?.messageId);
    for (const button of keyboard?.flat() ?? []) {
      if (!button.callback_data) continue;
      buttons.push({ messageId, data: button.callback_data });
      console.log(`  [${buttons.length}] ${button.text}`);
    }
  }
  console.log("");
}

print(await user.send("/start"));
const input = createInterface({ input: process.stdin, terminal: process.stdin.isTTY });
if (process.stdin.isTTY) input.setPrompt("> ");
input.prompt();
for await (const line of input) {
  const text = line.trim();
  if (text === "/quit") break;
  if (text === "") {
    input.prompt();
    continue;
  }
  if (!process.stdin.isTTY) console.log(`> ${text}`);
  // A button's number presses it; any other number is typed, as an answer ("150", "9").
  const pressed = /^\d+$/.test(text) ? buttons[Number(text) - 1] : undefined;
  if (pressed) print(await user.pressData(pressed.messageId, pressed.data));
  else print(await user.send(text));
  input.prompt();
}
input.close();
await app.close();
