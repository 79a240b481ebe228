// npm run chat [-- --lang zh-Hans|zh-Hant|en]: the real bot in a terminal, with no token and no
// network. What is typed goes to the bot as text; #2 presses button [#2] (CHAT_HELP); /quit or
// end of input leaves. Piped input works too, and prints as a session.
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { createApp } from "../app.js";
import { loadConfig } from "../config.js";
import { createLogger } from "../logger.js";
import { FakeTelegram } from "../offline/fake-telegram.js";
import { OfflineUser } from "../offline/offline-user.js";
import { pacedClock } from "../offline/paced-clock.js";
import { CHAT_HELP, chatMode, TerminalChat } from "../offline/terminal-chat.js";
import { LANGUAGES, type Language } from "../text/language.js";
import { startOrExit } from "./load-or-exit.js";

const { values } = parseArgs({
  options: { lang: { type: "string" }, help: { type: "boolean", short: "h" } },
});
if (values.help) {
  console.log(`npm run chat [-- --lang ${LANGUAGES.join("|")}]\n\n${CHAT_HELP}`);
  process.exit(0);
}
const language = values.lang as Language | undefined;
if (language !== undefined && !LANGUAGES.includes(language)) {
  console.error(`--lang must be one of ${LANGUAGES.join(", ")}`);
  process.exit(2);
}

const telegram = new FakeTelegram();
const clock = pacedClock();
const app = await startOrExit(() =>
  createApp({
    config: loadConfig(process.env, { requireToken: false }),
    logger: createLogger("silent"),
    databaseFile: ":memory:",
    fetch: telegram.fetch,
    botInfo: telegram.botInfo,
    clock,
  }),
);
const user = new OfflineUser(app.bot, telegram, {
  id: 42,
  first_name: "You",
  ...(language ? { language_code: language } : {}),
});
if (language) await app.deps.storage.sessions.write(String(user.user.id), { language });

const mode = chatMode(process.stdin.isTTY === true, process.stdout.isTTY === true);
let files = 0;
const chat = new TerminalChat(
  user,
  telegram,
  {
    print: (text) => console.log(text),
    save(bytes, kind) {
      const name = kind === "picture" ? "chart" : "file";
      const file = join(
        tmpdir(),
        `hk-sim-${name}-${process.pid}-${++files}${kind === "picture" ? ".png" : ""}`,
      );
      writeFileSync(file, bytes);
      return file;
    },
  },
  mode,
);

if (mode.prompt) console.log(CHAT_HELP);
await chat.start();
const input = createInterface({
  input: process.stdin,
  ...(mode.prompt ? { output: process.stdout, prompt: "> ", terminal: true } : { terminal: false }),
});
// Ctrl-C leaves as /quit does (readline in a terminal would only pause).
input.on("SIGINT", () => input.close());
if (mode.prompt) input.prompt();
for await (const line of input) {
  clock.lineRead();
  if ((await chat.type(line)) === "quit") break;
  if (mode.prompt) input.prompt();
}
input.close();
await app.close();
