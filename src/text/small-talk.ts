/**
 * Messages that are not questions: thanks, greetings, goodbyes, and junk (emoji, punctuation,
 * stray tags, a lone letter). Pure and small, so that it runs before the matcher on every text.
 */

export type SmallTalk = "thanks" | "greeting" | "goodbye" | "okay" | "junk";
type Spoken = Exclude<SmallTalk, "junk">;

/**
 * The phrases, by kind; each both as Traditional and Simplified Chinese where they differ.
 * A message is small talk when these phrases, and the filler words around them, cover all of it.
 * Filler words alone are nothing: "bot" or "you" by itself is not small talk. Fillers must never
 * be words a question about cards could be made of.
 */
const PHRASES = {
  thanks: [
    "thanks",
    "thank you",
    "thank u",
    "thankyou",
    "thanx",
    "thnx",
    "thx",
    "tks",
    "tnx",
    "ty",
    "tysm",
    "tyvm",
    "cheers",
    "many thanks",
    "much appreciated",
    "appreciate it",
    "appreciated",
    "3q",
    "謝謝",
    "谢谢",
    "謝",
    "谢",
    "多謝",
    "多谢",
    "唔該",
    "唔该",
    "感謝",
    "感谢",
    "感恩",
    "辛苦了",
    "辛苦晒",
  ],
  greeting: [
    "hi",
    "hello",
    "hey",
    "hiya",
    "howdy",
    "hallo",
    "yo",
    "greetings",
    "good morning",
    "good afternoon",
    "good evening",
    "morning",
    "how are you",
    "how r u",
    "whats up",
    "sup",
    "你好",
    "您好",
    "你們好",
    "你们好",
    "大家好",
    "哈囉",
    "哈啰",
    "哈佬",
    "哈喽",
    "嗨",
    "喂",
    "早晨",
    "早上好",
    "早安",
    "早",
    "午安",
    "下午好",
    "晚上好",
    "在嗎",
    "在吗",
  ],
  goodbye: [
    "bye",
    "byebye",
    "goodbye",
    "good bye",
    "see you",
    "see ya",
    "see you later",
    "cya",
    "good night",
    "goodnight",
    "take care",
    "have a nice day",
    "have a good day",
    "拜拜",
    "拜",
    "再見",
    "再见",
    "下次見",
    "下次见",
    "回頭見",
    "回头见",
    "晚安",
    "88",
    "886",
  ],
  // An acknowledgement: "ok", "got it", "好的", "嗯嗯", "哈哈".
  okay: [
    "ok",
    "okay",
    "k",
    "kk",
    "ok ok",
    "got it",
    "i see",
    "cool",
    "nice",
    "great",
    "alright",
    "sure",
    "haha",
    "hahaha",
    "lol",
    "好的",
    "好",
    "好滴",
    "嗯",
    "嗯嗯",
    "哦",
    "噢",
    "明白",
    "明白了",
    "知道了",
    "收到",
    "哈哈",
    "哈哈哈",
    "好吧",
    "行",
  ],
  filler: [
    "oh",
    "ah",
    "well",
    "so",
    "very",
    "much",
    "a lot",
    "lots",
    "so much",
    "again",
    "for your help",
    "for the help",
    "for everything",
    "in advance",
    "you",
    "u",
    "too",
    "there",
    "all",
    "everyone",
    "guys",
    "dear",
    "mate",
    "bro",
    "man",
    "dude",
    "buddy",
    "bot",
    "呀",
    "啊",
    "啦",
    "喇",
    "喔",
    "哦",
    "噢",
    "嗯",
    "了",
    "咗",
    "吗",
    "嗎",
    "晒",
    "你",
    "您",
    "大家",
    "好的",
    "好",
    "非常",
    "太",
    "真係",
    "真是",
    "万分",
    "萬分",
    "机器人",
    "機器人",
    "機械人",
    "港卡助手",
  ],
} satisfies Record<Spoken | "filler", string[]>;

/** When one message holds several kinds ("thanks, bye"), the reply goes to the first of these. */
const PRIORITY: Spoken[] = ["goodbye", "thanks", "greeting", "okay"];

/** Small talk is short; anything longer is read as a question without looking further. */
const MAX_UNITS = 12;

/** Rows of a QWERTY keyboard, both ways: a run along one, typed alone, is a mash ("asdfgh"). */
const KEYBOARD_ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"].flatMap((row) => [
  row,
  [...row].reverse().join(""),
]);
/** Shorter runs ("asd", "rew") may be words or abbreviations. */
const MIN_MASH = 4;

const HAN = /\p{Script=Han}/u;
/** A Chinese character is a unit by itself; any other run of letters and digits is a word. */
const UNIT = /\p{Script=Han}|[^\s\p{Script=Han}]+/gu;
const TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi;
/** A command, or a bare "/": Telegram marks only the former as a command. */
const COMMAND_LIKE = /^\/[a-z0-9_]*(?:@\w+)?$/i;

/** What a message is when it is no question; undefined for anything that may be one. */
export function classifySmallTalk(text: string): SmallTalk | undefined {
  const trimmed = text.normalize("NFKC").trim();
  if (COMMAND_LIKE.test(trimmed)) return "junk";
  const untagged = trimmed.replace(TAG, " ");
  const units = unitsOf(untagged);
  if (units.length === 0) return "junk";
  // "<b>x</b>": markup with at most a letter inside.
  if (untagged !== trimmed && units.join("").length <= 1) return "junk";
  if (units.length === 1 && isJunkWord(units[0] ?? "")) return "junk";
  if (units.length > MAX_UNITS) return undefined;
  // A number alone ("0", "1", not "88" for bye) asks nothing; a tracker's owner has it read as
  // usage before this.
  return kindOf(units) ?? (/^[\d\s.,+-]+$/.test(untagged) ? "junk" : undefined);
}

/** Lower case, apostrophes dropped ("what's"), and everything but letters and digits a gap. */
function unitsOf(text: string): string[] {
  const words = text
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ");
  return words.match(UNIT) ?? [];
}

/** A lone Latin letter, or a keyboard mash. */
function isJunkWord(word: string): boolean {
  if (/^[a-z]$/.test(word)) return true;
  if (!/^[a-z]+$/.test(word) || word.length < MIN_MASH) return false;
  return KEYBOARD_ROWS.some((row) => row.includes(word));
}

interface Phrase {
  units: string[];
  kind: Spoken | "filler";
}

const VOCABULARY: Phrase[] = Object.entries(PHRASES).flatMap(([kind, texts]) =>
  texts.map((text) => ({ units: unitsOf(text), kind: kind as Phrase["kind"] })),
);
/** The Latin words of the vocabulary, which a stretched "hiii" is folded back to. */
const WORDS = new Set(VOCABULARY.flatMap((phrase) => phrase.units.filter((u) => !HAN.test(u))));

/** "hiii" → "hi", "thankss" → "thanks", "helloooo" → "hello": whichever the vocabulary knows. */
function known(word: string): string {
  if (WORDS.has(word) || HAN.test(word)) return word;
  const variants = [
    word.replace(/(.)\1{2,}/g, "$1$1"),
    word.replace(/(.)\1{2,}/g, "$1"),
    word.replace(/(.)\1+$/, "$1"),
    word.replace(/(.)\1+/g, "$1"),
  ];
  return variants.find((variant) => WORDS.has(variant)) ?? word;
}

/**
 * Covers the units with phrases, left to right, every way it can; the kinds each complete cover
 * used, as a set. Small talk only if some cover uses one kind at least and nothing unknown.
 */
function kindOf(raw: string[]): SmallTalk | undefined {
  const units = raw.map(known);
  // kinds[i]: the kinds used by the covers of units[0..i), or undefined if none reaches i.
  const kinds: (Set<Spoken> | undefined)[] = [new Set()];
  for (let start = 0; start < units.length; start++) {
    const before = kinds[start];
    if (!before) continue;
    for (const phrase of VOCABULARY) {
      const end = start + phrase.units.length;
      if (end > units.length || phrase.units.some((unit, i) => units[start + i] !== unit)) continue;
      const after = kinds[end] ?? new Set<Spoken>();
      kinds[end] = after;
      for (const kind of before) after.add(kind);
      if (phrase.kind !== "filler") after.add(phrase.kind);
    }
  }
  const found = kinds[units.length];
  return found ? PRIORITY.find((kind) => found.has(kind)) : undefined;
}
