import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createI18n } from "../src/bot/i18n.js";
import type { Translate } from "../src/bot/views.js";
import type { KnowledgeBase } from "../src/kb/schema.js";
import { loadKnowledgeBase } from "../src/knowledge.js";
import type { TermNumbering } from "../src/matching/term-numbering.js";
import type { Language } from "../src/text/language.js";

export const projectPath = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

let shipped: Promise<KnowledgeBase> | undefined;

/** The project's own knowledge base, loaded once per test worker (files share their modules). */
export function shippedKnowledgeBase(): Promise<KnowledgeBase> {
  shipped ??= loadKnowledgeBase(projectPath("knowledge")).then((result) => {
    if (!result.ok) throw new Error(`knowledge base has ${result.problems.length} problem(s)`);
    return result.kb;
  });
  return shipped;
}

/** Edits a file in place, as an operator would; throws if `from` is not in it. */
export function replaceInFile(file: string, from: string, to: string): void {
  const text = readFileSync(file, "utf8");
  if (!text.includes(from)) throw new Error(`${file} does not hold ${JSON.stringify(from)}`);
  writeFileSync(file, text.replace(from, to));
}

const i18n = createI18n();

/** The bot's own translations in one language, as views take them. */
export const translate =
  (language: Language): Translate =>
  (key, variables) =>
    i18n.t(language, key, variables);

/** The space-separated words of a document: the terms of the index tests' made-up documents. */
export const split = (document: string) => document.split(" ").filter(Boolean);

/** Numbers the space-separated words of documents as they first appear. */
export function splitNumbering(): TermNumbering {
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const idOf = (term: string) => {
    if (!termIds.has(term)) termIds.set(term, terms.push(term) - 1);
    return termIds.get(term) ?? -1;
  };
  return {
    termIds,
    terms,
    read: (document, into) => {
      for (const term of split(document)) into.push(idOf(term));
    },
  };
}
