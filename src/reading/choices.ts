/**
 * Answers picked from a few choices, as typed: yes or no, how many people, how long the stay,
 * how heavy the use, which carrier. Negation counts: "not much video" is light use, "不常去" is a
 * trip. Anything that names two choices is asked about.
 */
import type { Stay, Use } from "../sharing/recommend.js";
import { findDuration } from "./durations.js";
import { NUMBER, numberValue } from "./numbers.js";
import { leftover } from "./prepare.js";
import { fromReadings, type Reading, refused, sure, unreadable } from "./reading.js";

const POLITE =
  /(?:唔該|唔该|謝謝|谢谢|多謝|多谢|\bthanks?\b|\bthank you\b|\bthx\b|\bplease\b|\bpls\b|喇|啦|呀|啊|吖|\bla\b|\blah\b|喔|哦|了|先|!|\.)/gu;
const YES =
  /^(?:yes|y|yeah|yea|yep|yup|ya|sure|ok|okay|k|of course|definitely|why not|sure why not|有|有呀|有啊|有的|go ahead|do it|sounds good|please do|好|好呀|好啊|好的|好吧|好嘅|好喎|好滴|係|係呀|系|是|是的|对|對|对的|啱|要|要呀|得|可以|冇問題|冇问题|没问题|沒問題|no problem|no worries|冇錯|冇错|没错|沒錯|无错|無錯|冇錯喇|冇错啦|no mistakes?|no errors?|all good|all correct|looks right|nothing wrong|no changes?|no need to change|nothing to change|no edits?|不用改|唔使改|唔洗改|冇嘢要改|不要改|唔使改喇|当然|當然|行|嗯|嗯嗯|會|会|确认|確認|confirm|save|保存|儲存|储存|存|yes save)$/u;
const NO =
  /^(?:no|n|nope|nah|not really|no need|don'?t|do not|never mind|nevermind|skip|cancel|唔|唔係|唔系|不是|不|否|唔要|不要|唔使|唔洗|不用|不需要|唔需要|免了|算了|算|冇|没有|沒有|唔好|不好|唔得|不行|不可以|唔可以|改|修改|edit|change|重新|不對|不对|唔啱|错|錯|没|沒|nobody|no one|唔會|不會|不会)$/u;
const UNSURE =
  /^(?:maybe|not sure|唔知|不知道|睇下|看看|perhaps|都得|随便|隨便|yes and no|yes no|sometimes|有時|有时|有時候|有时候|間中|间中|偶爾|偶尔)$/u;

/** What a yes or a no to one question is about: the words that lean each way ("一齊", "apart"). */
export interface Leanings {
  yes: RegExp;
  no: RegExp;
}

/** Words that take back or qualify what came before: "yes but change the hour". */
const CONTRAST =
  /\bbut\b|\bhowever\b|\bexcept\b|\bthough\b|\bactually\b|\bwait\b|\binstead\b|但|不过|不過|可是|除咗|除了|其實|其实|等陣|等等|改/u;
const NOT =
  /\bnot\b|n't\b|\bno\b|\bnever\b|\bnobody\b|\bno one\b|\bnone\b|\bnothing\b|不|唔|冇|没|沒|未/u;
/** A yes or no word at the start of a Chinese text, before more words: "係呀成日一齊". */
const LEADING =
  /^(係呀|係|是的|是|對|对|好呀|好的|好|有呀|有的|有|可以|要|唔係|唔系|不是|冇呀|冇|没有|沒有|不用|唔使|唔要|不要)(?=\p{Script=Han})/u;

/** A plain "not" before a leaning word turns it around: "不在一起" is apart, "冇分開" together. */
const NEGATING = {
  latin: /\b(?:not|no|never|don'?t|doesn'?t|nothing|nobody|no one)\b/u,
  han: /冇|没有|沒有|没|沒|不|唔/u,
};
/** A partial one makes it the user's to say: "rarely together", "間中一齊". */
const PARTIAL = {
  latin: /\b(?:rarely|hardly|seldom|barely|sometimes|occasionally|mostly not)\b/u,
  han: /很少|好少|少|間中|间中|有時|有时|偶爾|偶尔/u,
};

/**
 * What a turning word just before a leaning word makes of it: a word or two between in English
 * ("not always together"), a character or two in Chinese ("不在一起"), never across a break
 * (`¦`: "没有，大家每天都要用" answers no, then says why). The meaning, and where it starts;
 * "partial" when only the user can say.
 */
function turned(
  clauses: string,
  leanings: Leanings,
): { meaning: boolean; at: number } | "partial" | undefined {
  const found: { meaning: boolean; at: number }[] = [];
  for (const [leaning, meaning] of [
    [leanings.yes, false],
    [leanings.no, true],
  ] as const) {
    // English words with a space or two between; Chinese characters next to each other, as a
    // space typed after 没有 is a break of its own ("没有 都要一直用").
    const near = (turning: { latin: RegExp; han: RegExp }) =>
      [
        `(?:${turning.latin.source})(?: [a-z']+){0,2}? ?(?:${leaning.source})`,
        `(?:${turning.han.source})\\p{Script=Han}{0,2}?(?:${leaning.source})`,
      ]
        .map((pattern) => clauses.match(new RegExp(pattern, "u")))
        .find((match) => match !== null);
    if (near(PARTIAL)) return "partial";
    const negated = near(NEGATING);
    if (negated) found.push({ meaning, at: negated.index ?? 0 });
  }
  if (found.length > 1) return "partial";
  return found[0];
}

/**
 * Yes or no, in the three languages. A text of yes (or no) words alone, with politeness around
 * them, is sure; so is one whose other words agree with it ("係呀，成日一齊", "nah we split up").
 * One that qualifies it ("yes but change the hour", "no, but my mum sometimes"), leans the other
 * way ("yeah we split up") or says "not" after a yes is asked, as is "thanks" on its own.
 */
export function readYesNo(text: string, leanings?: Leanings, clauses?: string): Reading<boolean> {
  const bare = text.replace(POLITE, " ").replace(/\s+/g, " ").trim();
  const ask: Reading<boolean> = { kind: "ask", options: [true, false] };
  if (bare === "") return POLITE.test(text) ? ask : unreadable;
  if (YES.test(bare)) return sure(true);
  if (NO.test(bare)) return sure(false);
  if (UNSURE.test(bare)) return ask;
  const words = bare.replace(LEADING, "$1 ").split(" ");
  // "ok sure", "好的好的", "no no": the leading words, each saying the same.
  const polarity = (word: string) => {
    const once = word.match(/^(.+?)\1*$/u)?.[1] ?? word;
    return YES.test(once) ? true : NO.test(once) ? false : undefined;
  };
  const leansYes = leanings?.yes.test(bare) ?? false;
  const leansNo = leanings?.no.test(bare) ?? false;
  // "不在一起", "没有分开", "don't change anything": a leaning word turned around says the
  // opposite; "rarely together", "間中一齊" are the user's to confirm.
  const turn = leanings ? turned(clauses ?? bare, leanings) : undefined;
  if (turn === "partial") return ask;
  const said = polarity(words[0] ?? "");
  if (turn) {
    // At the start, the "not" is part of the phrase ("没有分开"), not an answer before it.
    // A "but" asks, unless what follows leans the same way ("唔啱，要改").
    const agreeing = turn.meaning ? leansYes : leansNo;
    if (turn.at === 0 || said === undefined) {
      return CONTRAST.test(bare) && !agreeing ? ask : sure(turn.meaning);
    }
    return said === turn.meaning ? sure(said) : ask;
  }
  if (said === undefined) {
    // No yes or no word, but words that lean one way only: "we split up during the day".
    // "等陣，我想改": a wait before an edit is no contrast.
    if (leansYes === leansNo || NOT.test(bare) || (CONTRAST.test(bare) && !leansNo)) {
      return unreadable;
    }
    return sure(leansYes);
  }
  let at = 1;
  while (at < words.length && polarity(words[at] ?? "") === said) at++;
  const rest = words.slice(at).join(" ");
  if (rest === "") return sure(said);
  const agrees = said ? leansYes && !leansNo : leansNo && !leansYes;
  const against = said ? leansNo : leansYes;
  if (against || polarity(rest) === !said) return ask;
  if (agrees && !(said && NOT.test(rest))) return sure(said);
  if (CONTRAST.test(rest) || (said && NOT.test(rest))) return ask;
  return sure(said);
}

export const MAX_PEOPLE = 20;
const PERSON =
  "(?:wife|husband|partner|gf|bf|girlfriend|boyfriend|friend|mum|mom|mother|dad|father|son|daughter|kid|child|baby|colleague|brother|sister|bro|sis|spouse|老婆|老公|太太|先生|男朋友|女朋友|男友|女友|媽媽|妈妈|媽咪|爸爸|爹哋|阿媽|阿爸|老母|老豆|仔|女|兒子|儿子|女兒|女儿|哥哥|姐姐|弟弟|妹妹|BB|bb)";
const PEOPLE_PATTERNS: [RegExp, (match: RegExpMatchArray) => number | undefined][] = [
  [
    /^(?:just me|only me|me only|myself|me alone|solo|alone|by myself|one person|just one|得我一個|得我一个|我一個|我一个|自己一個|自己一个|自己|一個人|一个人|淨係我|只有我|就我一个|就我一個|就我自己一個|就我自己一个|我自己一個|我自己一个|就我一个人|就我一個人|我一个人|我一個人|得我一個人|就我自己|我自己|淨係我自己)$/u,
    () => 1,
  ],
  [
    new RegExp(`^(?:me|i) (?:and|&|\\+|with) (?:my )?(${NUMBER}) (?:\\w+)$`, "u"),
    (m) => add(1, m[1]),
  ],
  [new RegExp(`^(?:me|i) ?(?:and|&|\\+|plus) ?(${NUMBER})$`, "u"), (m) => add(1, m[1])],
  [
    new RegExp(
      `^(${NUMBER}) (?:adults?|grown-?ups?|大人)(?: and| \\+|,)? (${NUMBER}) (?:kids?|children|child|小朋友|小孩|細路)$`,
      "u",
    ),
    (m) => add(numberValue(m[1] ?? ""), m[2]),
  ],
  [
    new RegExp(
      `^我\\s*(?:同|和|跟|與|与|加)\\s*(?:我)?${PERSON}\\s*(${NUMBER})\\s*(?:個人|个人|個|个|位)?$`,
      "u",
    ),
    (m) => numberValue(m[1] ?? ""),
  ],
  // One person more: "me and my wife". "Friends", "kids", 朋友 or 家人 say nothing of how many.
  [new RegExp(`^(?:me|i) (?:and|&|\\+|with) (?:my )?${PERSON}$`, "u"), () => 2],
  [
    new RegExp(
      `^我\\s*(?:同|和|跟|與|与|加)\\s*(?:我)?(${NUMBER})\\s*(?:個|个|位)\\s*${PERSON}$`,
      "u",
    ),
    (m) => add(1, m[1]),
  ],
  [new RegExp(`^我\\s*(?:同|和|跟|與|与|加)\\s*(?:我|my)?\\s*${PERSON}$`, "u"), () => 2],
  [/^(?:兩公婆|两公婆|兩夫妻|两夫妻|couple|a couple|me and the wife|me and the missus)$/u, () => 2],
  [
    new RegExp(`^(?:一家|一家人)\\s*(${NUMBER})\\s*口$|^(?:a )?family of (${NUMBER})$`, "u"),
    (m) => numberValue(m[1] ?? m[2] ?? ""),
  ],
  [
    new RegExp(
      `^(${NUMBER})\\s*(?:個|个)?\\s*大(?:人)?\\s*(${NUMBER})\\s*(?:個|个)?\\s*(?:小|小朋友|小孩|細路)$`,
      "u",
    ),
    (m) => add(numberValue(m[1] ?? ""), m[2]),
  ],
  [
    new RegExp(
      `^(?:we are |we're |there are |there're |我哋|我们|我們)?\\s*(?:團|团|一行)?\\s*(?:總共|总共|一共|合共)?\\s*(${NUMBER}|\\d+)\\s*(?:\\+|plus|或以上|個以上|个以上)?\\s*(?:個人|个人|個|个|位|人|people|persons|person|pax|adults|of us|ppl|guys|大人)?\\s*(?:去|一齊|一起|together|in total|total)?$`,
      "u",
    ),
    (m) => numberValue(m[1] ?? ""),
  ],
];

function add(base: number | undefined, text: string | undefined): number | undefined {
  const extra = numberValue(text ?? "");
  return base === undefined || extra === undefined ? undefined : base + extra;
}

/** How many people need data: "三個人", "four of us", "我同老婆", "一家四口", "兩大一小". */
export function readPeople(text: string): Reading<number> {
  // "4个，我们全家": a count, then why; "4個，唔係，5個": two counts, asked.
  const [first = "", ...rest] = text.split(/ ?¦ ?|, ?/u).map((part) => part.trim());
  const counted = countPeople(first);
  if (rest.length === 0 || counted.kind !== "sure") return rest.length === 0 ? counted : unreadable;
  const others = rest
    .map(countPeople)
    .flatMap((reading) => (reading.kind === "sure" ? [reading.value] : []));
  if (others.length > 0) return fromReadings([...new Set([counted.value, ...others])]);
  return /\p{N}|[一二两兩三四五六七八九十]/u.test(rest.join(" ")) ? unreadable : counted;
}

function countPeople(text: string): Reading<number> {
  const bare = leftover(text, [
    /(?:我哋|我们|我們)?(?:有|會有|会有)/gu,
    /\b(?:about|around|maybe|probably|like|um+|so|just|only|we have|there will be|it's|pls|please|thanks|thx)\b/gu,
    /大概|大約|大约|應該|应该|吧|啦|喇|呀|啊|咋|啫|而已|唔該晒|唔該|唔该|谢谢|謝謝|\bla\b/gu,
  ]);
  for (const [pattern, count] of PEOPLE_PATTERNS) {
    const match = text.match(pattern) ?? bare.match(pattern);
    if (!match) continue;
    const value = count(match);
    if (value === undefined || !Number.isInteger(value) || value < 1) return unreadable;
    return value > MAX_PEOPLE ? refused("out-of-range", value) : sure(value);
  }
  return unreadable;
}

const REGULAR =
  /live|living|resident|commut\w*|every ?(?:day|week|weekend|month)|weekly|daily|often|regular(?:ly)?|frequent(?:ly)?|all the time|work(?:ing)? (?:there|in hk|in hong kong)|study|studying|student|cross-border|每天|每日|每星期|每個星期|每个星期|每周|每週|每個月|每个月|每月|经常|經常|成日|常常|常去|常住|长住|長住|住喺|住在|住香港|定居|返工|上班|通勤|跨境|讀書|读书|返學|上学|上學|工作|長期|长期|久/u;
/** What kind of visit: a business trip taken every week is still regular. */
const TRIP_KIND =
  /trip|travel\w*|holiday|vacation|visit\w*|short|few days|sightseeing|旅行|旅遊|旅游|玩|出差|短期|短途|幾日|几天|几日|幾天|短暫|短暂|過境|过境|transit|layover|stopover/u;
/** Not often: these beat the regular words they contain ("不常" holds "常"). */
const RARELY =
  /一次|first time|第一次|once|偶爾|偶尔|间中|間中|有時|有时|少去|rarely|seldom|occasionally|now and then|sometimes|不常|唔常|唔係成日|不是经常|不是經常|唔多去|不多去|not often|not regular\w*|not every|don'?t live|not living|唔係住|不是住/u;
/** A "not" that no known phrase ("not often", "not much video") has accounted for. */
const NEGATOR = /\bnot\b|n't\b|\bno\b|不是|唔係|唔系|不算|唔算|\bisn|不|唔|冇|没|沒/u;
/** Longer than this in Hong Kong is not a trip. */
const TRIP_MAX_DAYS = 60;

/** A short trip, or regularly / living there: "住五天" is a trip, "不常去" too, "返工" is regular. */
export function readStay(text: string): Reading<Stay> {
  // "not a trip", "不是常住": a choice said with a "not" is asked, not guessed.
  if (NEGATOR.test(text.replace(new RegExp(RARELY.source, "gu"), " "))) {
    return TRIP_KIND.test(text) || REGULAR.test(text)
      ? { kind: "ask", options: ["trip", "regular"] }
      : unreadable;
  }
  const readings = new Set<Stay>();
  const rarely = RARELY.test(text);
  const regular = REGULAR.test(
    text
      .replace(new RegExp(RARELY.source, "gu"), " ")
      .replace(new RegExp(TRIP_KIND.source, "gu"), " "),
  );
  const duration = findDuration(text);
  if (duration !== undefined && duration.days > 0) {
    readings.add(duration.days <= TRIP_MAX_DAYS ? "trip" : "regular");
  }
  if (rarely || (TRIP_KIND.test(text) && !regular)) readings.add("trip");
  if (regular) readings.add("regular");
  return fromReadings([...readings]);
}

const HEAVY =
  /heavy|a lot|lots|loads|tons|video|videos|stream\w*|netflix|youtube|yt|tiktok|抖音|douyin|bilibili|b站|直播|live ?stream|视频|視頻|影片|睇片|看片|睇劇|追剧|追劇|煲劇|煲剧|打机|打機|gam(?:e|es|ing)|游戏|遊戲|work(?:ing)?|工作|返工|办公|辦公|hotspot|热点|熱點|laptop|电脑|電腦|notebook|zoom|teams|meeting|会议|會議|download\w*|下载|下載|大量|好多|很多|非常多|用得多|用好多|狂用|重度|重|猛/u;
const MEDIUM =
  /medium|moderate|normal|average|some|social|instagram|\big\b|facebook|\bfb\b|小红书|小紅書|微博|weibo|photo|photos|pics|pictures|相片|照片|影相|拍照|拍片|刷|一般|普通|中等|适中|適中|正常|还好|還好|麻麻|中度|中|不多不少|唔多唔少/u;
const LIGHT =
  /light|little|a bit|not much|barely|hardly|minimal|chat\w*|messag\w*|text(?:ing)?|whatsapp|wechat|微信|\bline\b|signal|telegram|maps?|google maps|地图|地圖|导航|導航|搵路|查路|email|emails|少|唔多|不多|很少|好少|轻度|輕度|轻|輕|聊天|傾偈|打字|睇地圖|看地图|basic|only (?:chat|maps|messages)/u;
/** A heavy or medium word after one of these is not heavy or medium use: "not much video". */
const NEGATED = new RegExp(
  `(?:not|no|don'?t|dont|never|hardly|barely|rarely|little|seldom|不|唔|冇|没|沒|少|很少|好少|不怎么|不怎麼|唔點|唔太|不太)\\s*(?:\\w+\\s*|\\p{Script=Han}){0,3}?(?:${HEAVY.source}|${MEDIUM.source})`,
  "gu",
);

/** How heavy the use is; when light and heavy are both named, asked. */
export function readUse(text: string): Reading<Use> {
  // "not heavy", "唔係好重": lighter, but light or medium is the user's to say.
  if (NOT_HEAVY.test(text)) return { kind: "ask", options: ["light", "medium"] };
  // "medium to heavy", "light to medium": a range is the user's to narrow.
  const range = text.match(LEVEL_RANGE);
  if (range) return fromReadings([levelOf(range[1] ?? ""), levelOf(range[2] ?? "")]);
  // "some video", "間中睇片": now and then heavy is medium or heavy.
  if (SOMETIMES_HEAVY.test(text)) return { kind: "ask", options: ["medium", "heavy"] };
  const negated = NEGATED.test(text);
  const rest = text.replace(NEGATED, " ");
  // "not light", "不算轻", "light? no, heavy": a level said with a "not" or a doubt is asked.
  const unexplained = rest.replace(new RegExp(LIGHT.source, "gu"), " ");
  if (NEGATOR.test(unexplained) || /[?]/u.test(rest)) {
    return LIGHT.test(rest) || MEDIUM.test(rest) || HEAVY.test(rest)
      ? { kind: "ask", options: ["light", "medium", "heavy"] }
      : unreadable;
  }
  const light = negated || LIGHT.test(rest);
  const heavy = HEAVY.test(rest);
  const medium = MEDIUM.test(rest);
  if (heavy && light) return { kind: "ask", options: ["light", "heavy"] };
  if (heavy) return sure("heavy");
  if (medium) return sure("medium");
  return light ? sure("light") : unreadable;
}

const LEVEL = "light|medium|heavy|輕|轻|中|重";
const LEVEL_RANGE = new RegExp(`(${LEVEL})\\s*(?:to|-|~|至|到)\\s*(${LEVEL})`, "u");
const NOT_HEAVY =
  /(?:not|isn't|n't|不是|唔係|唔算|不算|冇)\s*(?:very |that |so |好|很|太)?\s*(?:heavy|重)/u;
const SOMETIMES_HEAVY =
  /(?:\bsome\b|a bit of|a little|sometimes|occasional(?:ly)?|少少|一啲|一些|間中|间中|偶爾|偶尔|有時|有时)\s*(?:\w+\s*|\p{Script=Han}){0,2}?(?:video|stream|netflix|youtube|影片|视频|視頻|睇片|看片|直播)/u;
function levelOf(word: string): Use {
  return /light|輕|轻/u.test(word) ? "light" : /heavy|重/u.test(word) ? "heavy" : "medium";
}

export const CARRIERS = ["cmhk", "hkt", "smartone", "three", "unicom", "mvno", "unsure"] as const;
export type Carrier = (typeof CARRIERS)[number];
const CARRIER_PATTERNS: [Carrier, RegExp][] = [
  ["cmhk", /中国移动|中國移動|中移动|中移動|移动|移動|cmhk|china mobile|cmcc/u],
  ["hkt", /\bhkt\b|csl|1o1o|1010|香港电讯|香港電訊|電訊盈科|电讯盈科|pccw|club sim/u],
  ["smartone", /smart ?one|smartone|smart ?tone|数码通|數碼通|\bsmt\b/u],
  ["three", /\b3hk\b|^three(?: hk)?$|\bthree hk\b|和记|和記|\b3 ?香港|3香港|\bhutchison\b|^3$/u],
  ["unicom", /联通|聯通|unicom|\bcuhk\b/u],
  ["mvno", /mvno|virtual|虚拟|虛擬|小品牌|細牌子|细牌子|小牌子|小公司|二手|转售|轉售/u],
  [
    "unsure",
    /不知|唔知|not sure|unsure|dunno|don'?t know|idk|no idea|忘了|唔記得|不记得|不記得|forgot|不清楚|唔清楚|冇印象/u,
  ],
];

/** Which carrier issued the card; two named is asked. */
export function readCarrier(text: string): Reading<Carrier> {
  // "not csl", "不是移动": which one it is, the user still has to say.
  const unsure = CARRIER_PATTERNS.find(([carrier]) => carrier === "unsure")?.[1];
  if (unsure && NEGATOR.test(text.replace(new RegExp(unsure.source, "gu"), " "))) {
    return unreadable;
  }
  return fromReadings(
    CARRIER_PATTERNS.filter(([, pattern]) => pattern.test(text)).map(([carrier]) => carrier),
  );
}
