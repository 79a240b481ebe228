import fc from "fast-check";
import type { Chat, Message, Update, User } from "grammy/types";
import { afterEach, expect, it, vi } from "vitest";
import { type ApiCall, OFFLINE_BOT } from "../../src/offline/fake-telegram.js";
import {
  ANONYMOUS_ADMIN,
  CHANNEL_BOT,
  type MemberStatus,
  OfflineUser,
  type Signature,
} from "../../src/offline/offline-user.js";
import { ADMIN_ID, errorsIn, startHarness, TODAY_NOON } from "./harness.js";
import { ruleBreaks, strictTelegram } from "./telegram-rules.js";

/** Fixed, so that a failure reproduces; FUZZ_SEED tries another run. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const MIN_UPDATES = 10_000;
/** More than enough sessions for MIN_UPDATES: the run stops once it has them. */
const SESSIONS = 2_000;
/** Bot messages kept pressable per person, and buttons remembered to press again when stale. */
const SHOWN_KEPT = 30;
const SEEN_KEPT = 300;
const EVERY_KIND = [
  "message",
  "edited_message",
  "callback_query",
  "inline_query",
  "my_chat_member",
  "chat_member",
  "channel_post",
  "edited_channel_post",
];

const BOT_USER: User = {
  id: OFFLINE_BOT.id,
  is_bot: true,
  first_name: OFFLINE_BOT.first_name,
  username: OFFLINE_BOT.username,
};
const MENTION = `@${OFFLINE_BOT.username}`;
const GROUP: Chat = { id: -1001, type: "supergroup", title: "HK travellers" };
const SMALL_GROUP: Chat = { id: -5, type: "group", title: "Family" };
const CHANNEL: Chat = { id: -1002, type: "channel", title: "HK SIM news" };

const words = (list: string) => list.split("|");
const LATIN = words("hello|hotspot|eSIM|data|roaming|share|card|wifi|GB|ok");
const HANS = words("香港|数据卡|流量|共享|热点|怎么|用了|还剩|设置|提醒");
const HANT = words("數據卡|熱點|點樣|設定|剩餘|幾多|電話卡|儲值|開通|網絡");
const CANTONESE = [..."咗嘅唔冇喺啲嘢咩噉㗎啦喇嗰佢"];
const EMOJI = ["😀", "👍🏽", "👨‍👩‍👧‍👦", "🇭🇰", "❤️", "🏳️‍🌈", "🤷‍♀️", "📶", "🔥"];
const RTL = ["مرحبا", "שלום", "\u202eabc\u202c", "\u200fفي\u200f", "سيم كارت"];
const INVISIBLE = [..."\u200b\u200c\u200d\ufeff\u2060\u00ad\u3000"];
const CONTROL = [..."\u0000\u0007\b\t\n\r\u001b\u007f\u0085"];
const HTML_LIKE = words(
  '<b>|</i>|<script>alert(1)</script>|&amp;|&|&#x1F600;|<a href="javascript:x">|<tg-spoiler>|<<>>|a < b > c|<br/>|"quoted"',
);
const QUESTIONS = words(
  "is there free wifi in hong kong|can i share data through a hotspot|香港有免费wifi吗|點樣查用量|esim可以吗|how do I check my data usage|which carrier is best|help me choose a sharing workaround|set up an alert|设置提醒|揀共享方案|張卡喺大陸用唔用到|thanks|hi|bye|ok|asdfgh|???",
);
const COMMANDS = [
  ...words("/start|/help|/topics|/language|/share|/monitor|/usage|/tracker|/cancel|/stats"),
  ...words("/used 15|/used 2.3GB|/used|/used abc|/used 99999999999GB|/used -3"),
  ...words("/start faq_x|/start faq_public-wifi|/start used_2p3gb|/start used_|/start inline"),
  ...words("/start share|/start monitor|/start plan|/start usage|/faq|/faq is there free wifi"),
  `/faq${MENTION} 用咗 2G`,
  `/start${MENTION}`,
  `/help${MENTION}`,
  `/stats${MENTION}`,
  "/start@other_bot",
  "/unknown",
  "/START",
];
const FLOW_ANSWERS = words(
  "1|2|3|5|6|12|0|-1|two|a week|3 days|一个月|兩星期|mostly together|apart|一齊|分開|light|heavy|not much video|好多片|no|yes|唔使|係|不要|9pm, no 10pm|朝早9点|none|10GB|5G|500mb|20%|1GB left|today|yesterday|1 Dec|昨日|2026-12-01|back|cancel",
);
const USAGE_REPORTS = words(
  "用咗 2G|用咗 2.3G|I have 1GB left|2.3GB|3.5|used 500mb|仲剩幾多？|还剩多少|剩返 3G|I've used 3GB, how many days left?|used 12GB|用了 0.5G|+1GB|１２ＧＢ",
);
/** Ways into a flow, for the sessions that walk through one. */
const FLOW_STARTS = [
  ...words("/share|/monitor|/start share|/start monitor|/usage|设置提醒"),
  ...words("help me choose a sharing workaround|set up an alert"),
];

const piece = fc.oneof(
  ...[LATIN, HANS, HANT, CANTONESE, EMOJI, RTL, INVISIBLE, CONTROL, HTML_LIKE].map((list) =>
    fc.constantFrom(...list),
  ),
  fc.string({ unit: "grapheme", maxLength: 6 }),
);
/** Scripts, emoji, invisible and control characters and HTML-looking bits, run together. */
const mixedText = fc
  .tuple(fc.array(piece, { minLength: 1, maxLength: 12 }), fc.constantFrom("", " ", "\n"))
  .map(([pieces, glue]) => pieces.join(glue));
const meaningfulText = fc.oneof(
  fc.constantFrom(...COMMANDS),
  fc.constantFrom(...FLOW_ANSWERS),
  fc.constantFrom(...USAGE_REPORTS),
  fc.constantFrom(...QUESTIONS),
  fc.tuple(fc.constantFrom(...QUESTIONS), piece).map(([question, extra]) => `${question} ${extra}`),
  fc
    .tuple(fc.constantFrom("/start ", "/used ", "/faq "), fc.string({ maxLength: 70 }))
    .map(([command, argument]) => command + argument),
);
const longText = fc.oneof(
  fc.string({ unit: piece, minLength: 600, maxLength: 1_200 }).map((text) => text.slice(0, 5_000)),
  fc.string({ minLength: 3_000, maxLength: 5_000 }),
  fc
    .tuple(fc.constantFrom(...QUESTIONS, ...HANT), fc.integer({ min: 100, max: 1_000 }))
    .map(([text, times]) => text.repeat(times).slice(0, 5_000)),
);
const text = fc.oneof(
  { arbitrary: meaningfulText, weight: 10 },
  { arbitrary: mixedText, weight: 4 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 80 }), weight: 2 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 80 }), weight: 2 },
  { arbitrary: longText, weight: 1 },
);
/** What people write in a group: to the bot (/faq, a mention), to each other, or commands. */
const groupText = fc.oneof(
  text.map((question) => `/faq ${question}`),
  text.map((question) => `${MENTION} ${question}`),
  text.map((question) => `${question} ${MENTION.toUpperCase()}`),
  text,
  fc.constantFrom(...COMMANDS),
);

/** Data the bot's buttons carry, one of each kind, to forge and mutate. */
const VALID_DATA = [
  ...words("menu|menu:sharing|show:public-wifi|ask:card-coverage|rate:public-wifi:up"),
  ...words("rate:public-wifi:down|lang:en|lang:zh-Hans|lang:zh-Hant|go:share|go:monitor|go:plan"),
  ...words("f:1:0|f:1:back|f:1:cancel|tracker:pause|tracker:resume|tracker:delete"),
  ...words("tracker:delete-yes|tracker:keep|tracker:typo|u:500:0|r:500:0"),
];
const PREFIXES = words("menu|show|ask|rate|lang|go|f|tracker|u|r|x");

/** A button's data changed the way a forger (or a client bug) would change it. */
function mutate(data: string, how: number): string {
  switch (how % 8) {
    case 0:
      return data.replace(/\d+/g, () => ["0", "999999", "1234567", "-1", "1e3"][how % 5] ?? "");
    case 1:
      return data.slice(0, how % Math.max(data.length, 1));
    case 2:
      return `${data}${["x", ":", "0", "é", "🙂", " "][how % 6]}`;
    case 3:
      return data.replace(/^[^:]*/, PREFIXES[how % PREFIXES.length] ?? "");
    case 4:
      return data.toUpperCase();
    case 5:
      return `${data}:${data}`;
    case 6:
      return data.replace(/:[a-z-]+/, [":no-such-entry", ":fr", ":", ":../"][how % 4] ?? "");
    default:
      return data.replace(":", " : ");
  }
}

type DataSource =
  /** A button seen before, as it was (stale, once its message moved on). */
  | { seen: number }
  | { forged: string }
  | { mutated: number; how: number }
  /** A game's button: no data at all. */
  | { game: true };

const dataSource: fc.Arbitrary<DataSource> = fc.oneof(
  { arbitrary: fc.nat().map((seen) => ({ seen })), weight: 4 },
  {
    arbitrary: fc
      .oneof(fc.constantFrom(...VALID_DATA), fc.string({ unit: "binary", maxLength: 80 }))
      .map((forged) => ({ forged })),
    weight: 3,
  },
  { arbitrary: fc.record({ mutated: fc.nat(), how: fc.nat() }), weight: 3 },
  { arbitrary: fc.constant({ game: true as const }), weight: 1 },
);

/** Under a message on screen, an unknown one, one too old to be included, or an inline one. */
type Where = "shown" | "unknown" | "old" | "inline";

/** What one person does: one update each. */
type Action =
  | { kind: "text"; text: string }
  | { kind: "reply"; text: string; pick: number }
  | { kind: "edit"; text: string; pick: number }
  /** An answer picked from an inline query, sent into the chat through the bot. */
  | { kind: "via-bot"; text: string }
  /** A button on screen now, mostly under the newest message; `onward`, not back or cancel. */
  | { kind: "tap"; pick: number; newest: boolean; onward: boolean }
  | { kind: "callback"; data: DataSource; where: Where; pick: number }
  | { kind: "inline"; query: string }
  | { kind: "other"; content: Partial<Message> }
  | { kind: "bot-status"; status: MemberStatus }
  | { kind: "member"; from: MemberStatus; to: MemberStatus; pick: number };

const fileId = fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 20 });
const media = fc.oneof<fc.Arbitrary<Partial<Message>>[]>(
  fc.tuple(fileId, fc.constantFrom(...EMOJI)).map(([id, emoji]) => ({
    sticker: {
      file_id: id,
      file_unique_id: id,
      type: "regular" as const,
      width: 512,
      height: 512,
      is_animated: false,
      is_video: false,
      emoji,
    },
  })),
  fc.tuple(fileId, fc.option(text, { nil: undefined })).map(([id, caption]) => ({
    photo: [{ file_id: id, file_unique_id: id, width: 800, height: 600 }],
    ...(caption === undefined ? {} : { caption }),
  })),
  fc
    .record({
      latitude: fc.double({ min: -90, max: 90, noNaN: true }),
      longitude: fc.double({ min: -180, max: 180, noNaN: true }),
    })
    .map((location) => ({ location })),
  fileId.map((id) => ({ voice: { file_id: id, file_unique_id: id, duration: 3 } })),
  fc.tuple(fileId, text).map(([id, caption]) => ({
    document: { file_id: id, file_unique_id: id, file_name: "plan.pdf" },
    caption,
  })),
  fc.constant({ contact: { phone_number: "+85291234567", first_name: "Ka Ming" } }),
  fc.integer({ min: 1, max: 6 }).map((value) => ({ dice: { emoji: "🎲", value } })),
);
const NEWCOMER: User = { id: 300, is_bot: false, first_name: "New" };
const serviceMessage = fc.oneof<fc.Arbitrary<Partial<Message>>[]>(
  fc.constant({ new_chat_members: [NEWCOMER] }),
  fc.constant({ new_chat_members: [BOT_USER] }),
  fc.constant({ left_chat_member: NEWCOMER }),
  mixedText.map((title) => ({ new_chat_title: title })),
);
const memberStatus = fc.constantFrom<MemberStatus>("member", "left", "kicked");

const tap = (onwardOutOf10: number) =>
  fc.record({ pick: fc.nat(), newest: fc.nat(9), onward: fc.nat(9) }).map(
    ({ pick, newest, onward }): Action => ({
      kind: "tap",
      pick,
      newest: newest < 8,
      onward: onward < onwardOutOf10,
    }),
  );
const callback = (...where: Where[]) =>
  fc
    .record({ data: dataSource, where: fc.constantFrom(...where), pick: fc.nat() })
    .map((fields): Action => ({ kind: "callback", ...fields }));
const withText = (kind: "text" | "reply" | "edit", texts: fc.Arbitrary<string>) =>
  fc.record({ text: texts, pick: fc.nat() }).map((fields) => ({ kind, ...fields }) as Action);
const inlineQuery = text.map((query): Action => ({ kind: "inline", query: query.slice(0, 256) }));
const viaBot = fc
  .constantFrom(...QUESTIONS)
  .map((question): Action => ({ kind: "via-bot", text: `<b>${question}</b>` }));
const other = (content: fc.Arbitrary<Partial<Message>>) =>
  content.map((content): Action => ({ kind: "other", content }));

const privateAction: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: withText("text", text), weight: 30 },
  { arbitrary: tap(9), weight: 24 },
  { arbitrary: callback("shown", "unknown", "old"), weight: 8 },
  { arbitrary: callback("inline"), weight: 3 },
  { arbitrary: inlineQuery, weight: 5 },
  { arbitrary: withText("edit", text), weight: 4 },
  { arbitrary: withText("reply", text), weight: 3 },
  { arbitrary: viaBot, weight: 1 },
  { arbitrary: other(media), weight: 4 },
  {
    arbitrary: fc
      .constantFrom<MemberStatus>("kicked", "member")
      .map((status): Action => ({ kind: "bot-status", status })),
    weight: 2,
  },
);
/** Someone set on a flow: mostly taps on its buttons and answers to its questions. */
const walkAction: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: tap(10), weight: 14 },
  { arbitrary: withText("text", fc.constantFrom(...FLOW_ANSWERS, ...USAGE_REPORTS)), weight: 4 },
  { arbitrary: privateAction, weight: 2 },
);
const groupAction: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: withText("text", groupText), weight: 30 },
  { arbitrary: withText("reply", text), weight: 6 },
  { arbitrary: tap(9), weight: 10 },
  { arbitrary: callback("shown", "unknown", "old", "inline"), weight: 6 },
  { arbitrary: inlineQuery, weight: 4 },
  { arbitrary: withText("edit", groupText), weight: 3 },
  { arbitrary: viaBot, weight: 1 },
  { arbitrary: other(fc.oneof(media, serviceMessage)), weight: 3 },
  {
    arbitrary: fc
      .record({ from: memberStatus, to: memberStatus, pick: fc.nat() })
      .map((fields): Action => ({ kind: "member", ...fields })),
    weight: 2,
  },
  { arbitrary: memberStatus.map((status): Action => ({ kind: "bot-status", status })), weight: 1 },
);
/** On behalf of a chat there are messages only: buttons are always pressed by a person. */
const signedAction: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: withText("text", groupText), weight: 8 },
  { arbitrary: withText("reply", text), weight: 2 },
  { arbitrary: withText("edit", groupText), weight: 2 },
  { arbitrary: other(media), weight: 1 },
);

/** Between one person's steps: mostly seconds, now and then long enough for a flow to expire. */
const stepGap = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 3_000 }), weight: 50 },
  { arbitrary: fc.integer({ min: 10_000, max: 120_000 }), weight: 8 },
  { arbitrary: fc.integer({ min: 31 * 60_000, max: 40 * 60_000 }), weight: 1 },
);
/** Before a session: the rate limit's window, a flow's expiry or a plan's days may pass. */
const sessionGap = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 60_000 }), weight: 10 },
  { arbitrary: fc.integer({ min: 60_000, max: 30 * 60_000 }), weight: 5 },
  { arbitrary: fc.integer({ min: 31 * 60_000, max: 6 * 3_600_000 }), weight: 2 },
  { arbitrary: fc.integer({ min: 86_400_000, max: 4 * 86_400_000 }), weight: 1 },
);
const steps = (action: fc.Arbitrary<Action>, minLength: number, maxLength: number) =>
  fc.array(fc.tuple(stepGap, action), { minLength, maxLength, size: "max" });

/** In a private chat, in a group, or speaking in a group on behalf of a chat. */
type CastKind = "private" | "group" | "signed";
const SESSION_STEPS: Record<CastKind, fc.Arbitrary<[number, Action][]>> = {
  private: fc.oneof(
    { arbitrary: steps(privateAction, 1, 14), weight: 5 },
    {
      arbitrary: fc
        .tuple(fc.constantFrom(...FLOW_STARTS), steps(walkAction, 6, 16))
        .map(([start, walk]): [number, Action][] => [[0, { kind: "text", text: start }], ...walk]),
      weight: 1,
    },
  ),
  group: steps(groupAction, 1, 10),
  signed: steps(signedAction, 1, 6),
};

/** Who takes part: people in private chats, members of two groups, and chats in a group. */
const CAST: { name: string; kind: CastKind; user: User; chat?: Chat; signature?: Signature }[] = [
  { name: "private en", kind: "private", user: person(100, "en") },
  { name: "private zh-cn", kind: "private", user: person(101, "zh-cn") },
  { name: "private zh-hk", kind: "private", user: person(102, "zh-hk") },
  { name: "private, no language", kind: "private", user: person(103) },
  { name: "private fr", kind: "private", user: person(104, "fr") },
  { name: "private admin", kind: "private", user: person(ADMIN_ID, "en") },
  { name: "group: user 100", kind: "group", user: person(100, "en"), chat: GROUP },
  { name: "group: zh-hk member", kind: "group", user: person(201, "zh-hk"), chat: GROUP },
  { name: "group: admin", kind: "group", user: person(ADMIN_ID), chat: GROUP },
  { name: "small group", kind: "group", user: person(202, "zh-tw"), chat: SMALL_GROUP },
  ...[false, true].flatMap((withoutFrom) => {
    const from = withoutFrom ? ", no from" : "";
    const signed = (senderChat: Chat) => ({ senderChat, ...(withoutFrom ? { withoutFrom } : {}) });
    return [
      { name: `group: anonymous admin${from}`, user: ANONYMOUS_ADMIN, signature: signed(GROUP) },
      { name: `group: channel${from}`, user: CHANNEL_BOT, signature: signed(CHANNEL) },
    ].map((cast) => ({ ...cast, kind: "signed" as const, chat: GROUP }));
  }),
  {
    name: "channel post",
    kind: "signed",
    user: CHANNEL_BOT,
    chat: CHANNEL,
    signature: { senderChat: CHANNEL, withoutFrom: true },
  },
];

function person(id: number, languageCode?: string): User {
  return {
    id,
    is_bot: false,
    first_name: "Fuzz",
    ...(languageCode ? { language_code: languageCode } : {}),
  };
}

const castOf = (kind: CastKind) =>
  CAST.flatMap((cast, index) => (cast.kind === kind ? [index] : []));
/** A run of one person's doings, private chats most often; some walk into a flow and through it. */
const session = fc
  .oneof(
    { arbitrary: fc.constantFrom(...castOf("private")), weight: 6 },
    { arbitrary: fc.constantFrom(...castOf("group")), weight: 3 },
    { arbitrary: fc.constantFrom(...castOf("signed")), weight: 1 },
  )
  .chain((index) =>
    fc.record({
      cast: fc.constant(index),
      pause: sessionGap,
      steps: SESSION_STEPS[CAST[index]?.kind ?? "private"],
    }),
  );

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
}, 60_000);
