import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decodeAction } from "../../../src/bot/callback-data.js";
import type { ApiCall } from "../../../src/offline/fake-telegram.js";
import type { OfflineUser } from "../../../src/offline/offline-user.js";
import {
  buttonsOf,
  errorsIn,
  type Harness,
  ManualClock,
  startHarness,
  TODAY_NOON,
  textsOf,
} from "../harness.js";

// The flow kit, through the flows that use it: asking, asking back, refusing, going back,
// cancelling, stale buttons, failed sends, and what else a user does midway.

let clock: ManualClock;
let bot: Harness;
let user: OfflineUser;
beforeEach(async () => {
  clock = new ManualClock(TODAY_NOON);
  bot = await startHarness({ clock });
  user = bot.user(100, "en");
});
afterEach(async () => {
  expect(errorsIn(bot.logs)).toEqual([]);
  await bot.app.close();
});

const sent = (calls: ApiCall[]) => calls.filter((call) => call.method === "sendMessage");
const lastSentCall = (calls: ApiCall[]): ApiCall => {
  const call = sent(calls).at(-1);
  if (!call) throw new Error(`nothing sent: ${calls.map((c) => c.method).join(", ")}`);
  return call;
};
const last = (calls: ApiCall[]) => textsOf(calls).at(-1) ?? "";
const actionsOf = (call: ApiCall) =>
  buttonsOf(call).map((button) => decodeAction(button.data ?? ""));
/** The text a button's tap was answered with, if any. */
const tapAnswer = (calls: ApiCall[]) =>
  calls.find((call) => call.method === "answerCallbackQuery")?.payload.text;
/** The data of the newest button on screen labelled `label`. */
const dataOf = (label: string) => {
  const found = user.findButton(label);
  if (!found) throw new Error(`no button "${label}" on screen`);
  return { messageId: found.message.messageId, data: found.data };
};
/** Every sendMessage fails (after the client's retries) while `during` runs. */
async function withFailedSends<T>(during: () => Promise<T>): Promise<T> {
  bot.telegram.override = (call) =>
    call.method === "sendMessage"
      ? { error_code: 500, description: "Internal Server Error" }
      : undefined;
  try {
    return await during();
  } finally {
    bot.telegram.override = undefined;
  }
}

describe("asking", () => {
  it("offers a button per choice and Cancel; from the second question on, Back too", async () => {
    const first = lastSentCall(await user.send("/share"));
    expect(first.payload.text).toBe("How many people need mobile data?");
    const firstActions = actionsOf(first);
    expect(buttonsOf(first).map((button) => button.text)).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5+",
      "✖️ Cancel",
    ]);
    expect(firstActions.map((action) => action?.kind === "flow" && action.choice)).toEqual([
      0,
      1,
      2,
      3,
      4,
      "cancel",
    ]);
    const number = firstActions[0]?.kind === "flow" ? firstActions[0].question : -1;
    expect(
      firstActions.every((action) => action?.kind === "flow" && action.question === number),
    ).toBe(true);

    const calls = await user.press("2");
    // The answered question shows its answer and loses its buttons.
    const edited = calls.find((call) => call.method === "editMessageText");
    expect(edited?.payload.text).toBe("How many people need mobile data?\n\n✓ 2");
    expect(edited?.payload.reply_markup).toBeUndefined();
    const second = lastSentCall(calls);
    expect(second.payload.text).toBe("How long will you be in Hong Kong?");
    expect(buttonsOf(second).map((button) => button.text)).toEqual([
      "A short trip (a few days)",
      "Regular visits, or I live there",
      "⬅️ Back",
      "✖️ Cancel",
    ]);
    expect(
      actionsOf(second).every(
        (action) => action?.kind === "flow" && action.question === number + 1,
      ),
    ).toBe(true);
  });

  it("takes a typed answer it reads surely, showing it as the answer", async () => {
    await user.send("/share");
    const calls = await user.send("four of us");
    expect(calls.find((call) => call.method === "editMessageText")?.payload.text).toBe(
      "How many people need mobile data?\n\n✓ 4 people",
    );
    expect(last(calls)).toBe("How long will you be in Hong Kong?");
  });

  it("takes an edited message as the answer as the user now wants it", async () => {
    await user.send("/share");
    await user.send("lots");
    const typed = user.sent.at(-1) ?? 0;
    expect(last(await user.edit(typed, "3"))).toBe("How long will you be in Hong Kong?");
  });

  it("asks again with an example what it cannot read", async () => {
    await user.send("/share");
    expect(last(await user.send("lots"))).toBe(
      "Please type how many people, from 1 to 20, e.g. 3.\n\nHow many people need mobile data?",
    );
  });

  it("asks back when unsure, a button per reading and Something else, which asks again", async () => {
    await user.send("/monitor");
    await user.press("SmarTone");
    await user.press("Yes, track it");
    const asked = lastSentCall(await user.send("150"));
    expect(asked.payload.text).toBe("Which did you mean?");
    expect(buttonsOf(asked).map((button) => button.text)).toEqual([
      "150 MB",
      "150 GB",
      "✏️ Something else",
      // The plan's size is the tracker's first question: nothing to go back to.
      "✖️ Cancel",
    ]);
    expect(last(await user.press("Something else"))).toMatch(
      /^How much data does your plan include\?/,
    );
    await user.send("150");
    const chosen = await user.press("150 GB");
    expect(chosen.find((call) => call.method === "editMessageText")?.payload.text).toBe(
      "Which did you mean?\n\n✓ 150 GB",
    );
    expect(last(chosen)).toBe("How many days is the plan valid for?");
  });

  it("refuses what cannot be with the reason, offering the buttons that would do", async () => {
    await user.send("/monitor");
    await user.press("SmarTone");
    await user.press("Yes, track it");
    await user.send("10GB");
    await user.send("7 days");
    // Today is 3 December 2026: a 7-day plan from 26 November has run out.
    const refused = lastSentCall(await user.send("26/11"));
    expect(refused.payload.text).toBe(
      "A 7-day plan that started on 26 Nov 2026 has already ended. Did it start today?\n\nWhen did the plan start?",
    );
    expect(buttonsOf(refused).map((button) => button.text)).toEqual([
      "Today",
      "⬅️ Back",
      "✖️ Cancel",
    ]);
  });
});

describe("back and cancel", () => {
  it("goes back with the earlier answer ticked, and takes no Back on the first question", async () => {
    await user.send("/share");
    const firstQuestion = dataOf("3");
    const forgedBack = firstQuestion.data.replace(/:\d+$/, ":back");
    const ignored = await user.pressData(firstQuestion.messageId, forgedBack);
    expect(sent(ignored)).toEqual([]);
    expect(ignored.some((call) => call.method === "answerCallbackQuery")).toBe(true);

    await user.press("3");
    const back = lastSentCall(await user.press("Back"));
    expect(back.payload.text).toBe("How many people need mobile data?");
    expect(buttonsOf(back).map((button) => button.text)).toContain("✓ 3");
  });

  it("leaves on the Cancel button, taking the question's buttons off; what follows is no answer", async () => {
    await user.send("/share");
    const question = user.lastShown?.messageId;
    const calls = await user.press("Cancel");
    expect(calls).toContainEqual(
      expect.objectContaining({
        method: "editMessageReplyMarkup",
        payload: expect.objectContaining({ message_id: question }),
      }),
    );
    expect(last(calls)).toMatch(/^Cancelled\./);
    expect(last(await user.send("is there free wifi in hong kong"))).toContain("Wi-Fi");
  });

  it("leaves on /cancel from the middle", async () => {
    await user.send("/share");
    await user.press("2");
    expect(last(await user.send("/cancel"))).toMatch(/^Cancelled\./);
    // Nothing of the flow is kept: the chat's next message starts afresh.
    expect(await bot.app.deps.storage.conversations.read("flow:100")).toBeUndefined();
  });
});

describe("stale buttons", () => {
  it("answers a press on an answered question 'expired', and the live one still works", async () => {
    await user.send("/share");
    const old = dataOf("2");
    await user.press("2");
    const again = await user.pressData(old.messageId, old.data);
    expect(tapAnswer(again)).toBe("This button has expired. Please ask again.");
    expect(sent(again)).toEqual([]);
    expect(last(await user.press("A short trip"))).toBe("Will you be together most of the time?");
  });

  it("answers a press on an earlier flow's button 'expired'", async () => {
    await user.send("/share");
    const old = dataOf("2");
    await user.send("/cancel");
    clock.advance(60_000);
    await user.send("/share");
    const again = await user.pressData(old.messageId, old.data);
    expect(tapAnswer(again)).toBe("This button has expired. Please ask again.");
    expect(sent(again)).toEqual([]);
  });

  it("keeps another flow waiting until this one is over", async () => {
    await user.send("/start");
    const monitor = dataOf("Set up data monitoring");
    await user.send("/share");
    const tapped = await user.pressData(monitor.messageId, monitor.data);
    expect(tapAnswer(tapped)).toBe("Please answer the question above first, or /cancel to leave.");
    expect(last(await user.press("2"))).toBe("How long will you be in Hong Kong?");
  });
});

describe("when a send fails", () => {
  it("asks a question that never arrived again on the next message, which it does not read as an answer", async () => {
    await user.send("/share");
    const failed = await withFailedSends(() => user.press("2"));
    expect(sent(failed).length).toBeGreaterThan(1);
    expect(sent(failed).every((call) => call.result === undefined)).toBe(true);
    expect(bot.logs.some((line) => line.msg === "a flow's message failed; it goes again")).toBe(
      true,
    );
    // "Regular" would answer the question, had it arrived: it did not, so the question comes.
    expect(last(await user.send("regular"))).toBe("How long will you be in Hong Kong?");
    expect(last(await user.press("A short trip"))).toBe("Will you be together most of the time?");
  });

  it("sends what ends a part of the flow again on the next message", async () => {
    await user.send("/share");
    await user.press("4");
    await user.press("A short trip");
    await user.press("Mostly together");
    await user.press("Social media and photos");
    await withFailedSends(() => user.press("No"));
    expect(last(await user.send("?"))).toContain("My suggestion");
  });
});

describe("midway", () => {
  it("answers a question, whose buttons do what they do, and asks again where it was", async () => {
    await user.send("/share");
    const texts = textsOf(await user.send("can i share data through a hotspot"));
    expect(texts[0]).toContain("personal hotspot");
    expect(texts.at(-1)).toBe("How many people need mobile data?");
    // A rating under the answer is the feedback feature's; the flow goes on waiting.
    expect(tapAnswer(await user.press("👍"))).toBe("Thanks for the feedback!");
    expect(last(await user.press("2"))).toBe("How long will you be in Hong Kong?");
  });

  it("follows the language typed, unless the user chose one", async () => {
    await user.send("/share");
    expect(last(await user.send("四個"))).toBe(bot.app.deps.i18n.t("zh-Hant", "share-stay"));

    const chose = bot.user(101, "en");
    await chose.send("/language");
    await chose.press("English");
    await chose.send("/share");
    expect(last(await chose.send("四個"))).toBe("How long will you be in Hong Kong?");
  });
});
