/**
 * Answers picked from a few choices, as typed: how many people, how long the stay, how heavy the
 * use, which carrier, read with the knowledge base's answer words. Negation counts: "not much
 * video" is light use, "不常去" is a trip. Anything that names two choices is asked about.
 */
import { type AnswerWords, CARRIERS, type Carrier } from "../kb/schema.js";
import type { Stay, Use } from "../sharing/recommend.js";
import { findDuration } from "./durations.js";
import { NUMBER, numberValue } from "./numbers.js";
import { leftover } from "./prepare.js";
import { fromReadings, type Reading, refused, sure, unreadable } from "./reading.js";
import { alternation, findWords, wholeAnswer } from "./word-patterns.js";

export const MAX_PEOPLE = 20;
type PeoplePattern = [RegExp, (match: RegExpMatchArray) => number | undefined];

/**
 * The ways a count of people is typed. The words are the knowledge base's (who comes along,
 * "just me", "兩公婆"); how they stand with the numbers is the grammar here.
 */
function peoplePatterns(words: AnswerWords["people"]): PeoplePattern[] {
  const person = `(?:${alternation([[words.companions, "anywhere"]])})`;
  return [
    [wholeAnswer(words.alone), () => 1],
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
        `^我\\s*(?:同|和|跟|與|与|加)\\s*(?:我)?${person}\\s*(${NUMBER})\\s*(?:個人|个人|個|个|位)?$`,
        "u",
      ),
      (m) => numberValue(m[1] ?? ""),
    ],
    // One person more: "me and my wife". "Friends", "kids", 朋友 or 家人 say nothing of how many.
    [new RegExp(`^(?:me|i) (?:and|&|\\+|with) (?:my )?${person}$`, "u"), () => 2],
    [
      new RegExp(
        `^我\\s*(?:同|和|跟|與|与|加)\\s*(?:我)?(${NUMBER})\\s*(?:個|个|位)\\s*${person}$`,
        "u",
      ),
      (m) => add(1, m[1]),
    ],
    [new RegExp(`^我\\s*(?:同|和|跟|與|与|加)\\s*(?:我|my)?\\s*${person}$`, "u"), () => 2],
    [wholeAnswer(words.couple), () => 2],
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
}

function add(base: number | undefined, text: string | undefined): number | undefined {
  const extra = numberValue(text ?? "");
  return base === undefined || extra === undefined ? undefined : base + extra;
}

/** How many people need data: "三個人", "four of us", "我同老婆", "一家四口", "兩大一小". */
export function readPeople(text: string, words: ChoiceWords): Reading<number> {
  // "4个，我们全家": a count, then why; "4個，唔係，5個": two counts, asked.
  const [first = "", ...rest] = text.split(/ ?¦ ?|, ?/u).map((part) => part.trim());
  const count = (part: string) => countPeople(part, words.people);
  const counted = count(first);
  if (rest.length === 0 || counted.kind !== "sure") return rest.length === 0 ? counted : unreadable;
  const others = rest
    .map(count)
    .flatMap((reading) => (reading.kind === "sure" ? [reading.value] : []));
  if (others.length > 0) return fromReadings([...new Set([counted.value, ...others])]);
  return /\p{N}|[一二两兩三四五六七八九十]/u.test(rest.join(" ")) ? unreadable : counted;
}

function countPeople(text: string, patterns: readonly PeoplePattern[]): Reading<number> {
  // What a count is said with and adds nothing ("我哋有", "um", "about"): patterns, so here.
  const bare = leftover(text, [
    /(?:我哋|我们|我們)?(?:有|會有|会有)/gu,
    /\b(?:about|around|maybe|probably|like|um+|so|just|only|we have|there will be|it's|pls|please|thanks|thx)\b/gu,
    /大概|大約|大约|應該|应该|吧|啦|喇|呀|啊|咋|啫|而已|唔該晒|唔該|唔该|谢谢|謝謝|\bla\b/gu,
  ]);
  for (const [pattern, count] of patterns) {
    const match = text.match(pattern) ?? bare.match(pattern);
    if (!match) continue;
    const value = count(match);
    if (value === undefined || !Number.isInteger(value) || value < 1) return unreadable;
    return value > MAX_PEOPLE ? refused("out-of-range", value) : sure(value);
  }
  return unreadable;
}

/** Longer than this in Hong Kong is not a trip. */
const TRIP_MAX_DAYS = 60;

/** A short trip, or regularly / living there: "住五天" is a trip, "不常去" too, "返工" is regular. */
export function readStay(text: string, words: ChoiceWords): Reading<Stay> {
  const { regular: regularWords, trip, rarely: rarelyWords } = words.stay;
  const withoutRarely = text.replace(new RegExp(rarelyWords.source, "gu"), " ");
  // "not a trip", "不是常住": a choice said with a "not" is asked, not guessed.
  if (words.notAChoice.test(withoutRarely)) {
    return trip.test(text) || regularWords.test(text)
      ? { kind: "ask", options: ["trip", "regular"] }
      : unreadable;
  }
  const readings = new Set<Stay>();
  const rarely = rarelyWords.test(text);
  // A business trip taken every week is still regular; "不常" holds "常".
  const regular = regularWords.test(withoutRarely.replace(new RegExp(trip.source, "gu"), " "));
  const duration = findDuration(text);
  if (duration !== undefined && duration.days > 0) {
    readings.add(duration.days <= TRIP_MAX_DAYS ? "trip" : "regular");
  }
  if (rarely || (trip.test(text) && !regular)) readings.add("trip");
  if (regular) readings.add("regular");
  return fromReadings([...readings]);
}

/** How heavy the use is; when light and heavy are both named, asked. */
export function readUse(text: string, words: ChoiceWords): Reading<Use> {
  const { heavy, medium, light, negated, sometimesHeavy } = words.use;
  // "not heavy", "唔係好重": lighter, but light or medium is the user's to say.
  if (NOT_HEAVY.test(text)) return { kind: "ask", options: ["light", "medium"] };
  // "medium to heavy", "light to medium": a range is the user's to narrow.
  const range = text.match(LEVEL_RANGE);
  if (range) return fromReadings([levelOf(range[1] ?? ""), levelOf(range[2] ?? "")]);
  // "some video", "間中睇片": now and then heavy is medium or heavy.
  if (sometimesHeavy.test(text)) return { kind: "ask", options: ["medium", "heavy"] };
  const lessened = negated.test(text);
  const rest = text.replace(negated, " ");
  // "not light", "不算轻", "light? no, heavy": a level said with a "not" or a doubt is asked.
  const unexplained = rest.replace(new RegExp(light.source, "gu"), " ");
  if (words.notAChoice.test(unexplained) || /[?]/u.test(rest)) {
    return light.test(rest) || medium.test(rest) || heavy.test(rest)
      ? { kind: "ask", options: ["light", "medium", "heavy"] }
      : unreadable;
  }
  const isLight = lessened || light.test(rest);
  const isHeavy = heavy.test(rest);
  if (isHeavy && isLight) return { kind: "ask", options: ["light", "heavy"] };
  if (isHeavy) return sure("heavy");
  if (medium.test(rest)) return sure("medium");
  return isLight ? sure("light") : unreadable;
}

// The level names and how a range or a "not very" is said of them are this step's grammar.
const LEVEL = "light|medium|heavy|輕|轻|中|重";
const LEVEL_RANGE = new RegExp(`(${LEVEL})\\s*(?:to|-|~|至|到)\\s*(${LEVEL})`, "u");
const NOT_HEAVY =
  /(?:not|isn't|n't|不是|唔係|唔算|不算|冇)\s*(?:very |that |so |好|很|太)?\s*(?:heavy|重)/u;
function levelOf(word: string): Use {
  return /light|輕|轻/u.test(word) ? "light" : /heavy|重/u.test(word) ? "heavy" : "medium";
}

/** Which carrier issued the card; two named is asked. */
export function readCarrier(text: string, words: ChoiceWords): Reading<Carrier> {
  // "not csl", "不是移动": which one it is, the user still has to say.
  const unsure = new RegExp(words.carriers.unsure.source, "gu");
  if (words.notAChoice.test(text.replace(unsure, " "))) return unreadable;
  return fromReadings(CARRIERS.filter((carrier) => words.carriers[carrier].test(text)));
}

/** The answer words of the choices, as the readers look for them. */
export interface ChoiceWords {
  people: PeoplePattern[];
  stay: { regular: RegExp; trip: RegExp; rarely: RegExp };
  use: {
    heavy: RegExp;
    medium: RegExp;
    light: RegExp;
    /** A heavy or medium word after a lessening one is light use: "not much video". */
    negated: RegExp;
    /** A video word after a now-and-then one is medium or heavy use: "some video". */
    sometimesHeavy: RegExp;
  };
  /** A "not" that no known phrase ("not often", "not much video") has accounted for. */
  notAChoice: RegExp;
  carriers: Record<Carrier, RegExp>;
}

/** Lists looked for anywhere, each with its own whole words ("ig", not in "big"). */
type ListsWithWholeWords<K extends string> = Record<K, string[]> & {
  "whole-words"?: { [key in K]?: string[] | undefined } | undefined;
};

/** The source of a pattern that finds a word of one list, or one of its whole words. */
function listWords<K extends string>(lists: ListsWithWholeWords<K>, key: K): string {
  return alternation([
    [lists[key], "anywhere"],
    [lists["whole-words"]?.[key] ?? [], "as-words"],
  ]);
}

export function compileChoiceWords(words: AnswerWords): ChoiceWords {
  const { stay, use, carriers } = words;
  const find = <K extends string>(lists: ListsWithWholeWords<K>, key: K) =>
    new RegExp(listWords(lists, key), "u");
  const heavy = find(use, "heavy");
  const medium = find(use, "medium");
  const carrier = (id: Carrier) => {
    const whole = carriers["whole-answers"]?.[id];
    const found = listWords(carriers, id);
    return new RegExp(whole ? `${found}|${wholeAnswer(whole).source}` : found, "u");
  };
  // A few words may stand between: "不怎么看视频", "間中睇下片".
  const before = (first: string, gap: number, then: string) =>
    `(?:${first})\\s*(?:\\w+\\s*|\\p{Script=Han}){0,${gap}}?(?:${then})`;
  return {
    people: peoplePatterns(words.people),
    stay: {
      regular: find(stay, "regular"),
      trip: find(stay, "trip"),
      rarely: find(stay, "rarely"),
    },
    use: {
      heavy,
      medium,
      light: find(use, "light"),
      negated: new RegExp(
        before(listWords(use, "lessening"), 3, `${heavy.source}|${medium.source}`),
        "gu",
      ),
      sometimesHeavy: new RegExp(
        before(listWords(use, "now-and-then"), 2, listWords(use, "video")),
        "u",
      ),
    },
    notAChoice: findWords(words["not-a-choice"], "as-words"),
    carriers: Object.fromEntries(CARRIERS.map((id) => [id, carrier(id)])) as Record<
      Carrier,
      RegExp
    >,
  };
}
