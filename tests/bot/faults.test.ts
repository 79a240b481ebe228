import type { InlineKeyboardButton } from "grammy/types";
import { describe, expect, it, vi } from "vitest";
import { createScheduler } from "../../src/bot/scheduler.js";
import { RETRY_POLICY } from "../../src/bot/telegram-fetch.js";
import type { ApiCall } from "../../src/offline/fake-telegram.js";
import type { OfflineUser } from "../../src/offline/offline-user.js";
import { delivered, faultyTelegram } from "./faults.js";
import { errorsIn, harnessAt, lastSent, TODAY_NOON } from "./harness.js";

const harness = harnessAt(TODAY_NOON);
const hk = (dateTime: string) => new Date(`${dateTime}+08:00`);

/** Questions people ask, in the three scripts: plain answers, did-you-means and don't-knows. */
const QUESTIONS = [
  "is there free wifi in hong kong",
  "香港流量卡可以家庭共享吗",
  "可唔可以開熱點",
  "how do I check how much data I have left",
  "港卡 家庭",
  "what is the capital of france",
  "流量用完了怎么办",
  "點樣查用量",
  "can hong kong sim cards do family sharing",
  "eSIM",
];

const USERS = 10;
const FLOWS_EACH = 6;
const QUESTIONS_EACH = 30;

/**
 * A user who goes on through faults as people do: answers the question on screen with its
 * first button (or the one a plan needs), and when nothing new arrived, says "?" to be asked
 * again. Returns once the flow's last message arrived.
 */
async function finishFlow(
  user: OfflineUser,
  command: "/share" | "/monitor",
  done: (text: string) => boolean,
  tick: () => void,
): Promise<void> {
  const finished = (calls: ApiCall[]) =>
    calls.some((call) => delivered(call) && done(String(call.payload.text ?? "")));
  tick();
  if (finished(await user.send(command))) return;
  for (let step = 0; step < 60; step++) {
    tick();
    const question = [...user.shown.values()]
      .reverse()
      .find((message) => message.buttons.flat().some((b) => flowChoice(b, 0)));
    const choice = question && /How many days/.test(question.text) ? 3 : 0;
    const data = question?.buttons
      .flat()
      .map((button) => flowChoice(button, choice))
      .find(Boolean);
    const calls = data
      ? await user.pressData(question?.messageId ?? 0, data)
      : await user.send("?");
    if (finished(calls)) return;
  }
  throw new Error(`${command} never finished for user ${user.user.id}`);
}

/** A flow button's data when it is the question's choice number `index`. */
function flowChoice(button: InlineKeyboardButton, index: number): string | undefined {
  const data = "callback_data" in button ? button.callback_data : undefined;
  return data && new RegExp(`^f:\\d+:${index}$`).test(data) ? data : undefined;
}

describe("under Telegram's ordinary faults (about one call in five fails)", () => {
  it("finishes every flow, answers every question, stores every choice and reading, and owes reminders once", async () => {
    const { telegram, app } = harness();
    const faults = faultyTelegram(20261203);
    telegram.override = faults.override;
    // A second between actions: the rate limit counts real seconds.
    const tick = () => vi.setSystemTime(Date.now() + 1000);
    const users = Array.from({ length: USERS }, (_, index) => harness().user(300 + index, "zh-hk"));

    // A language chosen with /language is kept, whatever became of the messages around it.
    for (const user of users) {
      tick();
      await user.send("/language");
      const english = user.findButton("English");
      if (english) await user.pressData(english.message.messageId, english.data);
      else await user.pressData(1, "lang:en");
    }

    let flows = 0;
    let answered = 0;
    let asked = 0;
    let readings = 0;
    for (let round = 0; round < FLOWS_EACH; round++) {
      for (const user of users) {
        if (round % 2 === 0) {
          await finishFlow(user, "/share", (text) => text.includes("My suggestion"), tick);
        } else {
          await finishFlow(user, "/monitor", (text) => text.startsWith("Saved."), tick);
          // Close to the plan's 1 GB, so the low-data alert is owed.
          for (const report of ["used 300MB", "used 950MB"]) {
            tick();
            await user.send(report);
            readings++;
          }
          const tracker = await app.deps.storage.trackers.get(user.user.id);
          expect(tracker?.readings.map((reading) => reading.usedMb)).toEqual([300, 950]);
        }
        flows++;
        for (let index = 0; index < QUESTIONS_EACH / FLOWS_EACH; index++) {
          const question = QUESTIONS[(round * USERS + index) % QUESTIONS.length] ?? "";
          asked++;
          // Someone who got no reply asks again, as people do.
          for (let attempt = 0; attempt < 3; attempt++) {
            tick();
            const calls = await user.send(question);
            if (calls.some((call) => call.method === "sendMessage" && delivered(call))) {
              answered++;
              break;
            }
          }
        }
      }
    }
    expect(flows).toBe(USERS * FLOWS_EACH);
    expect(answered).toBe(asked);
    expect(asked).toBe(USERS * QUESTIONS_EACH);
    for (const user of users) {
      const session = await app.deps.storage.sessions.read(String(user.user.id));
      expect(session?.language).toBe("en");
    }

    // Three days of 09:00 check-ins, each tick a minute apart, under the same faults.
    const scheduler = createScheduler(app.bot, app.deps);
    for (const day of ["2026-12-04", "2026-12-05", "2026-12-06"]) {
      for (let minute = 0; minute < 20; minute++) {
        await scheduler.tick(hk(`${day}T09:${String(minute).padStart(2, "0")}:30`));
      }
    }
    const deliveredTo = (chatId: number, pattern: RegExp) =>
      telegram.calls.filter(
        (call) =>
          call.method === "sendMessage" &&
          delivered(call) &&
          call.payload.chat_id === chatId &&
          pattern.test(String(call.payload.text)),
      ).length;
    for (const user of users) {
      // The last /monitor's tracker: 3 check-ins; each monitor round's 950 MB: one alert.
      expect(deliveredTo(user.user.id, /^Daily check-in/)).toBe(3);
      expect(deliveredTo(user.user.id, /^⚠️ Only/)).toBe(FLOWS_EACH / 2);
    }
    expect(readings).toBe(USERS * (FLOWS_EACH / 2) * 2);
    const injected = Object.values(faults.tally.faults).reduce((sum, count) => sum + count, 0);
    // The plan did inject faults at about the rate it says, of every kind.
    expect(injected / faults.tally.calls).toBeGreaterThan(0.18);
    expect(Object.keys(faults.tally.faults).sort()).toEqual([
      "400 not found",
      "400 too old",
      "429",
      "500",
      "502",
      "slow",
      "unreachable",
    ]);
    // And the client did its part: calls were retried, after Telegram's own retry_after.
    expect(harness().retryWaits.length).toBeGreaterThan(0);
    expect(harness().retryWaits).toContain(2000);
    expect(errorsIn(harness().logs)).toEqual([]);
  }, 120_000);
});

describe("a flow whose message Telegram refuses even after the retries", () => {
  /** Refuses one sendMessage call: every attempt the client makes at it. */
  const refuseNextSend = () => {
    let left = RETRY_POLICY.attempts;
    harness().telegram.override = ({ method }) =>
      method === "sendMessage" && left-- > 0
        ? { error_code: 500, description: "Internal Server Error" }
        : undefined;
  };

  it("keeps its answers and asks the question again on the user's next message", async () => {
    const user = harness().user(100, "en");
    await user.send("/share");
    await user.press("2");
    refuseNextSend();
    // The answer is taken, but the next question never arrives.
    const lost = await user.press("A short trip");
    expect(lost.filter((call) => call.method === "sendMessage" && delivered(call))).toEqual([]);
    const again = await user.send("?");
    expect(
      again.find((call) => call.method === "sendMessage" && delivered(call))?.payload.text,
    ).toContain("together");
    await user.press("Mostly together");
    await user.press("Messages");
    const result = await user.press("Yes");
    expect(result.some((call) => String(call.payload.text).includes("My suggestion"))).toBe(true);
  });

  it("takes nothing the user sends as the answer to a question they never saw", async () => {
    const user = harness().user(100, "en");
    await user.send("/share");
    await user.press("2");
    refuseNextSend();
    await user.press("A short trip");
    // "yes" would answer "mostly together?": but that question never arrived, so it comes now.
    const asked = await user.send("yes");
    expect(lastSent(asked)).toContain("together");
    expect(lastSent(await user.send("yes"))).toContain("How much data does each of you use?");
  });

  it("logs why Telegram could not be reached, never [object Object]", async () => {
    const user = harness().user(100, "en");
    await user.send("/share");
    harness().telegram.override = ({ method }) =>
      method === "sendMessage" ? { unreachable: true } : undefined;
    await user.press("2");
    const line = harness().logs.find(
      (entry) => entry.msg === "a flow's message failed; it goes again",
    );
    expect(line?.cause).toBe("sendMessage: fetch failed");
    expect(JSON.stringify(harness().logs)).not.toContain("[object Object]");
  });

  it("sends its last message again on the user's next update, and then ends", async () => {
    const user = harness().user(100, "en");
    await user.send("/share");
    for (const label of ["2", "A short trip", "Mostly together", "Messages"])
      await user.press(label);
    refuseNextSend();
    await user.press("Yes");
    const result = await user.send("hello?");
    expect(lastSent(result)).toContain("My suggestion");
    // Over: a question now is answered as a question, not taken as a flow's answer.
    expect(lastSent(await user.send("is there free wifi in hong kong"))).toContain("Wi-Fi");
    expect(
      harness().logs.some((line) => line.msg === "a flow's message failed; it goes again"),
    ).toBe(true);
  });
});
