import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { hongKongTraditionalConverter } from "../text/chinese.js";
import { checkLexiconWords, findDuplicates, type Located } from "./checks.js";
import { type HongKongWords, hongKongWords } from "./hong-kong-words.js";
import {
  answerWordsSchema,
  categorySchema,
  entrySchema,
  hongKongWordsSchema,
  type KnowledgeBase,
  type Lexicon,
  type Localized,
  lexiconSchema,
  outOfScopeTopicSchema,
  type SourceArticle,
  sourceArticleSchema,
} from "./schema.js";
import { type PathKey, type Problem, parseYamlSource, type YamlSource } from "./yaml-source.js";

export type { Problem } from "./yaml-source.js";
export { formatProblem } from "./yaml-source.js";

type EntryInput = z.infer<typeof entrySchema>;
type AuthoredText = EntryInput["answer"];

// What the checks across files read of an item, even when the rest of it is invalid.
const entryReferenceSchema = z.object({
  id: entrySchema.shape.id,
  category: entrySchema.shape.category,
  related: entrySchema.shape.related,
  questions: z.array(z.string()).default([]),
});
const categoryReferenceSchema = z.object({ id: categorySchema.shape.id });
const outOfScopeReferenceSchema = entryReferenceSchema.pick({ id: true, questions: true });
type EntryReference = z.infer<typeof entryReferenceSchema>;

/** A knowledge base, with what is worth a look but stops nothing (Mainland words in zh-Hant). */
export type LoadResult =
  | { ok: true; kb: KnowledgeBase; warnings: Problem[] }
  | { ok: false; problems: Problem[] };

export const CATEGORIES_FILE = "categories.yaml";
export const LEXICON_FILE = "synonyms.yaml";
export const ENTRIES_DIR = "entries";
/** Optional: a knowledge base may decline nothing by name. */
export const OUT_OF_SCOPE_FILE = "out-of-scope.yaml";
export const SOURCES_FILE = "sources.yaml";
/** Optional: without it, converted zh-Hant keeps OpenCC's words. */
export const HONG_KONG_WORDS_FILE = "hong-kong-words.yaml";
export const ANSWER_WORDS_FILE = "answer-words.yaml";

export interface ReadOptions {
  /**
   * What a question becomes for the matcher, built from the lexicon: two questions with the same
   * key cannot be told apart, so they may not point to two places. The matcher supplies it, since
   * it is the matcher that reads questions.
   */
  questionKey: (lexicon: Lexicon) => (question: string) => string;
  /** What a lexicon word becomes for the matcher: two words with the same key are one word to it. */
  wordKey: (word: string) => string;
}

/**
 * Reads and validates the knowledge base in `dir`. Every problem is collected, none stops the
 * others from being found; the knowledge base is returned only when there are none.
 */
export async function readKnowledgeBase(
  dir: string,
  { questionKey, wordKey }: ReadOptions,
): Promise<LoadResult> {
  const problems: Problem[] = [];

  const readSource = async (
    file: string,
    { optional = false } = {},
  ): Promise<YamlSource | undefined> => {
    try {
      const source = parseYamlSource(file, await readFile(file, "utf8"));
      problems.push(...source.syntaxProblems);
      return source;
    } catch (error) {
      if (optional && (error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      problems.push({ file, line: 1, column: 1, message: `cannot be read: ${describe(error)}` });
      return undefined;
    }
  };

  const validate = <S extends z.ZodType>(
    schema: S,
    source: YamlSource,
    value: unknown,
    path: PathKey[],
  ): z.infer<S> | undefined => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const entryId = idOf(value);
    for (const issue of parsed.error.issues) {
      const issuePath = issue.path.filter((key) => typeof key !== "symbol");
      const where = issuePath.length > 0 ? `${issuePath.join(".")}: ` : "";
      problems.push(source.problemAt([...path, ...issuePath], where + explain(issue), entryId));
    }
    return undefined;
  };

  /**
   * Validates a file that holds a list, item by item, so that one bad item hides nothing. Items
   * that fail are still returned as far as `referenceSchema` can read them, for the checks
   * across files (duplicate ids, unknown references), so those are reported in the same run.
   */
  const validateList = <S extends z.ZodType, R extends z.ZodType>(
    schema: S,
    referenceSchema: R,
    source: YamlSource | undefined,
  ) => {
    const valid: Located<z.infer<S>>[] = [];
    const references: Located<z.infer<R>>[] = [];
    if (!source || source.data === undefined) return { valid, references };
    if (!Array.isArray(source.data)) {
      problems.push(source.problemAt([], "must be a YAML list (items starting with -)"));
      return { valid, references };
    }
    source.data.forEach((item, index) => {
      const value = validate(schema, source, item, [index]);
      if (value) valid.push({ value, source, path: [index] });
      const reference = referenceSchema.safeParse(item);
      if (reference.success) references.push({ value: reference.data, source, path: [index] });
    });
    return { valid, references };
  };

  const categoriesSource = await readSource(join(dir, CATEGORIES_FILE));
  const categories = validateList(categorySchema, categoryReferenceSchema, categoriesSource);

  const lexiconSource = await readSource(join(dir, LEXICON_FILE));
  const lexicon: Lexicon =
    (lexiconSource?.data !== undefined &&
      validate(lexiconSchema, lexiconSource, lexiconSource.data, [])) ||
    lexiconSchema.parse({});

  if (lexiconSource) problems.push(...checkLexiconWords(lexicon, lexiconSource, wordKey));

  const entries: Located<EntryInput>[] = [];
  const entryReferences: Located<EntryReference>[] = [];
  for (const file of await listYamlFiles(join(dir, ENTRIES_DIR), problems)) {
    const { valid, references } = validateList(
      entrySchema,
      entryReferenceSchema,
      await readSource(file),
    );
    entries.push(...valid);
    entryReferences.push(...references);
  }

  const outOfScope = validateList(
    outOfScopeTopicSchema,
    outOfScopeReferenceSchema,
    await readSource(join(dir, OUT_OF_SCOPE_FILE), { optional: true }),
  );

  const sources = validateList(
    sourceArticleSchema,
    z.object({}),
    await readSource(join(dir, SOURCES_FILE)),
  );
  const sourceByArticle = new Map(sources.valid.map(({ value }) => [value.article, value]));
  problems.push(...checkSources(entries, sourceByArticle));

  const wordsSource = await readSource(join(dir, HONG_KONG_WORDS_FILE), { optional: true });
  const words = hongKongWords(
    (wordsSource?.data !== undefined &&
      validate(hongKongWordsSchema, wordsSource, wordsSource.data, [])?.words) ||
      {},
  );

  const answerWordsSource = await readSource(join(dir, ANSWER_WORDS_FILE));
  const answerWords =
    answerWordsSource?.data !== undefined
      ? validate(answerWordsSchema, answerWordsSource, answerWordsSource.data, [])
      : undefined;

  problems.push(
    ...findDuplicates(categories.references, (category) => [category.id], "category id"),
  );
  problems.push(...findDuplicates(entryReferences, (entry) => [entry.id], "entry id"));
  problems.push(...findDuplicates(outOfScope.references, (topic) => [topic.id], "topic id"));
  problems.push(
    ...checkReferences(entryReferences, new Set(categories.references.map((c) => c.value.id))),
  );
  const keyOf = questionKey(lexicon);
  // A question may stand in one place only: an entry, or a topic the bot declines.
  problems.push(
    ...findDuplicates(
      [...entryReferences, ...outOfScope.references],
      (entry) => entry.questions.map(keyOf),
      "question (after normalisation)",
      "questions",
    ),
  );

  // Without answer words, a problem says why.
  if (problems.length > 0 || answerWords === undefined) {
    return { ok: false, problems: problems.sort(byPosition) };
  }
  const toTraditional = hongKongTraditionalConverter();
  const localize = localizer((text) => words.replace(toTraditional(text)));
  const built = entries.map(({ value }) => ({
    ...value,
    title: localize(value.title),
    answer: localize(value.answer),
  }));
  return {
    ok: true,
    warnings: findMainlandWords(words, [
      ...categories.valid.map((item) => ({ ...item, fields: ["title"] })),
      ...entries.map((item) => ({ ...item, fields: ["title", "answer"] })),
      ...outOfScope.valid.map((item) => ({ ...item, fields: ["reply"] })),
    ]),
    kb: {
      categories: categories.valid
        .map(({ value }) => ({ ...value, title: localize(value.title) }))
        .sort((a, b) => a.order - b.order),
      entries: built,
      outOfScope: outOfScope.valid.map(({ value }) => ({ ...value, reply: localize(value.reply) })),
      lexicon,
      answerWords,
      entryById: new Map(built.map((entry) => [entry.id, entry])),
      sources: new Map(
        sources.valid.map(({ value }): [string, SourceArticle] => [
          value.article,
          { title: value.title, sections: new Map(Object.entries(value.sections)) },
        ]),
      ),
    },
  };
}

async function listYamlFiles(dir: string, problems: Problem[]): Promise<string[]> {
  try {
    const names = await readdir(dir);
    return names
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .map((name) => join(dir, name));
  } catch (error) {
    problems.push({ file: dir, line: 1, column: 1, message: `cannot be read: ${describe(error)}` });
    return [];
  }
}

function checkReferences(entries: Located<EntryReference>[], categoryIds: Set<string>): Problem[] {
  const entryIds = new Set(entries.map((entry) => entry.value.id));
  const problems: Problem[] = [];
  for (const { value: entry, source, path } of entries) {
    if (!categoryIds.has(entry.category)) {
      problems.push(
        source.problemAt(
          [...path, "category"],
          `category: unknown category "${entry.category}"`,
          entry.id,
        ),
      );
    }
    entry.related.forEach((id, index) => {
      const message =
        id === entry.id
          ? "related: an entry cannot be related to itself"
          : !entryIds.has(id)
            ? `related: unknown entry id "${id}"`
            : entry.related.indexOf(id) !== index
              ? `related: "${id}" is listed twice`
              : undefined;
      if (message) problems.push(source.problemAt([...path, "related", index], message, entry.id));
    });
  }
  return problems;
}

/** Every entry cites an article that sources.yaml names, and a section of it. */
function checkSources(
  entries: Located<EntryInput>[],
  sources: ReadonlyMap<string, z.infer<typeof sourceArticleSchema>>,
): Problem[] {
  const problems: Problem[] = [];
  for (const { value: entry, source, path } of entries) {
    const article = sources.get(entry.source.article);
    if (!article) {
      problems.push(
        source.problemAt(
          [...path, "source", "article"],
          `source.article: "${entry.source.article}" is not in ${SOURCES_FILE}`,
          entry.id,
        ),
      );
    } else if (!(entry.source.section in article.sections)) {
      problems.push(
        source.problemAt(
          [...path, "source", "section"],
          `source.section: "${entry.source.section}" is not a section of ${entry.source.article} in ${SOURCES_FILE}`,
          entry.id,
        ),
      );
    }
  }
  return problems;
}

/** Hand-written zh-Hant that still holds a Mainland word: where, the word, and Hong Kong's. */
function findMainlandWords(
  words: HongKongWords,
  items: (Located<{ id: string } & Record<string, unknown>> & { fields: string[] })[],
): Problem[] {
  const warnings: Problem[] = [];
  for (const { value, source, path, fields } of items) {
    for (const field of fields) {
      const text = (value[field] as Partial<AuthoredText> | undefined)?.["zh-Hant"];
      for (const { word, hongKong } of words.find(text ?? "")) {
        warnings.push(
          source.problemAt(
            [...path, field, "zh-Hant"],
            `${field}.zh-Hant: the Mainland word "${word}"; Hong Kong writes "${hongKong}"`,
            value.id,
          ),
        );
      }
    }
  }
  return warnings.sort(byPosition);
}

/** The Traditional (Hong Kong) text is the author's when given, else converted from Simplified. */
function localizer(toHongKongTraditional: (text: string) => string) {
  return (text: AuthoredText): Localized => ({
    "zh-Hans": text["zh-Hans"],
    "zh-Hant": text["zh-Hant"] ?? toHongKongTraditional(text["zh-Hans"]),
    en: text.en,
  });
}

function explain(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type" && /received undefined$/.test(issue.message))
    return "is missing";
  return issue.message;
}

function idOf(value: unknown): string | undefined {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === "string" ? id : undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function byPosition(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}
