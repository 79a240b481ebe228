// What the fuzz test's people do: the texts, taps, media and service messages they send, in
// private chats, groups and on behalf of chats, as fast-check arbitraries.
import fc from "fast-check";
import type { Chat, Message, User } from "grammy/types";
import { OFFLINE_BOT } from "../../src/offline/fake-telegram.js";
import {
  ANONYMOUS_ADMIN,
  CHANNEL_BOT,
  type MemberStatus,
  type Signature,
} from "../../src/offline/offline-user.js";
import { ADMIN_ID } from "./harness.js";

/** Fixed, so that a failure reproduces; FUZZ_SEED tries another run. */
export const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
export const MIN_UPDATES = 10_000;
/** More than enough sessions for MIN_UPDATES: the run stops once it has them. */
export const SESSIONS = 2_000;
/** Bot messages kept pressable per person, and buttons remembered to press again when stale. */
export const SHOWN_KEPT = 30;
export const SEEN_KEPT = 300;
export const EVERY_KIND = [
  "message",
  "edited_message",
  "callback_query",
  "inline_query",
  "my_chat_member",
  "chat_member",
  "channel_post",
  "edited_channel_post",
];

export const BOT_USER: User = {
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
export const VALID_DATA = [
  ...words("menu|menu:sharing|show:public-wifi|ask:card-coverage|rate:public-wifi:up"),
  ...words("rate:public-wifi:down|lang:en|lang:zh-Hans|lang:zh-Hant|go:share|go:monitor|go:plan"),
  ...words("f:1:0|f:1:back|f:1:cancel|tracker:pause|tracker:resume|tracker:delete"),
  ...words("tracker:delete-yes|tracker:keep|tracker:typo|u:500:0|r:500:0"),
];
const PREFIXES = words("menu|show|ask|rate|lang|go|f|tracker|u|r|x");

/** A button's data changed the way a forger (or a client bug) would change it. */
export function mutate(data: string, how: number): string {
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

export type DataSource =
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
export type Action =
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
export const CAST: {
  name: string;
  kind: CastKind;
  user: User;
  chat?: Chat;
  signature?: Signature;
}[] = [
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
export const session = fc
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
