import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startBotProcess, TEST_TOKEN } from "./processes.js";

// The real entry point, polling a Bot API emulator on loopback: what `npm start` does, minus Telegram.
const TOKEN = TEST_TOKEN;
/** A reply counts as finished once no further message has come for this long. */
const SETTLE_MS = 300;
let server: TelegramServer;
let bot: ChildProcess;
let botOutput: () => string = () => "";
const dataDir = mkdtempSync(join(tmpdir(), "hk-sim-e2e-"));

function startBot(): ChildProcess {
  const started = startBotProcess({
    TELEGRAM_API_ROOT: server.config.apiURL,
    DATA_DIR: dataDir,
    LOG_LEVEL: "info",
  });
  botOutput = started.output;
  return started.process;
}

beforeAll(async () => {
  server = new TelegramServer({ host: "127.0.0.1", port: await freePort(), storeTimeout: 600 });
  await server.start();
  bot = startBot();
}, 30_000);

afterAll(async () => {
  bot?.kill("SIGTERM");
  await new Promise((resolve) => bot?.once("exit", resolve));
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
  /** Waits for the bot's next message to this chat. */
  /** Waits for the bot's reply to this chat, and for it to finish (a reply may be two messages). */
  const nextReply = async (seen: number): Promise<BotMessage> => {
    const deadline = Date.now() + 20_000;
    let count = seen;
    let quietSince = Date.now();
    while (Date.now() < deadline) {
      const messages = messagesToMe();
      if (messages.length !== count) {
        count = messages.length;
        quietSince = Date.now();
      } else if (count > seen && Date.now() - quietSince >= SETTLE_MS) {
        return messages[messages.length - 1] as BotMessage;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`no reply from the bot; its output:\n${botOutput()}`);
  };
  return {
    async say(text: string): Promise<BotMessage> {
      const seen = messagesToMe().length;
      if (text.startsWith("/")) await client.sendCommand(client.makeCommand(text));
      else await client.sendMessage(client.makeMessage(text));
      return nextReply(seen);
    },
    /** Presses a button and waits until the bot has answered it (a new message, or an edit). */
    async press(from: BotMessage, label: string): Promise<BotMessage> {
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
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        const messages = messagesToMe();
        if (messages.length > seen) return messages[messages.length - 1] as BotMessage;
        const edited = messages.find((m) => m.messageId === from.messageId);
        if (edited && edited.message.text !== before) return edited;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`the bot did not answer the button; its output:\n${botOutput()}`);
    },
  };
}

describe("npm start against a Bot API emulator", () => {
  it("walks /share by button presses to a recommendation", async () => {
    const user = person(5003);
    const first = await user.say("/share");
    expect(first.message.text).toBe("How many people need mobile data?");
    const stay = await user.press(first, "2");
    const together = await user.press(stay, "A short trip (a few days)");
    const use = await user.press(together, "Mostly together");
    const occasional = await user.press(use, "Messages and maps");
    const result = await user.press(occasional, "No");
    expect(result.message.text).toContain("one card, shared through its hotspot");
  }, 60_000);

  it("finishes /monitor after the bot was killed midway, with the answers given before kept", async () => {
    const user = person(5004);
    const carrier = await user.say("/monitor");
    const offer = await user.press(carrier, "SmarTone");
    const total = await user.press(offer, "Yes, track it");
    await user.say("10GB");
    expect(total.message.text).toContain("How much data");

    bot.kill("SIGKILL");
    await new Promise((resolve) => bot.once("exit", resolve));
    bot = startBot();

    const start = await user.say("7 days");
    expect(start.message.text).toBe("When did the plan start?");
    // Started yesterday, so a small first report sets no pace warning whatever the hour.
    const threshold = await user.press(start, "Yesterday");
    const checkIn = await user.press(threshold, "20%");
    const confirm = await user.press(checkIn, "None");
    expect(confirm.message.text).toContain("10 GB for 7 days");
    expect((await user.press(confirm, "Save")).message.text).toContain("Saved");
    expect((await user.say("/used 100MB")).message.text).toContain("Used 100 MB of 10 GB");
  }, 90_000);

  it("welcomes, answers in three languages, and follows its buttons", async () => {
    const user = person(5001);
    const welcome = await user.say("/start");
    expect(welcome.message.text).toContain("Hong Kong data SIM cards");

    expect((await user.say("香港流量卡可以家庭共享吗")).message.text).toContain("港卡能家庭共享吗");
    expect((await user.say("香港有冇免費WiFi")).message.text).toContain("香港有免費Wi-Fi嗎");
    const english = await user.say("can i share data through a hotspot");
    expect(english.message.text).toContain("personal hotspot");

    const related = await user.press(english, "Should each family member get a card?");
    expect(related.message.text).toContain("<b>Should each family member get a card?</b>");

    const menu = await user.press(welcome, "Topics");
    expect(menu.message.text).toContain("Topics");
    const category = await user.press(menu, "Usage monitoring");
    expect(category.messageId).toBe(menu.messageId);
    expect(category.message.text).toContain("Usage monitoring");
  }, 60_000);

  it("keeps answering after a method the emulator lacks (setMyCommands) failed", async () => {
    const reply = await person(5002).say("how good is the signal in hong kong");
    expect(reply.message.text).toContain("signal");
    expect(botOutput()).not.toContain(TOKEN.split(":")[1]);
  }, 30_000);
});
