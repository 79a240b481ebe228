import { fileURLToPath } from "node:url";
import { createI18n } from "../src/bot/i18n.js";
import type { Translate } from "../src/bot/views.js";
import type { KnowledgeBase } from "../src/kb/schema.js";
import { loadKnowledgeBase } from "../src/knowledge.js";
import type { Language } from "../src/text/language.js";

export const projectPath = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

let shipped: Promise<KnowledgeBase> | undefined;

/** The project's own knowledge base, loaded once per test file. */
export function shippedKnowledgeBase(): Promise<KnowledgeBase> {
  shipped ??= loadKnowledgeBase(projectPath("knowledge")).then((result) => {
    if (!result.ok) throw new Error(`knowledge base has ${result.problems.length} problem(s)`);
    return result.kb;
  });
  return shipped;
}

const i18n = createI18n();

/** The bot's own translations in one language, as views take them. */
export const translate =
  (language: Language): Translate =>
  (key, variables) =>
    i18n.t(language, key, variables);
