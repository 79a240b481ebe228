import { fileURLToPath } from "node:url";
import type { KnowledgeBase } from "../src/kb/schema.js";
import { loadKnowledgeBase } from "../src/knowledge.js";

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
