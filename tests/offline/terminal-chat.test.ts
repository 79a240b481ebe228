import { afterEach, describe, expect, it } from "vitest";
import { type App, createApp } from "../../src/app.js";
import type { Clock } from "../../src/clock.js";
import { loadConfig } from "../../src/config.js";
import { loadServedKnowledge, type ServedKnowledge } from "../../src/knowledge.js";
import { createLogger } from "../../src/logger.js";
import { FakeTelegram } from "../../src/offline/fake-telegram.js";
import { OfflineUser } from "../../src/offline/offline-user.js";
import { pacedClock } from "../../src/offline/paced-clock.js";
import { chatMode, readTypedLine, TerminalChat } from "../../src/offline/terminal-chat.js";
import { projectPath } from "../helpers.js";

let shipped: Promise<ServedKnowledge> | undefined;
const apps: App[] = [];

afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

/** The chat as `npm run chat -- --lang en` builds it, with its output kept in lines. */
async function openChat(clock?: Clock) {
  const telegram = new FakeTelegram();
  shipped ??= loadServedKnowledge(projectPath("knowledge"));
  const app = await createApp({
    config: loadConfig({ KNOWLEDGE_DIR: projectPath("knowledge") }, { requireToken: false }),
    logger: createLogger("silent"),
    databaseFile: ":memory:",
    fetch: telegram.fetch,
    botInfo: telegram.botInfo,
    knowledge: await shipped,
    ...(clock ? { clock } : {}),
  });
  apps.push(app);
  const user = new OfflineUser(app.bot, telegram, { id: 42, first_name: "You" });
  await app.deps.storage.sessions.write("42", { language: "en" });
  const printed: string[] = [];
  const saved: string[] = [];
  const chat = new TerminalChat(
    user,
    telegram,
    {
      print: (text) => printed.push(text),
      save: (_bytes, kind) => {
        saved.push(kind);
        return `/tmp/${kind}-${saved.length}.png`;
      },
    },
    { echo: true },
  );
  /** Types a line; what the chat printed for it. */
  const type = async (line: string) => {
    const from = printed.length;
    await chat.type(line);
    return printed.slice(from).join("\n");
  };
  return { app, chat, type, saved };
}

/** The number a button was printed with in `output`, e.g. 3 for "  [#3] ⏸ Pause reminders". */
/** A 10 GB, 30-day tracker from today for the chat's user, as /monitor would leave it. */
async function startTracker(app: Awaited<ReturnType<typeof openChat>>["app"]): Promise<void> {
  const today = app.deps.clock.now().toISOString().slice(0, 10);
  await app.deps.storage.trackers.save({
    userId: 42,
    chatId: 42,
    plan: { totalMb: 10 * 1024, startDate: today, days: 30, threshold: { percent: 20 } },
    readings: [],
    alertsSent: [],
    paused: false,
  });
}

function numberOf(output: string, label: string): number {
  const found = output.match(new RegExp(`\\[#(\\d+)\\] [^\\n]*${label}`));
  if (!found) throw new Error(`no button "${label}" in:\n${output}`);
  return Number(found[1]);
}

describe("readTypedLine", () => {
  it.each([
    ["#2", { kind: "press", number: 2 }],
    [" # 12 ", { kind: "press", number: 12 }],
    ["＃２", { kind: "press", number: 2 }],
    ["2", { kind: "text", text: "2" }],
    ["7 days", { kind: "text", text: "7 days" }],
    ["#hashtag", { kind: "text", text: "#hashtag" }],
    ["/2", { kind: "text", text: "/2" }],
    ["/quit", { kind: "quit" }],
    ["   ", { kind: "blank" }],
  ])("reads %j", (line, expected) => {
    expect(readTypedLine(line)).toEqual(expected);
  });
});

describe("chatMode", () => {
  it("prompts (and lets readline echo) only with a terminal at both ends", () => {
    expect(chatMode(true, true)).toEqual({ prompt: true, echo: false });
    // Piped in, or written to a file: no prompt, and the lines read printed as a session.
    expect(chatMode(false, true)).toEqual({ prompt: false, echo: true });
    expect(chatMode(false, false)).toEqual({ prompt: false, echo: true });
    expect(chatMode(true, false)).toEqual({ prompt: false, echo: true });
  });
});

describe("the terminal chat", () => {
  it("sends a plain number as text, and presses a button only with #", async () => {
    const { chat, type } = await openChat();
    await chat.start();
    // Button 2 of the welcome starts sharing; "2" alone is a number, which the bot hints at.
    const typed = await type("2");
    expect(typed).toMatch(/^> 2\n/);
    expect(typed).not.toContain("How many people");
    expect(await type("#2")).toContain("How many people need mobile data?");
  });

  it("takes a typed number as the answer to the question asked, where a button has that number", async () => {
    const { type } = await openChat();
    const carriers = await type("/monitor");
    const offer = await type(`#${numberOf(carriers, "SmarTone")}`);
    await type(`#${numberOf(offer, "Yes, track it")}`);
    const days = await type("10GB");
    // [#3] is "7 days": typing 3 means three days.
    expect(numberOf(days, "7 days")).toBe(3);
    const answered = await type("3");
    expect(answered).toContain("✓ 3 days");
    expect(answered).not.toContain("✓ 7 days");
  });

  it("keeps the buttons through a reply without any", async () => {
    const { type } = await openChat();
    const answer = await type("can i share data through a hotspot");
    const wifi = numberOf(answer, "free public Wi-Fi");
    expect(await type("thanks")).not.toContain("[#");
    expect(await type(`#${wifi}`)).toContain("Is there free public Wi-Fi in Hong Kong?");
  });

  it("shows a keyboard the bot edits, and presses its new buttons", async () => {
    const { app, type, saved } = await openChat();
    await startTracker(app);
    const usage = await type("/usage");
    expect(saved).toEqual(["picture"]);
    expect(usage).toContain("[picture saved to /tmp/picture-1.png]");
    const paused = await type(`#${numberOf(usage, "Pause reminders")}`);
    expect(paused).toContain("Reminders paused.");
    expect(paused).toMatch(/\(the buttons under “.*” are now:\)/);
    const resume = numberOf(paused, "Resume reminders");
    await type("thanks");
    expect(await type(`#${resume}`)).toContain("Reminders resumed.");
  });

  it("says so when a number names no button, or one the bot took away", async () => {
    const { chat, type, app } = await openChat();
    expect(await type("#1")).toContain("(no button #1: the bot has shown none yet)");
    await chat.start();
    expect(await type("#99")).toMatch(/\(no button #99: the buttons are #1 to #\d+\)/);

    await startTracker(app);
    const usage = await type("/usage");
    const confirm = await type(`#${numberOf(usage, "Delete tracker")}`);
    const keep = numberOf(confirm, "Cancel");
    // Keeping it takes the buttons off the question, and the reply has none of its own.
    expect(await type(`#${keep}`)).toContain("your tracker stays as it is");
    expect(await type(`#${keep}`)).toContain(`(button #${keep} is gone`);
  });

  it("says when the bot sent nothing: past its rate limit, with the clock standing still", async () => {
    const still = new Date("2026-12-03T04:00:00Z");
    const { type } = await openChat({ now: () => still });
    const replies: string[] = [];
    for (let line = 0; line < 22; line++) replies.push(await type("can i use a hotspot"));
    expect(replies[20]).toContain("faster than I can read them");
    expect(replies[21]).toContain("(no reply: the bot sent nothing)");
  });

  it("answers every line of a script read at once, on the paced clock", async () => {
    const base = new Date("2026-12-03T04:00:00Z");
    const clock = pacedClock(undefined, { now: () => base });
    const { type } = await openChat(clock);
    for (let line = 0; line < 30; line++) {
      clock.lineRead();
      const reply = await type("can i use a hotspot");
      expect(reply, `line ${line + 1}`).toContain("personal hotspot");
      expect(reply).not.toContain("faster than I can read them");
    }
  });
});
