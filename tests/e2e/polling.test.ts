import type { ChildProcess } from "node:child_process";
import { EventEmitter, once } from "node:events";
import { mkdtempSync, rmSync, watch } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startBotProcess, TEST_TOKEN, until } from "./processes.js";

// The real entry point, polling a Bot API emulator on loopback: what `npm start` does, minus Telegram.
const TOKEN = TEST_TOKEN;
let server: TelegramServer;
let bot: ChildProcess;
let botOutput: () => string = () => "";
const dataDir = mkdtempSync(join(tmpdir(), "hk-sim-e2e-"));

/**
 * Starts the bot and resolves once it polls (its log says so): a start on a busy machine (the
 * knowledge base, OpenCC) takes longer than any reply, and is not what a reply's wait bounds.
 */
async function startBot(): Promise<ChildProcess> {
  const started = startBotProcess({
    TELEGRAM_API_ROOT: server.config.apiURL,
    DATA_DIR: dataDir,
    LOG_LEVEL: "info",
  });
  botOutput = started.output;
  await started.printed(/"msg":"polling"/, 90_000);
  return started.process;
}

beforeAll(async () => {
  server = new TelegramServer({ host: "127.0.0.1", port: await freePort(), storeTimeout: 600 });
  await server.start();
  bot = await startBot();
}, 120_000);

/** Stops the bot with `signal` and waits until it is gone: at once if it is gone already. */
async function stopBot(signal: NodeJS.Signals): Promise<void> {
  if (!bot || bot.exitCode !== null || bot.signalCode !== null) return;
  const exited = once(bot, "exit");
  bot.kill(signal);
  await exited;
}

afterAll(async () => {
  await stopBot("SIGTERM");
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

interface BotMessage {
  messageId: number;
  message: {
    text: string;
    chat_id: number | string;
    reply_markup?: { inline_keyboard?: { text: string; callback_data?: string }[][] };
  };
}

/** What the emulator emits as the bot sends or edits a message. */
const BOT_EVENTS = ["AddedBotMessage", "EditedMessageText", "EditedMessageReplyMarkup"];

/** A person in a private chat with the bot, through the emulator. */
function person(userId: number) {
  const client = server.getClient(TOKEN, {
    userId,
    chatId: userId,
    type: "private",
    firstName: "E2E",
  });
  const messagesToMe = () =>
    (server.storage.botMessages as unknown as BotMessage[]).filter(
      (update) => String(update.message.chat_id) === String(userId),
    );
  /**
   * Waits for the reply that shows `expected`: a message sent after the first `seen`, or
   * `edited` once its text is no longer `before`. A reply is finished when it says what the
   * test waits for, not after a quiet spell.
   */
  const reply = (
    expected: string,
    seen: number,
    edited?: { messageId: number; before: string },
  ): Promise<BotMessage> =>
    until(
      server,
      BOT_EVENTS,
      () =>
        messagesToMe().find(
          (message, index) =>
            message.message.text.includes(expected) &&
            (index >= seen ||
              (message.messageId === edited?.messageId && message.message.text !== edited.before)),
        ),
      {
        timeoutMs: 30_000,
        describe: () => `for a reply with "${expected}"; the bot's output:\n${botOutput()}`,
      },
    );
  return {
    /** Sends text (or a command) and waits for the reply that shows `expected`. */
    async say(text: string, expected: string): Promise<BotMessage> {
      const seen = messagesToMe().length;
      if (text.startsWith("/")) await client.sendCommand(client.makeCommand(text));
      else await client.sendMessage(client.makeMessage(text));
      return reply(expected, seen);
    },
    /** Presses a button and waits for the reply that shows `expected` (a new message, or an edit). */
    async press(from: BotMessage, label: string, expected: string): Promise<BotMessage> {
      const button = from.message.reply_markup?.inline_keyboard
        ?.flat()
        .find((b) => b.text.includes(label) && b.callback_data);
      if (!button?.callback_data) throw new Error(`no button "${label}"`);
      const seen = messagesToMe().length;
      const before = from.message.text;
      await client.sendCallback(
        client.makeCallbackQuery(button.callback_data, {
          message: { message_id: from.messageId, text: before } as never,
        }),
      );
      return reply(expected, seen, { messageId: from.messageId, before });
    },
  };
}

/**
 * Resolves once the bot has stored the update that brought `text` into the flow of `userId`:
 * its reply is sent before the flow's state is written, and a kill between the two would lose
 * the answer. Checked on every write to the database folder, and every 100 ms besides: SQLite
 * makes a commit readable through its memory-mapped WAL index after the last file write, so the
 * last write event can come before the commit is visible, and no event follows it.
 */
async function flowStored(userId: number, text: string): Promise<void> {
  const db = new Database(join(dataDir, "bot.sqlite"), { readonly: true });
  const changes = new EventEmitter();
  const watching = watch(dataDir, () => changes.emit("change"));
  const ticking = setInterval(() => changes.emit("change"), 100);
  const stored = () =>
    (
      db.prepare("SELECT value FROM conversations WHERE key = ?").get(`flow:${userId}`) as
        | { value: string }
        | undefined
    )?.value;
  // Read for the timeout's message too, where a throw would leave the wait unsettled.
  const storedOrError = () => {
    try {
      return stored();
    } catch (error) {
      return `unreadable (${String(error)})`;
    }
  };
  try {
    await until(
      changes,
      ["change"],
      () => (stored()?.includes(JSON.stringify(text)) ? true : undefined),
      {
        describe: () =>
          `for the flow of ${userId} to hold ${JSON.stringify(text)}; it holds ${storedOrError()}; the bot's output:\n${botOutput()}`,
      },
    );
  } finally {
    clearInterval(ticking);
    watching.close();
    db.close();
  }
}

describe("npm start against a Bot API emulator", () => {
  it("walks /share by button presses to a recommendation", async () => {
    const user = person(5003);
    const first = await user.say("/share", "How many people need mobile data?");
    expect(first.message.text).toBe("How many people need mobile data?");
    const stay = await user.press(first, "2", "How long will you be in Hong Kong?");
    const together = await user.press(stay, "A short trip (a few days)", "together most");
    const use = await user.press(together, "Mostly together", "How much data does each");
    const occasional = await user.press(use, "Messages and maps", "only need data now and then");
    const result = await user.press(occasional, "No", "My suggestion");
    expect(result.message.text).toContain("one card, shared through its hotspot");
  }, 60_000);

  it("finishes /monitor after the bot was killed midway, with the answers given before kept", async () => {
    const user = person(5004);
    const carrier = await user.say("/monitor", "Which carrier is your card from?");
    const offer = await user.press(carrier, "SmarTone", "Shall I keep track of this card");
    const total = await user.press(offer, "Yes, track it", "How much data does your plan include?");
    await user.say("10GB", "How many days is the plan valid for?");
    expect(total.message.text).toContain("How much data");
    // Killed once the answer is stored: the flow must go on from it after the restart.
    await flowStored(5004, "10GB");

    await stopBot("SIGKILL");
    bot = await startBot();

    const start = await user.say("7 days", "When did the plan start?");
    expect(start.message.text).toBe("When did the plan start?");
    // Started yesterday, so a small first report sets no pace warning whatever the hour.
    const threshold = await user.press(start, "Yesterday", "How much data should be left");
    const checkIn = await user.press(threshold, "20%", "once a day");
    const confirm = await user.press(checkIn, "None", "Your tracker");
    expect(confirm.message.text).toContain("10 GB for 7 days");
    expect((await user.press(confirm, "Save", "Saved")).message.text).toContain("Saved");
    const used = await user.say("/used 100MB", "Used 100 MB");
    expect(used.message.text).toContain("Used 100 MB of 10 GB");
  }, 150_000);

  it("welcomes, answers in three languages, and follows its buttons", async () => {
    const user = person(5001);
    const welcome = await user.say("/start", "Hong Kong data SIM cards");
    expect(welcome.message.text).toContain("Hong Kong data SIM cards");

    expect((await user.say("香港流量卡可以家庭共享吗", "港卡能家庭共享吗")).message.text).toContain(
      "基本不能",
    );
    expect((await user.say("香港有冇免費WiFi", "香港有免費Wi-Fi嗎")).message.text).toContain(
      "Wi-Fi",
    );
    const english = await user.say("can i share data through a hotspot", "personal hotspot");
    expect(english.message.text).toContain("personal hotspot");

    const related = await user.press(
      english,
      "Should each family member get a card?",
      "<b>Should each family member get a card?</b>",
    );
    expect(related.message.text).toContain("<b>Should each family member get a card?</b>");

    const menu = await user.press(welcome, "Topics", "<b>Topics</b>");
    expect(menu.message.text).toContain("Topics");
    const category = await user.press(menu, "Usage monitoring", "<b>Usage monitoring</b>");
    expect(category.messageId).toBe(menu.messageId);
    expect(category.message.text).toContain("Usage monitoring");
  }, 60_000);

  it("keeps answering after a method the emulator lacks (setMyCommands) failed", async () => {
    const reply = await person(5002).say("how good is the signal in hong kong", "signal");
    expect(reply.message.text).toContain("signal");
    expect(botOutput()).not.toContain(TOKEN.split(":")[1]);
  }, 30_000);
});
