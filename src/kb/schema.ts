import { z } from "zod";
import type { Language } from "../text/language.js";

/** The carriers a user can name when the tracker asks whose card it is ("unsure" included). */
export const CARRIERS = ["cmhk", "hkt", "smartone", "three", "unicom", "mvno", "unsure"] as const;
export type Carrier = (typeof CARRIERS)[number];

export const MAX_ANSWER_CHARS = 600;
/** Titles label Telegram buttons, which show about this much before they truncate. */
export const MAX_TITLE_CHARS = 40;
/** An article's title, shown on the answer's source line. */
const MAX_SOURCE_TITLE_CHARS = 80;
export const MIN_QUESTIONS = 8;
export const MAX_RELATED = 3;
export const MAX_REPLY_CHARS = 300;
export const MIN_OUT_OF_SCOPE_QUESTIONS = 4;

const kebabId = z
  .string()
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    "must be kebab-case: lower-case letters and digits joined by -",
  );

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, "must not be empty")
    .refine((value) => [...value].length <= max, `must be at most ${max} characters`);

const authored = (max: number) =>
  z.strictObject({
    "zh-Hans": text(max),
    "zh-Hant": text(max).optional(),
    en: text(max),
  });

export const categorySchema = z.strictObject({
  id: kebabId,
  order: z.number().int(),
  title: authored(MAX_TITLE_CHARS),
});

export const entrySchema = z.strictObject({
  id: kebabId,
  category: kebabId,
  title: authored(MAX_TITLE_CHARS),
  questions: z.array(text(200)).min(MIN_QUESTIONS, `needs at least ${MIN_QUESTIONS} questions`),
  answer: authored(MAX_ANSWER_CHARS),
  related: z.array(kebabId).max(MAX_RELATED, `lists at most ${MAX_RELATED} ids`).default([]),
  source: z.strictObject({
    article: z
      .string()
      .regex(/^[\w-]+\.md$/, "must be an article file name such as family-sharing.md"),
    section: text(120),
  }),
});

/** A topic users ask about that the articles do not cover: the bot declines it in its own words. */
export const outOfScopeTopicSchema = z.strictObject({
  id: kebabId,
  reply: authored(MAX_REPLY_CHARS),
  questions: z
    .array(text(200))
    .min(MIN_OUT_OF_SCOPE_QUESTIONS, `needs at least ${MIN_OUT_OF_SCOPE_QUESTIONS} questions`),
  /**
   * Greetings and thanks name no subject of their own: such a topic declines a question only by
   * fitting it, never because it holds a word ("hello") that no entry holds.
   */
  smallTalk: z.boolean().default(false),
});

/** Text in all three languages, each written by hand: what readers see of the sources. */
const everyLanguage = (max: number) =>
  z.strictObject({ "zh-Hans": text(max), "zh-Hant": text(max), en: text(max) });

/** An article the answers rest on: its title and section headings, for readers in each language. */
export const sourceArticleSchema = z.strictObject({
  article: z
    .string()
    .regex(/^[\w-]+\.md$/, "must be an article file name such as family-sharing.md"),
  title: everyLanguage(MAX_SOURCE_TITLE_CHARS),
  sections: z.record(text(120), everyLanguage(MAX_TITLE_CHARS)),
});

/**
 * Mainland words in Traditional characters (as OpenCC writes them) and the Hong Kong word for
 * each: applied to converted text, and warned about where a zh-Hant text still holds one.
 */
export const hongKongWordsSchema = z.strictObject({ words: z.record(text(20), text(20)) });

export const lexiconSchema = z.strictObject({
  synonyms: z.array(z.array(text(60)).min(2, "a group needs at least two words")).default([]),
  cantonese: z.record(text(20), text(20)).default({}),
  stopwords: z.array(text(20)).default([]),
  asking: z
    .strictObject({
      words: z.array(text(20)).default([]),
      openings: z.array(text(20)).default([]),
    })
    .default({ words: [], openings: [] }),
  negated: z
    .strictObject({
      negative: text(20),
      positive: text(20),
      endings: z.array(text(20)).default([]),
      unless: z.array(text(20)).default([]),
    })
    .optional(),
});

/**
 * A word typed answers are read by, written as they are read: lower case, half-width, one space
 * between words. A "*" at its start or end stands for any letters there ("travel*", "*n't").
 */
const answerWord = z
  .string()
  .min(1, "must not be empty")
  .refine(
    (word) => word === word.trim() && !/\s{2}/.test(word),
    "must have one space between words and none at the ends",
  )
  .refine(
    (word) => word === word.normalize("NFKC").toLowerCase(),
    "must be lower case and half-width (NFKC): typed answers are read so",
  )
  .refine(
    (word) => !/[?()[\]{}|\\^$+]/.test(word),
    "is a word, not a pattern: write each form out (thank, thanks)",
  )
  .refine((word) => /^\*?[^*]+\*?$/.test(word), 'may have "*" only at its start or end');

const answerWordList = z
  .array(answerWord)
  .min(1, "must list at least one word")
  .superRefine((words, context) => {
    words.forEach((word, index) => {
      if (words.indexOf(word) !== index) {
        context.addIssue({ code: "custom", path: [index], message: `"${word}" is listed twice` });
      }
    });
  });

const leaningWords = z.strictObject({ yes: answerWordList, no: answerWordList });
const lists = <K extends string>(keys: readonly K[]) =>
  z.strictObject(
    Object.fromEntries(keys.map((key) => [key, answerWordList])) as Record<
      K,
      typeof answerWordList
    >,
  );
/** Lists matched anywhere in an answer, with the short words of each matched only as words. */
const withWholeWords = <K extends string>(keys: readonly K[]) =>
  z.strictObject({ ...lists(keys).shape, "whole-words": lists(keys).partial().optional() });

/** The words the flows read typed answers by, list by list (knowledge/answer-words.yaml). */
export const answerWordsSchema = z.strictObject({
  "yes-no": z.strictObject({
    yes: answerWordList,
    no: answerWordList,
    unsure: answerWordList,
    leading: answerWordList,
    polite: answerWordList,
    contrast: answerWordList,
    not: answerWordList,
    turning: answerWordList,
    partly: answerWordList,
    leanings: z.strictObject({
      together: leaningWords,
      occasional: leaningWords,
      offer: leaningWords,
      confirm: leaningWords,
    }),
  }),
  people: z.strictObject({
    alone: answerWordList,
    couple: answerWordList,
    companions: answerWordList,
  }),
  stay: withWholeWords(["regular", "trip", "rarely"]),
  use: withWholeWords(["heavy", "medium", "light", "lessening", "now-and-then", "video"]),
  "not-a-choice": answerWordList,
  carriers: z.strictObject({
    ...withWholeWords(CARRIERS).shape,
    /** Only the whole answer: "3" anywhere else is a number. */
    "whole-answers": lists(CARRIERS).partial().optional(),
  }),
  "check-in": z.strictObject({ none: answerWordList, yes: answerWordList, polite: answerWordList }),
});

export type Localized = Record<Language, string>;
export type Lexicon = z.infer<typeof lexiconSchema>;
export type AnswerWords = z.infer<typeof answerWordsSchema>;

export interface Category {
  id: string;
  order: number;
  title: Localized;
}

export interface Entry {
  id: string;
  category: string;
  title: Localized;
  questions: string[];
  answer: Localized;
  related: string[];
  source: { article: string; section: string };
}

export interface SourceArticle {
  title: Localized;
  /** By the heading as the article writes it (an entry's source.section). */
  sections: ReadonlyMap<string, Localized>;
}

export interface OutOfScopeTopic {
  id: string;
  reply: Localized;
  questions: string[];
  /** Greetings and thanks: see `outOfScopeTopicSchema`. */
  smallTalk: boolean;
}

export interface KnowledgeBase {
  /** Sorted by `order`. */
  categories: Category[];
  /** In file order: files sorted by name, entries as written. */
  entries: Entry[];
  /** What users ask that the knowledge base knowingly does not answer (prices, eSIM, …). */
  outOfScope: OutOfScopeTopic[];
  lexicon: Lexicon;
  /** The words the flows read typed answers by. */
  answerWords: AnswerWords;
  entryById: ReadonlyMap<string, Entry>;
  /** The articles, by file name: every entry's source is among them. */
  sources: ReadonlyMap<string, SourceArticle>;
}
