import fc from "fast-check";
import type { Chat, Update, User } from "grammy/types";
import { afterEach, expect, it, vi } from "vitest";
import type { ApiCall } from "../../src/offline/fake-telegram.js";
import { OfflineUser } from "../../src/offline/offline-user.js";
import {
  type Action,
  BOT_USER,
  CAST,
  type DataSource,
  EVERY_KIND,
  MIN_UPDATES,
  mutate,
  SEED,
  SEEN_KEPT,
  SESSIONS,
  SHOWN_KEPT,
  session,
  VALID_DATA,
} from "./fuzz-actions.js";
import { errorsIn, startHarness, TODAY_NOON } from "./harness.js";
import { ruleBreaks, strictTelegram } from "./telegram-rules.js";

interface Actor {
  name: string;
  person: OfflineUser;
  /** Every button this actor was shown, to press again later. */
  seen: { messageId: number; data: string }[];
}

/** Picks one of `list` by a generated number. */
const pickFrom = <T>(list: readonly T[], pick: number): T | undefined => list[pick % list.length];

/** The data a generated callback carries (none for a game's button), and its message if known. */
function callbackData(actor: Actor, source: DataSource, everyone: Actor[]) {
  const seen = actor.seen.length > 0 ? actor.seen : everyone.flatMap((other) => other.seen);
  if ("game" in source) return { data: undefined };
  if ("forged" in source) return { data: source.forged };
  if ("mutated" in source) {
    const valid = pickFrom(seen, source.mutated)?.data ?? pickFrom(VALID_DATA, source.mutated);
    return { data: mutate(valid ?? "", source.how) };
  }
  const old = pickFrom(seen, source.seen);
  return { data: old?.data ?? "menu", messageId: old?.messageId };
}

/** Does what the action says, as the actor: one update. */
function act(actor: Actor, action: Action, everyone: Actor[]): Promise<ApiCall[]> {
  const { person } = actor;
  const shown = [...person.shown.values()];
  const shownId = (pick: number) => pickFrom(shown, pick)?.messageId ?? 1;
  switch (action.kind) {
    case "text":
      return person.send(action.text);
    case "reply":
      return person.replyTo(shownId(action.pick), action.text);
    case "edit":
      return person.edit(pickFrom(person.sent, action.pick) ?? 1, action.text);
    case "via-bot":
      return person.send(action.text, { via_bot: BOT_USER });
    case "tap": {
      const withButtons = shown.filter((message) =>
        message.buttons.flat().some((button) => "callback_data" in button),
      );
      const message = action.newest ? withButtons.at(-1) : pickFrom(withButtons, action.pick);
      const buttons = (message?.buttons.flat() ?? []).flatMap((button) =>
        "callback_data" in button ? [button.callback_data] : [],
      );
      const onward = buttons.filter((data) => !/:(back|cancel)$|^tracker:delete/.test(data));
      const data = pickFrom(action.onward && onward.length > 0 ? onward : buttons, action.pick);
      // Nothing on screen to tap: the topic menu's button, from wherever.
      return person.pressData(message?.messageId ?? shownId(action.pick), data ?? "menu");
    }
    case "callback": {
      const { data, messageId = shownId(action.pick) } = callbackData(actor, action.data, everyone);
      if (action.where === "inline") return person.pressInline(`AgAAA${action.pick % 50}`, data);
      const id = action.where === "unknown" ? 1_000_000 + (action.pick % 1000) : messageId;
      if (data === undefined) return person.pressGame(id, "quiz");
      return person.pressData(id, data, { inaccessible: action.where === "old" });
    }
    case "inline":
      return person.inline(action.query);
    case "other":
      return person.sendOther(action.content);
    case "bot-status":
      return person.setBotStatus(action.status);
    case "member": {
      const member = pickFrom(everyone, action.pick)?.person.user ?? person.user;
      return person.setMemberStatus(member, action.from, action.to);
    }
  }
}

/** The buttons the bot put up in these calls, with the message each sits under. */
function buttonsIn(calls: ApiCall[], chatId: number): { messageId: number; data: string }[] {
  return calls.flatMap(({ payload, result }) => {
    if (Number(payload.chat_id) !== chatId) return [];
    const rows = (payload.reply_markup as { inline_keyboard?: { callback_data?: string }[][] })
      ?.inline_keyboard;
    const messageId = Number(
      (result as { message_id?: number } | undefined)?.message_id ?? payload.message_id,
    );
    return (rows ?? [])
      .flat()
      .flatMap(({ callback_data: data }) => (data === undefined ? [] : [{ messageId, data }]));
  });
}

/** What a button's data asks for, by its prefix ("go:…", "f:…"), or "forged" data. */
function dataKind(data: string): string {
  const prefix = data.split(":")[0] ?? "";
  return VALID_DATA.some((valid) => valid === prefix || valid.startsWith(`${prefix}:`))
    ? `"${prefix}:…"`
    : "forged";
}

/** A callback query must be answered exactly once: else the button spins, or Telegram refuses. */
function callbackProblems(update: Update, calls: ApiCall[]): string[] {
  const query = update.callback_query;
  if (!query) return [];
  const answers = calls.filter(
    (call) => call.method === "answerCallbackQuery" && call.payload.callback_query_id === query.id,
  ).length;
  if (answers === 1) return [];
  const where = query.inline_message_id
    ? "an inline message"
    : query.message?.date === 0
      ? "an old message"
      : "a chat message";
  const data = query.data === undefined ? "no data" : `data ${dataKind(query.data)}`;
  const count = answers === 0 ? "not answered" : `answered ${answers} times`;
  return [`callback ${count} (on ${where}, ${data})`];
}

/** An error log line, with where it was thrown in the bot's own code. */
function describeError(line: Record<string, unknown>): string {
  const err = line.err as { message?: string; stack?: string } | undefined;
  const where = err?.stack?.match(/src\/[\w/.-]+:\d+/)?.[0];
  const what = `${line.method ? `${line.method}: ` : ""}${err?.message ?? line.description ?? ""}`;
  return `logged "${line.msg}": ${what}${where ? ` at ${where}` : ""}`;
}

/** What an update is, for grouping failures: its kind, chat, sender, and a button's data. */
function shapeOf(update: Update): string {
  const [kind, body] = Object.entries(update).find(([key]) => key !== "update_id") ?? [];
  const { chat, from, data, message, inline_message_id } = (body ?? {}) as {
    chat?: Chat;
    from?: User;
    data?: string;
    message?: { chat: Chat };
    inline_message_id?: string;
  };
  const where = chat ?? message?.chat;
  return [
    kind,
    where ? where.type : inline_message_id ? "inline" : "",
    from ? "" : "no from",
    kind === "callback_query" ? (data === undefined ? "no data" : dataKind(data)) : "",
  ]
    .filter(Boolean)
    .join(" ");
}

/** An update as printed in a failure: long texts cut, so that the report stays readable. */
function printable(update: Update): string {
  return JSON.stringify(update, (_key, value) =>
    typeof value === "string" && value.length > 120
      ? `${value.slice(0, 120)}…(${value.length})`
      : value,
  );
}

/** Moves the fake clock on; the rate limiter's window is a (faked) interval, run as time passes. */
function advance(ms: number): void {
  if (ms > 60_000) vi.setSystemTime(Date.now() + ms - 10_000);
  vi.advanceTimersByTime(Math.min(ms, 10_000));
}

/** One distinct problem (numbers aside): how often it came, in which updates, and the first. */
interface Problem {
  example: string;
  count: number;
  shapes: Set<string>;
  first: string;
}

afterEach(() => {
  vi.useRealTimers();
});

it(`takes ${MIN_UPDATES}+ fuzzed updates of every kind: nothing thrown or logged, every reply within Telegram's rules, every button answered once`, async () => {
  vi.useFakeTimers({ toFake: ["Date", "setInterval", "clearInterval"] });
  vi.setSystemTime(TODAY_NOON);
  const harness = await startHarness();
  const telegram = strictTelegram();
  harness.telegram.override = telegram.override;
  let escaped: unknown;
  let current: Update | undefined;
  const bot = {
    handleUpdate: async (update: Update) => {
      current = update;
      await harness.app.bot.handleUpdate(update).catch((error: unknown) => {
        escaped = error;
      });
    },
  };
  const cast: Actor[] = CAST.map(({ name, user, chat, signature }) => ({
    name,
    person: new OfflineUser(bot, harness.telegram, user, chat, signature),
    seen: [],
  }));
  const problems = new Map<string, Problem>();
  const kinds = new Map<string, number>();
  let updates = 0;

  /** One update: what the bot did is checked, and any problem kept with the update. */
  const step = async (actor: Actor, action: Action) => {
    const chatId = actor.person.chat.id;
    if (action.kind === "bot-status") telegram.setMember(chatId, action.status === "member");
    escaped = undefined;
    const logsBefore = harness.logs.length;
    const calls = await act(actor, action, cast);
    const update = current as Update;
    updates++;
    const kind = Object.keys(update).find((key) => key !== "update_id") ?? "";
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    const found = [
      ...(escaped === undefined ? [] : [`escaped: ${String(escaped)}`]),
      ...errorsIn(harness.logs.slice(logsBefore)).map(describeError),
      ...calls.flatMap(ruleBreaks),
      ...callbackProblems(update, calls),
    ];
    for (const problem of found) {
      const key = problem.replace(/\d+/g, "#");
      const known = problems.get(key) ?? {
        example: problem,
        count: 0,
        shapes: new Set(),
        first: `update #${updates}, by ${actor.name}: ${printable(update)}`,
      };
      known.count++;
      known.shapes.add(shapeOf(update));
      problems.set(key, known);
    }
    // Only the newest are pressed or replied to (older buttons are kept in `seen`): longer
    // lists, and ten thousand updates' calls, would slow every step.
    actor.seen.push(...buttonsIn(calls, chatId));
    actor.seen.splice(0, actor.seen.length - SEEN_KEPT);
    for (const id of [...actor.person.shown.keys()].slice(0, -SHOWN_KEPT)) {
      actor.person.shown.delete(id);
    }
    harness.telegram.calls.length = 0;
  };

  const started = performance.now();
  const sessions = fc.sample(session, { seed: SEED, numRuns: SESSIONS });
  for (const { cast: index, pause, steps } of sessions) {
    if (updates >= MIN_UPDATES) break;
    advance(pause);
    const actor = cast[index] as Actor;
    for (const [gap, action] of steps) {
      advance(gap);
      // Nothing comes from a chat that blocked or removed the bot until it is back: there, a
      // person first unblocks it or adds it again.
      const away = !telegram.isMember(actor.person.chat.id);
      if (away && action.kind !== "bot-status" && action.kind !== "inline") {
        await step(actor, { kind: "bot-status", status: "member" });
      }
      await step(actor, action);
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.info(`fuzz: seed ${SEED}, ${updates} updates in ${seconds} s`, Object.fromEntries(kinds));

  const report = [...problems.values()].map(
    ({ example, count, shapes, first }) =>
      `- ${example} × ${count}, in: ${[...shapes].join("; ")}\n  first at ${first}`,
  );
  expect(
    problems.size,
    `seed ${SEED} (FUZZ_SEED=${SEED} to rerun): ${problems.size} distinct problem(s)\n${report.join("\n")}`,
  ).toBe(0);
  expect(updates).toBeGreaterThanOrEqual(MIN_UPDATES);
  for (const kind of EVERY_KIND) expect(kinds.get(kind) ?? 0, kind).toBeGreaterThanOrEqual(10);
  // Checked per update above, to name the update; and over the whole run, to miss nothing.
  expect(errorsIn(harness.logs)).toEqual([]);
}, 120_000);
