import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { formatProblem, type LoadResult, loadKnowledgeBase } from "../kb/load.js";
import type { KnowledgeBase } from "../kb/schema.js";

/** The knowledge base the CLIs read: KNOWLEDGE_DIR, else the project's own knowledge/ folder. */
export function knowledgeDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.KNOWLEDGE_DIR || fileURLToPath(new URL("../../knowledge", import.meta.url));
  // Relative, so that problems read "knowledge/entries/x.yaml:3:5" from the project folder.
  return relative(process.cwd(), dir) || ".";
}

/** Loads the knowledge base for a CLI, with its warnings, or prints every problem and exits 1. */
export async function loadOrExit(dir = knowledgeDir()): Promise<Extract<LoadResult, { ok: true }>> {
  const result = await loadKnowledgeBase(dir);
  if (result.ok) return result;
  for (const problem of result.problems) console.error(formatProblem(problem));
  console.error(`${result.problems.length} problem(s) in the knowledge base at ${dir}`);
  process.exit(1);
}

export async function loadKnowledgeBaseOrExit(dir = knowledgeDir()): Promise<KnowledgeBase> {
  return (await loadOrExit(dir)).kb;
}
