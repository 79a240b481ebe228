import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import type { Message } from "grammy/types";
import { afterAll, describe, expect, it, vi } from "vitest";
import { MAX_MESSAGE_CHARS } from "../../src/bot/html.js";
import { RATE_LIMIT } from "../../src/bot/rate-limit.js";
import { createScheduler } from "../../src/bot/scheduler.js";
import { registerCommands } from "../../src/create-bot.js";
import { errorsIn, lastSent, onlyMessage, startHarness } from "./harness.js";
import { isValidTelegramHtml } from "./telegram-rules.js";

const scratch = mkdtempSync(join(tmpdir(), "hk-sim-bot-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("when Telegram pushes back", () => {
  it("retries a 429 after the delay Telegram asks for, and the user still gets the answer", async () => {
    const harness = await startHarness();
    let refused = 0;
    harness.telegram.override = ({ method }) => {
      if (method !== "sendMessage" || refused > 0) return undefined;
      refused++;
      return {
        error_code: 429,
        description: "Too Many Requests: retry after 1",
        parameters: { retry_after: 1 },
      };
    };
    const calls = await harness.user(100, "en").send("is there free wifi in hong kong");
    expect(calls.filter((c) => c.method === "sendMessage")).toHaveLength(2);
    expect(harness.retryWaits).toEqual([1000]);
    expect(errorsIn(harness.logs)).toEqual([]);
  });

  it("takes a 403 from a user who blocked the bot calmly, and keeps serving others", async () => {
    const harness = await startHarness();
    harness.telegram.override = ({ payload }) =>
      payload.chat_id === 100
        ? { error_code: 403, description: "Forbidden: bot was blocked by the user" }
        : undefined;
    await harness.user(100, "en").send("is there free wifi in hong kong");
    expect(errorsIn(harness.logs)).toEqual([]);
    expect(harness.logs.some((line) => line.msg === "chat unavailable")).toBe(true);
    expect(
      onlyMessage(await harness.user(101, "en").send("is there free wifi in hong kong")).payload
        .text,
    ).toContain("Wi-Fi");
  });
});

describe("a restart", () => {
  it("loses no session: a reply to the 👎 prompt sent before the restart is still taken", async () => {
    const file = join(scratch, "restart.sqlite");
    const before = await startHarness({ databaseFile: file });
    const user = before.user(100, "en");
    await user.send("can i share data through a hotspot");
    const prompt = (await user.press("👎")).find((c) => c.method === "sendMessage");
    await before.app.close();

    const after = await startHarness({ databaseFile: file });
    // Telegram quotes the message replied to: the prompt, as the bot sent it before the restart.
    const quoted = prompt?.result as Message;
    const reply = onlyMessage(
      await after.user(100, "en").send("speed limits", { reply_to_message: quoted as never }),
    );
    expect(reply.payload.text).toBe("Thank you, noted.");
    expect((await after.app.deps.storage.stats(new Date())).feedback).toEqual([
      { entryId: "sharing-hotspot", helpful: 0, unhelpful: 1 },
    ]);
    await after.app.close();
  });
});

describe("a process that dies between storing an alert and sending it", () => {
  it("is replaced by one that sends the alerts, once each", async () => {
    const file = join(scratch, "killed-mid-send.sqlite");
    const dying = await startHarness({ databaseFile: file });
    await dying.app.deps.storage.trackers.save({
      userId: 100,
      chatId: 100,
      plan: { totalMb: 1024, startDate: "2026-12-01", days: 30, threshold: { percent: 10 } },
      readings: [],
      alertsSent: [],
      paused: false,
    });
    // The alert's send never comes back: the process is gone before Telegram answers.
    dying.telegram.override = ({ payload }) =>
      String(payload.text).startsWith("⚠️") ? { delayMs: 3_600_000 } : undefined;
    void dying.user(100, "en").send("used 1000MB");
    await vi.waitFor(() => {
      expect(dying.telegram.calls.some((call) => String(call.payload.text).startsWith("⚠️"))).toBe(
        true,
      );
    });

    const next = await startHarness({ databaseFile: file });
    const scheduler = createScheduler(next.app.bot, next.app.deps);
    const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);
    // Two alerts were owed (1000 of 1024 MB: little left, and too fast). The one the dead
    // process never claimed goes at once; the one it was sending once its claim ran out.
    expect(await scheduler.tick(later(1))).toBe(1);
    expect(await scheduler.tick(later(3))).toBe(1);
    expect(await scheduler.tick(later(10))).toBe(0);
    const alerts = [...dying.telegram.calls, ...next.telegram.calls]
      .filter((call) => String(call.payload.text).startsWith("⚠️") && call.result !== undefined)
      .map((call) => String(call.payload.text).slice(0, 12));
    expect(alerts.sort()).toEqual(["⚠️ At your r", "⚠️ Only 24 M"]);
    expect((await next.app.deps.storage.trackers.get(100))?.readings.at(-1)?.usedMb).toBe(1000);
    await next.app.close();
  });
});

describe("any update at all", () => {
  it("never throws, and every reply fits Telegram's length and HTML rules", async () => {
    const harness = await startHarness();
    const user = harness.user(100);
    const group = harness.groupMember();
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: "grapheme", maxLength: 100 }),
      fc.constantFrom(
        "/start",
        "/help",
        "/topics",
        "/language",
        "/stats",
        "/faq",
        "/start faq_x",
        "/share",
        "/monitor",
        "/used 15",
        "/usage",
        "/start used_2p3gb",
        "用咗 2G",
        "9pm, no 10pm",
      ),
      fc.string({ maxLength: 50 }).map((s) => `<b>${s}&amp;</i>`),
      fc.string({ minLength: 3000, maxLength: 5000 }),
    );
    const action = fc.oneof(
      text.map((t) => () => user.send(t)),
      text.map((t) => () => group.send(`/faq ${t}`)),
      text.map((t) => () => user.inline(t.slice(0, 256))),
      fc.string({ maxLength: 80 }).map((data) => () => user.pressData(1, data)),
      fc
        .constantFrom(
          "menu",
          "menu:sharing",
          "show:public-wifi",
          "ask:card-coverage",
          "rate:public-wifi:down",
          "lang:en",
          "f:1:0",
          "f:1:back",
          "u:500:0",
          "r:500:0",
          "tracker:pause",
          "tracker:delete-yes",
          "go:plan",
        )
        .map((data) => () => user.pressData(1, data)),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(action, { maxLength: 5 }), async (actions) => {
        for (const act of actions) {
          for (const call of await act()) {
            if (call.method !== "sendMessage" && call.method !== "editMessageText") continue;
            const sent = String(call.payload.text);
            expect(sent.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
            if (call.payload.parse_mode === "HTML")
              expect(isValidTelegramHtml(sent), sent).toBe(true);
          }
        }
      }),
      { numRuns: 60 },
    );
    expect(errorsIn(harness.logs)).toEqual([]);
  }, 60_000);
});

describe("a user who floods the bot", () => {
  it("is asked to slow down, while button taps still work", async () => {
    const harness = await startHarness();
    const user = harness.user(100, "en");
    const replies: string[] = [];
    for (let index = 0; index < RATE_LIMIT.messages + 2; index++) {
      const calls = await user.send(`is there free wifi in hong kong ${index}`);
      replies.push(
        ...calls.filter((c) => c.method === "sendMessage").map((c) => String(c.payload.text)),
      );
    }
    expect(replies.filter((text) => text.includes("Wi-Fi"))).toHaveLength(RATE_LIMIT.messages);
    expect(replies.some((text) => text.startsWith("You're sending messages faster"))).toBe(true);
    const tap = await user.press("👍");
    expect(tap.find((c) => c.method === "answerCallbackQuery")?.payload.text).toBe(
      "Thanks for the feedback!",
    );
  });
});

describe("the command menu", () => {
  it("is registered for private chats and groups, in English and Chinese", async () => {
    const harness = await startHarness();
    await registerCommands(harness.app.bot, harness.app.deps);
    const calls = harness.telegram.calls.filter((c) => c.method === "setMyCommands");
    expect(
      calls.map((c) => [
        c.payload.language_code ?? "default",
        (c.payload.scope as { type: string }).type,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ["default", "all_private_chats"],
        ["default", "all_group_chats"],
        ["zh", "all_private_chats"],
      ]),
    );
  });

  it("failing to register does not stop the bot", async () => {
    const harness = await startHarness();
    harness.telegram.override = ({ method }) =>
      method === "setMyCommands"
        ? { error_code: 404, description: "Not Found: method not found" }
        : undefined;
    await registerCommands(harness.app.bot, harness.app.deps);
    // Every menu was tried, each failure counted, and the bot answers as before.
    expect(harness.logs.find((line) => String(line.msg).includes("command menu"))?.failed).toBe(
      harness.telegram.calls.filter((call) => call.method === "setMyCommands").length,
    );
    expect(
      lastSent(await harness.user(100, "en").send("is there free wifi in hong kong")),
    ).toContain("Wi-Fi");
  });
});

describe("edits and callback answers Telegram refuses", () => {
  // Taking a question's buttons off, marking it answered and stopping a button's spinner are
  // courtesies: when Telegram refuses them ("message to edit not found", "query is too old"),
  // the flow and the tracker carry on and keep what the user did.
  const refuseCourtesies = (harness: Awaited<ReturnType<typeof startHarness>>) => {
    harness.telegram.override = ({ method }) =>
      method.startsWith("editMessage")
        ? { error_code: 400, description: "Bad Request: message to edit not found" }
        : method === "answerCallbackQuery"
          ? {
              error_code: 400,
              description: "Bad Request: query is too old and response timeout expired",
            }
          : undefined;
  };

  it("a flow still finishes, by buttons and typed answers (en)", async () => {
    const harness = await startHarness();
    refuseCourtesies(harness);
    const user = harness.user(100, "en");
    await user.send("/share");
    await user.press("2");
    await user.send("a week");
    await user.press("Mostly together");
    await user.send("not much video");
    const result = await user.send("no");
    expect(result.find((call) => call.method === "sendMessage")?.payload.text).toContain("hotspot");
    expect(errorsIn(harness.logs)).toEqual([]);
  });

  it("a usage choice and a pause are still recorded (zh-Hans)", async () => {
    const harness = await startHarness();
    const user = harness.user(100, "zh-cn");
    await harness.app.deps.storage.trackers.save({
      userId: 100,
      chatId: 100,
      plan: { totalMb: 10240, startDate: "2026-12-01", days: 30, threshold: { percent: 20 } },
      readings: [],
      alertsSent: [],
      paused: false,
    });
    await user.send("/used 15");
    refuseCourtesies(harness);
    await user.press("15 GB");
    expect((await harness.app.deps.storage.trackers.get(100))?.readings.at(-1)?.usedMb).toBe(
      15 * 1024,
    );
    await user.send("/usage");
    await user.press("暂停");
    expect((await harness.app.deps.storage.trackers.get(100))?.paused).toBe(true);
    expect(errorsIn(harness.logs)).toEqual([]);
  });
});
